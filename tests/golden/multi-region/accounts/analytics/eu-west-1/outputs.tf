output "analytics-lake_vpc_id" {
  description = "Id of VPC analytics-lake."
  value       = aws_vpc.analytics-lake.id
}

output "analytics-lake_subnet_ids" {
  description = "Subnet ids of VPC analytics-lake by tier, in AZ order."
  value = {
    "compute" = [aws_subnet.analytics-lake_compute_a.id, aws_subnet.analytics-lake_compute_b.id]
  }
}

output "analytics-lake_route_table_ids" {
  description = "Route table ids of VPC analytics-lake."
  value = {
    "analytics-lake-isolated" = aws_route_table.analytics-lake_isolated.id
  }
}
