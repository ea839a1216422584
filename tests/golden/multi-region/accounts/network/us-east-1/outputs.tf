output "network-us_vpc_id" {
  description = "Id of VPC network-us."
  value       = aws_vpc.network-us.id
}

output "network-us_subnet_ids" {
  description = "Subnet ids of VPC network-us by tier, in AZ order."
  value = {
    "public"   = [aws_subnet.network-us_public_a.id, aws_subnet.network-us_public_b.id, aws_subnet.network-us_public_c.id, aws_subnet.network-us_public_d.id]
    "services" = [aws_subnet.network-us_services_a.id, aws_subnet.network-us_services_b.id, aws_subnet.network-us_services_c.id, aws_subnet.network-us_services_d.id]
  }
}

output "network-us_route_table_ids" {
  description = "Route table ids of VPC network-us."
  value = {
    "network-us-public"    = aws_route_table.network-us_public.id
    "network-us-private-a" = aws_route_table.network-us_private_a.id
    "network-us-private-b" = aws_route_table.network-us_private_b.id
    "network-us-private-c" = aws_route_table.network-us_private_c.id
    "network-us-private-d" = aws_route_table.network-us_private_d.id
  }
}
