output "svc-west_vpc_id" {
  description = "Id of VPC svc-west."
  value       = aws_vpc.svc-west.id
}

output "svc-west_subnet_ids" {
  description = "Subnet ids of VPC svc-west by tier, in AZ order."
  value = {
    "app" = [aws_subnet.svc-west_app_a.id, aws_subnet.svc-west_app_b.id]
  }
}

output "svc-west_route_table_ids" {
  description = "Route table ids of VPC svc-west."
  value = {
    "svc-west-private-a" = aws_route_table.svc-west_private_a.id
    "svc-west-private-b" = aws_route_table.svc-west_private_b.id
  }
}
