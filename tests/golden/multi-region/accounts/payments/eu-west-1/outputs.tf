output "payments-prod_vpc_id" {
  description = "Id of VPC payments-prod."
  value       = aws_vpc.payments-prod.id
}

output "payments-prod_subnet_ids" {
  description = "Subnet ids of VPC payments-prod by tier, in AZ order."
  value = {
    "public" = [aws_subnet.payments-prod_public_a.id, aws_subnet.payments-prod_public_b.id, aws_subnet.payments-prod_public_c.id]
    "app"    = [aws_subnet.payments-prod_app_a.id, aws_subnet.payments-prod_app_b.id, aws_subnet.payments-prod_app_c.id]
    "db"     = [aws_subnet.payments-prod_db_a.id, aws_subnet.payments-prod_db_b.id, aws_subnet.payments-prod_db_c.id]
  }
}

output "payments-prod_route_table_ids" {
  description = "Route table ids of VPC payments-prod."
  value = {
    "payments-prod-public"    = aws_route_table.payments-prod_public.id
    "payments-prod-private-a" = aws_route_table.payments-prod_private_a.id
    "payments-prod-private-b" = aws_route_table.payments-prod_private_b.id
    "payments-prod-private-c" = aws_route_table.payments-prod_private_c.id
    "payments-prod-isolated"  = aws_route_table.payments-prod_isolated.id
  }
}
