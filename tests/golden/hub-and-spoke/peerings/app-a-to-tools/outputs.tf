output "vpc_peering_connection_id" {
  description = "Id of VPC peering connection app-a-to-tools."
  value       = aws_vpc_peering_connection.app-a-to-tools.id
}
