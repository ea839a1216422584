output "vpc_peering_connection_id" {
  description = "Id of VPC peering connection east-to-hub."
  value       = aws_vpc_peering_connection.east-to-hub.id
}
