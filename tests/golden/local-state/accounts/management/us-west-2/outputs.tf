output "lab_vpc_id" {
  description = "Id of VPC lab."
  value       = aws_vpc.lab.id
}

output "lab_subnet_ids" {
  description = "Subnet ids of VPC lab by tier, in AZ order."
  value = {
    "edge" = [aws_subnet.lab_edge_a.id, aws_subnet.lab_edge_b.id]
    "work" = [aws_subnet.lab_work_a.id, aws_subnet.lab_work_b.id]
  }
}

output "lab_route_table_ids" {
  description = "Route table ids of VPC lab."
  value = {
    "lab-public"    = aws_route_table.lab_public.id
    "lab-private-a" = aws_route_table.lab_private_a.id
    "lab-private-b" = aws_route_table.lab_private_b.id
  }
}
