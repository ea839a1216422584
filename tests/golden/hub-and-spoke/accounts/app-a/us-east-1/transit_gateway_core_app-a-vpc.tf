# Attachment of VPC app-a-vpc to Transit Gateway core of account network:
# requested here, then accepted, associated and propagated in the owner account through
# provider aws.network_us-east-1. This VPC's routes via the Transit Gateway wait for the acceptance.
resource "aws_ec2_transit_gateway_vpc_attachment" "core_app-a-vpc" {
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id
  vpc_id                 = aws_vpc.app-a-vpc.id
  appliance_mode_support = "disable"
  dns_support            = "enable"
  subnet_ids = [
    aws_subnet.app-a-vpc_tgw_a.id,
    aws_subnet.app-a-vpc_tgw_b.id,
  ]

  tags = {
    Name = "app-a-vpc"
  }
}

resource "aws_ec2_transit_gateway_vpc_attachment_accepter" "core_app-a-vpc" {
  provider = aws.network_us-east-1

  transit_gateway_attachment_id                   = aws_ec2_transit_gateway_vpc_attachment.core_app-a-vpc.id
  transit_gateway_default_route_table_association = false
  transit_gateway_default_route_table_propagation = false

  tags = {
    Name = "app-a-vpc"
  }
}

resource "aws_ec2_transit_gateway_route_table_association" "core_app-a-vpc" {
  provider = aws.network_us-east-1

  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-a-vpc.transit_gateway_attachment_id
  transit_gateway_route_table_id = data.terraform_remote_state.core_tgw.outputs.core_route_table_ids["spokes"]
}

resource "aws_ec2_transit_gateway_route_table_propagation" "core_app-a-vpc_shared" {
  provider = aws.network_us-east-1

  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-a-vpc.transit_gateway_attachment_id
  transit_gateway_route_table_id = data.terraform_remote_state.core_tgw.outputs.core_route_table_ids["shared"]
}

# 10.20.0.0/20 -> blackhole (isolation): route table spokes sends 0.0.0.0/0 to shared-prod,
# and shared-prod routes this VPC back via the Transit Gateway. This VPC does not propagate
# into spokes, so the VPCs associated with spokes must not reach it that way either.
resource "aws_ec2_transit_gateway_route" "core_spokes_app-a-vpc_blackhole" {
  provider = aws.network_us-east-1

  destination_cidr_block         = "10.20.0.0/20"
  transit_gateway_route_table_id = data.terraform_remote_state.core_tgw.outputs.core_route_table_ids["spokes"]
  blackhole                      = true
}

resource "aws_route" "app-a-vpc-private-a_tgw_0-0-0-0-0" {
  route_table_id         = aws_route_table.app-a-vpc_private_a.id
  destination_cidr_block = "0.0.0.0/0"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-a-vpc]
}

resource "aws_route" "app-a-vpc-private-a_tgw_10-10-0-0-16" {
  route_table_id         = aws_route_table.app-a-vpc_private_a.id
  destination_cidr_block = "10.10.0.0/16"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-a-vpc]
}

resource "aws_route" "app-a-vpc-private-a_tgw_10-45-0-0-24" {
  route_table_id         = aws_route_table.app-a-vpc_private_a.id
  destination_cidr_block = "10.45.0.0/24"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-a-vpc]
}

resource "aws_route" "app-a-vpc-private-a_tgw_172-16-0-0-12" {
  route_table_id         = aws_route_table.app-a-vpc_private_a.id
  destination_cidr_block = "172.16.0.0/12"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-a-vpc]
}

resource "aws_route" "app-a-vpc-private-b_tgw_0-0-0-0-0" {
  route_table_id         = aws_route_table.app-a-vpc_private_b.id
  destination_cidr_block = "0.0.0.0/0"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-a-vpc]
}

resource "aws_route" "app-a-vpc-private-b_tgw_10-10-0-0-16" {
  route_table_id         = aws_route_table.app-a-vpc_private_b.id
  destination_cidr_block = "10.10.0.0/16"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-a-vpc]
}

resource "aws_route" "app-a-vpc-private-b_tgw_10-45-0-0-24" {
  route_table_id         = aws_route_table.app-a-vpc_private_b.id
  destination_cidr_block = "10.45.0.0/24"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-a-vpc]
}

resource "aws_route" "app-a-vpc-private-b_tgw_172-16-0-0-12" {
  route_table_id         = aws_route_table.app-a-vpc_private_b.id
  destination_cidr_block = "172.16.0.0/12"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-a-vpc]
}
