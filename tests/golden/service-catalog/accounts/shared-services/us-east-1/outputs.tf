output "shared-prod_vpc_id" {
  description = "Id of VPC shared-prod."
  value       = aws_vpc.shared-prod.id
}

output "shared-prod_subnet_ids" {
  description = "Subnet ids of VPC shared-prod by tier, in AZ order."
  value = {
    "public" = [aws_subnet.shared-prod_public_a.id, aws_subnet.shared-prod_public_b.id, aws_subnet.shared-prod_public_c.id]
    "app"    = [aws_subnet.shared-prod_app_a.id, aws_subnet.shared-prod_app_b.id, aws_subnet.shared-prod_app_c.id]
  }
}

output "shared-prod_route_table_ids" {
  description = "Route table ids of VPC shared-prod."
  value = {
    "shared-prod-public"    = aws_route_table.shared-prod_public.id
    "shared-prod-private-a" = aws_route_table.shared-prod_private_a.id
    "shared-prod-private-b" = aws_route_table.shared-prod_private_b.id
    "shared-prod-private-c" = aws_route_table.shared-prod_private_c.id
  }
}
