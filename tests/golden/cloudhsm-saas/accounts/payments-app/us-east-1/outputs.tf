output "app-vpc_vpc_id" {
  description = "Id of VPC app-vpc."
  value       = aws_vpc.app-vpc.id
}

output "app-vpc_subnet_ids" {
  description = "Subnet ids of VPC app-vpc by tier, in AZ order."
  value = {
    "app" = [aws_subnet.app-vpc_app_a.id, aws_subnet.app-vpc_app_b.id]
  }
}

output "app-vpc_route_table_ids" {
  description = "Route table ids of VPC app-vpc."
  value = {
    "app-vpc-private-a" = aws_route_table.app-vpc_private_a.id
    "app-vpc-private-b" = aws_route_table.app-vpc_private_b.id
  }
}
