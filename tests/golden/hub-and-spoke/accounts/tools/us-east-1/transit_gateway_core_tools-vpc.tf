# Attachment of VPC tools-vpc to Transit Gateway core of account network:
# requested here, then accepted, associated and propagated in the owner account through
# provider aws.network_us-east-1. This VPC's routes via the Transit Gateway wait for the acceptance.
resource "aws_ec2_transit_gateway_vpc_attachment" "core_tools-vpc" {
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id
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

resource "aws_ec2_transit_gateway_vpc_attachment_accepter" "core_tools-vpc" {
  provider = aws.network_us-east-1

  transit_gateway_attachment_id                   = aws_ec2_transit_gateway_vpc_attachment.core_tools-vpc.id
  transit_gateway_default_route_table_association = false
  transit_gateway_default_route_table_propagation = false

  tags = {
    Name = "tools-vpc"
  }
}

resource "aws_ec2_transit_gateway_route_table_association" "core_tools-vpc" {
  provider = aws.network_us-east-1

  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment_accepter.core_tools-vpc.transit_gateway_attachment_id
  transit_gateway_route_table_id = data.terraform_remote_state.core_tgw.outputs.core_route_table_ids["spokes"]
}

resource "aws_ec2_transit_gateway_route_table_propagation" "core_tools-vpc_shared" {
  provider = aws.network_us-east-1

  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment_accepter.core_tools-vpc.transit_gateway_attachment_id
  transit_gateway_route_table_id = data.terraform_remote_state.core_tgw.outputs.core_route_table_ids["shared"]
}

# 10.31.0.0/20 -> tools-vpc
resource "aws_ec2_transit_gateway_route" "core_shared_10-31-0-0-20" {
  provider = aws.network_us-east-1

  destination_cidr_block         = "10.31.0.0/20"
  transit_gateway_route_table_id = data.terraform_remote_state.core_tgw.outputs.core_route_table_ids["shared"]
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment_accepter.core_tools-vpc.transit_gateway_attachment_id
}

# 10.30.0.0/20 -> blackhole (isolation): route table spokes sends 0.0.0.0/0 to shared-prod,
# and shared-prod routes this VPC back via the Transit Gateway. This VPC does not propagate
# into spokes, so the VPCs associated with spokes must not reach it that way either.
resource "aws_ec2_transit_gateway_route" "core_spokes_tools-vpc_blackhole" {
  provider = aws.network_us-east-1

  destination_cidr_block         = "10.30.0.0/20"
  transit_gateway_route_table_id = data.terraform_remote_state.core_tgw.outputs.core_route_table_ids["spokes"]
  blackhole                      = true
}

resource "aws_route" "tools-vpc-private-a_tgw_0-0-0-0-0" {
  route_table_id         = aws_route_table.tools-vpc_private_a.id
  destination_cidr_block = "0.0.0.0/0"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_tools-vpc]
}

resource "aws_route" "tools-vpc-private-a_tgw_10-10-0-0-16" {
  route_table_id         = aws_route_table.tools-vpc_private_a.id
  destination_cidr_block = "10.10.0.0/16"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_tools-vpc]
}

resource "aws_route" "tools-vpc-private-a_tgw_10-45-0-0-24" {
  route_table_id         = aws_route_table.tools-vpc_private_a.id
  destination_cidr_block = "10.45.0.0/24"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_tools-vpc]
}

resource "aws_route" "tools-vpc-private-a_tgw_172-16-0-0-12" {
  route_table_id         = aws_route_table.tools-vpc_private_a.id
  destination_cidr_block = "172.16.0.0/12"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_tools-vpc]
}

resource "aws_route" "tools-vpc-private-b_tgw_0-0-0-0-0" {
  route_table_id         = aws_route_table.tools-vpc_private_b.id
  destination_cidr_block = "0.0.0.0/0"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_tools-vpc]
}

resource "aws_route" "tools-vpc-private-b_tgw_10-10-0-0-16" {
  route_table_id         = aws_route_table.tools-vpc_private_b.id
  destination_cidr_block = "10.10.0.0/16"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_tools-vpc]
}

resource "aws_route" "tools-vpc-private-b_tgw_10-45-0-0-24" {
  route_table_id         = aws_route_table.tools-vpc_private_b.id
  destination_cidr_block = "10.45.0.0/24"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_tools-vpc]
}

resource "aws_route" "tools-vpc-private-b_tgw_172-16-0-0-12" {
  route_table_id         = aws_route_table.tools-vpc_private_b.id
  destination_cidr_block = "172.16.0.0/12"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_tools-vpc]
}
