# Attachment of VPC dev-vpc to Transit Gateway core (shared by account
# dev's hub). The hub accepts, associates and propagates it in stack
# transit-gateways/core, which also adds this VPC's routes via the Transit Gateway.
resource "aws_ec2_transit_gateway_vpc_attachment" "core_dev-vpc" {
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id
  vpc_id                 = aws_vpc.dev-vpc.id
  appliance_mode_support = "disable"
  dns_support            = "enable"
  subnet_ids = [
    aws_subnet.dev-vpc_tgw_a.id,
    aws_subnet.dev-vpc_tgw_b.id,
  ]

  tags = {
    Name = "dev-vpc"
  }
}
