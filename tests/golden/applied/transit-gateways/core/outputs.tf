output "core_transit_gateway_id" {
  description = "Id of Transit Gateway core."
  value       = aws_ec2_transit_gateway.core.id
}

output "core_route_table_ids" {
  description = "Route table ids of Transit Gateway core by name."
  value = {
    "main" = aws_ec2_transit_gateway_route_table.core_main.id
  }
}
