output "app-east_vpc_id" {
  description = "Id of VPC app-east."
  value       = aws_vpc.app-east.id
}

output "app-east_subnet_ids" {
  description = "Subnet ids of VPC app-east by tier, in AZ order."
  value = {
    "public" = [aws_subnet.app-east_public_a.id]
    "app"    = [aws_subnet.app-east_app_a.id]
  }
}

output "app-east_route_table_ids" {
  description = "Route table ids of VPC app-east."
  value = {
    "app-east-public"    = aws_route_table.app-east_public.id
    "app-east-private-a" = aws_route_table.app-east_private_a.id
  }
}
