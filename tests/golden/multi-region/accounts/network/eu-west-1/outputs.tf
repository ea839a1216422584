output "network-eu_vpc_id" {
  description = "Id of VPC network-eu."
  value       = aws_vpc.network-eu.id
}

output "network-eu_subnet_ids" {
  description = "Subnet ids of VPC network-eu by tier, in AZ order."
  value = {
    "public"   = [aws_subnet.network-eu_public_a.id, aws_subnet.network-eu_public_b.id, aws_subnet.network-eu_public_c.id]
    "transit"  = [aws_subnet.network-eu_transit_a.id, aws_subnet.network-eu_transit_b.id, aws_subnet.network-eu_transit_c.id]
    "services" = [aws_subnet.network-eu_services_a.id, aws_subnet.network-eu_services_b.id, aws_subnet.network-eu_services_c.id]
  }
}

output "network-eu_route_table_ids" {
  description = "Route table ids of VPC network-eu."
  value = {
    "network-eu-public"    = aws_route_table.network-eu_public.id
    "network-eu-private-a" = aws_route_table.network-eu_private_a.id
    "network-eu-private-b" = aws_route_table.network-eu_private_b.id
    "network-eu-private-c" = aws_route_table.network-eu_private_c.id
  }
}
