output "vpc_peering_connection_id" {
  description = "Id of VPC peering connection hsm-to-app."
  value       = aws_vpc_peering_connection.hsm-to-app.id
}
