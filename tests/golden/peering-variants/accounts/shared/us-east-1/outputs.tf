output "hub-east_vpc_id" {
  description = "Id of VPC hub-east."
  value       = aws_vpc.hub-east.id
}

output "hub-east_subnet_ids" {
  description = "Subnet ids of VPC hub-east by tier, in AZ order."
  value = {
    "app"  = [aws_subnet.hub-east_app_a.id, aws_subnet.hub-east_app_b.id]
    "data" = [aws_subnet.hub-east_data_a.id, aws_subnet.hub-east_data_b.id]
  }
}

output "hub-east_route_table_ids" {
  description = "Route table ids of VPC hub-east."
  value = {
    "hub-east-private-a" = aws_route_table.hub-east_private_a.id
    "hub-east-private-b" = aws_route_table.hub-east_private_b.id
    "hub-east-isolated"  = aws_route_table.hub-east_isolated.id
  }
}

output "svc-east_vpc_id" {
  description = "Id of VPC svc-east."
  value       = aws_vpc.svc-east.id
}

output "svc-east_subnet_ids" {
  description = "Subnet ids of VPC svc-east by tier, in AZ order."
  value = {
    "app" = [aws_subnet.svc-east_app_a.id]
  }
}

output "svc-east_route_table_ids" {
  description = "Route table ids of VPC svc-east."
  value = {
    "svc-east-private-a" = aws_route_table.svc-east_private_a.id
  }
}
