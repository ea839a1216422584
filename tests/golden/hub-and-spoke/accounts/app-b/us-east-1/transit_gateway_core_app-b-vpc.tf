# Attachment of VPC app-b-vpc to Transit Gateway core (shared by account
# app-b's hub). The hub accepts, associates and propagates it in stack
# transit-gateways/core, which also adds this VPC's routes via the Transit Gateway.
resource "aws_ec2_transit_gateway_vpc_attachment" "core_app-b-vpc" {
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id
  vpc_id                 = aws_vpc.app-b-vpc.id
  appliance_mode_support = "disable"
  dns_support            = "enable"
  subnet_ids = [
    aws_subnet.app-b-vpc_tgw_a.id,
    aws_subnet.app-b-vpc_tgw_b.id,
    aws_subnet.app-b-vpc_tgw_c.id,
  ]

  tags = {
    Name = "app-b-vpc"
  }
}
