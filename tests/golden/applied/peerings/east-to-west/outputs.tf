output "vpc_peering_connection_id" {
  description = "Id of VPC peering connection east-to-west."
  value       = aws_vpc_peering_connection.east-to-west.id
}
