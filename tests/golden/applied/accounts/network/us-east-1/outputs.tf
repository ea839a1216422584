output "hub_vpc_id" {
  description = "Id of VPC hub."
  value       = aws_vpc.hub.id
}

output "hub_subnet_ids" {
  description = "Subnet ids of VPC hub by tier, in AZ order."
  value = {
    "public"  = [aws_subnet.hub_public_a.id, aws_subnet.hub_public_b.id]
    "private" = [aws_subnet.hub_private_a.id, aws_subnet.hub_private_b.id]
  }
}

output "hub_route_table_ids" {
  description = "Route table ids of VPC hub."
  value = {
    "hub-public"    = aws_route_table.hub_public.id
    "hub-private-a" = aws_route_table.hub_private_a.id
    "hub-private-b" = aws_route_table.hub_private_b.id
  }
}

output "services_vpc_id" {
  description = "Id of VPC services."
  value       = aws_vpc.services.id
}

output "services_subnet_ids" {
  description = "Subnet ids of VPC services by tier, in AZ order."
  value = {
    "app" = [aws_subnet.services_app_a.id, aws_subnet.services_app_b.id]
  }
}

output "services_route_table_ids" {
  description = "Route table ids of VPC services."
  value = {
    "services-private-a" = aws_route_table.services_private_a.id
    "services-private-b" = aws_route_table.services_private_b.id
  }
}
