output "edge_vpc_id" {
  description = "Id of VPC edge."
  value       = aws_vpc.edge.id
}

output "edge_subnet_ids" {
  description = "Subnet ids of VPC edge by tier, in AZ order."
  value = {
    "inspection" = [aws_subnet.edge_inspection_a.id, aws_subnet.edge_inspection_b.id]
    "web"        = [aws_subnet.edge_web_a.id, aws_subnet.edge_web_b.id]
  }
}

output "edge_route_table_ids" {
  description = "Route table ids of VPC edge."
  value = {
    "edge-public" = aws_route_table.edge_public.id
    "edge-web-a"  = aws_route_table.edge_web_a.id
    "edge-web-b"  = aws_route_table.edge_web_b.id
  }
}

output "edge_appliance_eni_ids" {
  description = "Appliance network interface ids of VPC edge by AZ: attach the appliance instances here."
  value = {
    "us-east-1a" = aws_network_interface.edge_appliance_a.id
    "us-east-1b" = aws_network_interface.edge_appliance_b.id
  }
}

output "shared-prod_vpc_id" {
  description = "Id of VPC shared-prod."
  value       = aws_vpc.shared-prod.id
}

output "shared-prod_subnet_ids" {
  description = "Subnet ids of VPC shared-prod by tier, in AZ order."
  value = {
    "public" = [aws_subnet.shared-prod_public_a.id, aws_subnet.shared-prod_public_b.id, aws_subnet.shared-prod_public_c.id]
    "app"    = [aws_subnet.shared-prod_app_a.id, aws_subnet.shared-prod_app_b.id, aws_subnet.shared-prod_app_c.id]
    "tgw"    = [aws_subnet.shared-prod_tgw_a.id, aws_subnet.shared-prod_tgw_b.id, aws_subnet.shared-prod_tgw_c.id]
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
