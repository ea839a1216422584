output "identity-vpc_vpc_id" {
  description = "Id of VPC identity-vpc."
  value       = aws_vpc.identity-vpc.id
}

output "identity-vpc_subnet_ids" {
  description = "Subnet ids of VPC identity-vpc by tier, in AZ order."
  value = {
    "directory" = [aws_subnet.identity-vpc_directory_a.id, aws_subnet.identity-vpc_directory_b.id]
  }
}

output "identity-vpc_route_table_ids" {
  description = "Route table ids of VPC identity-vpc."
  value = {
    "identity-vpc-private-a" = aws_route_table.identity-vpc_private_a.id
    "identity-vpc-private-b" = aws_route_table.identity-vpc_private_b.id
  }
}
