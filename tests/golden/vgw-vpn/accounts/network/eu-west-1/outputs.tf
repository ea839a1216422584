output "branch_vpc_id" {
  description = "Id of VPC branch."
  value       = aws_vpc.branch.id
}

output "branch_subnet_ids" {
  description = "Subnet ids of VPC branch by tier, in AZ order."
  value = {
    "public" = [aws_subnet.branch_public_a.id, aws_subnet.branch_public_b.id]
    "app"    = [aws_subnet.branch_app_a.id, aws_subnet.branch_app_b.id]
    "data"   = [aws_subnet.branch_data_a.id, aws_subnet.branch_data_b.id]
  }
}

output "branch_route_table_ids" {
  description = "Route table ids of VPC branch."
  value = {
    "branch-public"    = aws_route_table.branch_public.id
    "branch-private-a" = aws_route_table.branch_private_a.id
    "branch-private-b" = aws_route_table.branch_private_b.id
    "branch-isolated"  = aws_route_table.branch_isolated.id
  }
}

output "branch_vpn_gateway_id" {
  description = "Id of the virtual private gateway of VPC branch."
  value       = aws_vpn_gateway.branch.id
}

output "branch_vpn_connections" {
  description = "Site-to-site VPNs of VPC branch: id and tunnel outside addresses (pre-shared keys stay in AWS)."
  value = {
    "dc-paris" = {
      id      = aws_vpn_connection.branch_dc-paris.id
      tunnels = [aws_vpn_connection.branch_dc-paris.tunnel1_address, aws_vpn_connection.branch_dc-paris.tunnel2_address]
    }
    "dc-dublin" = {
      id      = aws_vpn_connection.branch_dc-dublin.id
      tunnels = [aws_vpn_connection.branch_dc-dublin.tunnel1_address, aws_vpn_connection.branch_dc-dublin.tunnel2_address]
    }
  }
}
