output "app-b-vpc_vpc_id" {
  description = "Id of VPC app-b-vpc."
  value       = aws_vpc.app-b-vpc.id
}

output "app-b-vpc_subnet_ids" {
  description = "Subnet ids of VPC app-b-vpc by tier, in AZ order."
  value = {
    "app" = [aws_subnet.app-b-vpc_app_a.id, aws_subnet.app-b-vpc_app_b.id, aws_subnet.app-b-vpc_app_c.id]
    "tgw" = [aws_subnet.app-b-vpc_tgw_a.id, aws_subnet.app-b-vpc_tgw_b.id, aws_subnet.app-b-vpc_tgw_c.id]
  }
}

output "app-b-vpc_route_table_ids" {
  description = "Route table ids of VPC app-b-vpc."
  value = {
    "app-b-vpc-private-a" = aws_route_table.app-b-vpc_private_a.id
    "app-b-vpc-private-b" = aws_route_table.app-b-vpc_private_b.id
    "app-b-vpc-private-c" = aws_route_table.app-b-vpc_private_c.id
  }
}

output "core_app-b-vpc_attachment_id" {
  description = "Id of the attachment of app-b-vpc to Transit Gateway core."
  value       = aws_ec2_transit_gateway_vpc_attachment.core_app-b-vpc.id
}
