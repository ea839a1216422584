output "vpc-1_vpc_id" {
  description = "Id of VPC vpc-1."
  value       = aws_vpc.vpc-1.id
}

output "vpc-1_subnet_ids" {
  description = "Subnet ids of VPC vpc-1 by tier, in AZ order."
  value = {
    "app" = [aws_subnet.vpc-1_app_a.id, aws_subnet.vpc-1_app_b.id]
  }
}

output "vpc-1_route_table_ids" {
  description = "Route table ids of VPC vpc-1."
  value = {
    "vpc-1-private-a" = aws_route_table.vpc-1_private_a.id
    "vpc-1-private-b" = aws_route_table.vpc-1_private_b.id
  }
}

output "vpc-2_vpc_id" {
  description = "Id of VPC vpc-2."
  value       = aws_vpc.vpc-2.id
}

output "vpc-2_subnet_ids" {
  description = "Subnet ids of VPC vpc-2 by tier, in AZ order."
  value = {
    "app" = [aws_subnet.vpc-2_app_a.id, aws_subnet.vpc-2_app_b.id]
  }
}

output "vpc-2_route_table_ids" {
  description = "Route table ids of VPC vpc-2."
  value = {
    "vpc-2-private-a" = aws_route_table.vpc-2_private_a.id
    "vpc-2-private-b" = aws_route_table.vpc-2_private_b.id
  }
}
