# Attachment of VPC tools-vpc to Transit Gateway core (shared by account
# tools's hub). The hub accepts, associates and propagates it in stack
# transit-gateways/core, which also adds this VPC's routes via the Transit Gateway.
resource "aws_ec2_transit_gateway_vpc_attachment" "core_tools-vpc" {
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id
  vpc_id                 = aws_vpc.tools-vpc.id
  appliance_mode_support = "disable"
  dns_support            = "enable"
  subnet_ids = [
    aws_subnet.tools-vpc_tgw_a.id,
    aws_subnet.tools-vpc_tgw_b.id,
  ]

  tags = {
    Name = "tools-vpc"
  }
}
