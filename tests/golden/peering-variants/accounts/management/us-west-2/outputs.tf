output "mgmt-west_vpc_id" {
  description = "Id of VPC mgmt-west."
  value       = aws_vpc.mgmt-west.id
}

output "mgmt-west_subnet_ids" {
  description = "Subnet ids of VPC mgmt-west by tier, in AZ order."
  value = {
    "tools" = [aws_subnet.mgmt-west_tools_a.id]
  }
}

output "mgmt-west_route_table_ids" {
  description = "Route table ids of VPC mgmt-west."
  value = {
    "mgmt-west-private-a" = aws_route_table.mgmt-west_private_a.id
  }
}
