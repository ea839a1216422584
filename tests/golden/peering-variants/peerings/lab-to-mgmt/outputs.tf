output "vpc_peering_connection_id" {
  description = "Id of VPC peering connection lab-to-mgmt."
  value       = aws_vpc_peering_connection.lab-to-mgmt.id
}
