output "lab-west_vpc_id" {
  description = "Id of VPC lab-west."
  value       = aws_vpc.lab-west.id
}

output "lab-west_subnet_ids" {
  description = "Subnet ids of VPC lab-west by tier, in AZ order."
  value = {
    "inspection" = [aws_subnet.lab-west_inspection_a.id, aws_subnet.lab-west_inspection_b.id]
    "web"        = [aws_subnet.lab-west_web_a.id, aws_subnet.lab-west_web_b.id]
    "app"        = [aws_subnet.lab-west_app_a.id, aws_subnet.lab-west_app_b.id]
  }
}

output "lab-west_route_table_ids" {
  description = "Route table ids of VPC lab-west."
  value = {
    "lab-west-public"    = aws_route_table.lab-west_public.id
    "lab-west-private-a" = aws_route_table.lab-west_private_a.id
    "lab-west-private-b" = aws_route_table.lab-west_private_b.id
    "lab-west-web-a"     = aws_route_table.lab-west_web_a.id
    "lab-west-web-b"     = aws_route_table.lab-west_web_b.id
  }
}

output "lab-west_appliance_eni_ids" {
  description = "Appliance network interface ids of VPC lab-west by AZ: attach the appliance instances here."
  value = {
    "us-west-2a" = aws_network_interface.lab-west_appliance_a.id
    "us-west-2b" = aws_network_interface.lab-west_appliance_b.id
  }
}
