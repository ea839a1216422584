output "dev-vpc_vpc_id" {
  description = "Id of VPC dev-vpc."
  value       = aws_vpc.dev-vpc.id
}

output "dev-vpc_subnet_ids" {
  description = "Subnet ids of VPC dev-vpc by tier, in AZ order."
  value = {
    "app" = [aws_subnet.dev-vpc_app_a.id, aws_subnet.dev-vpc_app_b.id]
    "tgw" = [aws_subnet.dev-vpc_tgw_a.id, aws_subnet.dev-vpc_tgw_b.id]
  }
}

output "dev-vpc_route_table_ids" {
  description = "Route table ids of VPC dev-vpc."
  value = {
    "dev-vpc-private-a" = aws_route_table.dev-vpc_private_a.id
    "dev-vpc-private-b" = aws_route_table.dev-vpc_private_b.id
  }
}

output "core_dev-vpc_attachment_id" {
  description = "Id of the attachment of dev-vpc to Transit Gateway core."
  value       = aws_ec2_transit_gateway_vpc_attachment.core_dev-vpc.id
}
