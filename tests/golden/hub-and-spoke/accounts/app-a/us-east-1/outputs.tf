output "app-a-vpc_vpc_id" {
  description = "Id of VPC app-a-vpc."
  value       = aws_vpc.app-a-vpc.id
}

output "app-a-vpc_subnet_ids" {
  description = "Subnet ids of VPC app-a-vpc by tier, in AZ order."
  value = {
    "app" = [aws_subnet.app-a-vpc_app_a.id, aws_subnet.app-a-vpc_app_b.id]
    "tgw" = [aws_subnet.app-a-vpc_tgw_a.id, aws_subnet.app-a-vpc_tgw_b.id]
  }
}

output "app-a-vpc_route_table_ids" {
  description = "Route table ids of VPC app-a-vpc."
  value = {
    "app-a-vpc-private-a" = aws_route_table.app-a-vpc_private_a.id
    "app-a-vpc-private-b" = aws_route_table.app-a-vpc_private_b.id
  }
}

output "core_app-a-vpc_attachment_id" {
  description = "Id of the attachment of app-a-vpc to Transit Gateway core."
  value       = aws_ec2_transit_gateway_vpc_attachment.core_app-a-vpc.id
}
