output "dev-main_vpc_id" {
  description = "Id of VPC dev-main."
  value       = aws_vpc.dev-main.id
}

output "dev-main_subnet_ids" {
  description = "Subnet ids of VPC dev-main by tier, in AZ order."
  value = {
    "data" = [aws_subnet.dev-main_data_a.id]
  }
}

output "dev-main_route_table_ids" {
  description = "Route table ids of VPC dev-main."
  value = {
    "dev-main-isolated" = aws_route_table.dev-main_isolated.id
  }
}
