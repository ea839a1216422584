output "vpc_peering_connection_id" {
  description = "Id of VPC peering connection identity-to-vpc-1."
  value       = aws_vpc_peering_connection.identity-to-vpc-1.id
}
