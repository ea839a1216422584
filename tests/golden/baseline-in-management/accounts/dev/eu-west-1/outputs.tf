output "dev-west_vpc_id" {
  description = "Id of VPC dev-west."
  value       = aws_vpc.dev-west.id
}

output "dev-west_subnet_ids" {
  description = "Subnet ids of VPC dev-west by tier, in AZ order."
  value = {
    "data" = [aws_subnet.dev-west_data_a.id]
  }
}

output "dev-west_route_table_ids" {
  description = "Route table ids of VPC dev-west."
  value = {
    "dev-west-isolated" = aws_route_table.dev-west_isolated.id
  }
}
