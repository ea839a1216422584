output "app-west_vpc_id" {
  description = "Id of VPC app-west."
  value       = aws_vpc.app-west.id
}

output "app-west_subnet_ids" {
  description = "Subnet ids of VPC app-west by tier, in AZ order."
  value = {
    "data" = [aws_subnet.app-west_data_a.id, aws_subnet.app-west_data_b.id]
  }
}

output "app-west_route_table_ids" {
  description = "Route table ids of VPC app-west."
  value = {
    "app-west-isolated" = aws_route_table.app-west_isolated.id
  }
}
