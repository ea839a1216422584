output "vpc_peering_connection_id" {
  description = "Id of VPC peering connection east-local."
  value       = aws_vpc_peering_connection.east-local.id
}
