output "legacy-app_vpc_id" {
  description = "Id of VPC legacy-app."
  value       = aws_vpc.legacy-app.id
}

output "legacy-app_subnet_ids" {
  description = "Subnet ids of VPC legacy-app by tier, in AZ order."
  value = {
    "app" = [aws_subnet.legacy-app_app_a.id, aws_subnet.legacy-app_app_b.id]
  }
}

output "legacy-app_route_table_ids" {
  description = "Route table ids of VPC legacy-app."
  value = {
    "legacy-app-isolated" = aws_route_table.legacy-app_isolated.id
  }
}
