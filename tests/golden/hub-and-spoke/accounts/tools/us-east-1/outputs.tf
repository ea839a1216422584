output "tools-vpc_vpc_id" {
  description = "Id of VPC tools-vpc."
  value       = aws_vpc.tools-vpc.id
}

output "tools-vpc_subnet_ids" {
  description = "Subnet ids of VPC tools-vpc by tier, in AZ order."
  value = {
    "app" = [aws_subnet.tools-vpc_app_a.id, aws_subnet.tools-vpc_app_b.id]
    "tgw" = [aws_subnet.tools-vpc_tgw_a.id, aws_subnet.tools-vpc_tgw_b.id]
  }
}

output "tools-vpc_route_table_ids" {
  description = "Route table ids of VPC tools-vpc."
  value = {
    "tools-vpc-private-a" = aws_route_table.tools-vpc_private_a.id
    "tools-vpc-private-b" = aws_route_table.tools-vpc_private_b.id
  }
}

output "core_tools-vpc_attachment_id" {
  description = "Id of the attachment of tools-vpc to Transit Gateway core."
  value       = aws_ec2_transit_gateway_vpc_attachment.core_tools-vpc.id
}
