# Attachment of VPC identity-vpc to Transit Gateway core of account network:
# requested here, then accepted, associated and propagated in the owner account through
# provider aws.network_us-east-1. This VPC's routes via the Transit Gateway wait for the acceptance.
resource "aws_ec2_transit_gateway_vpc_attachment" "core_identity-vpc" {
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id
  vpc_id                 = aws_vpc.identity-vpc.id
  appliance_mode_support = "disable"
  dns_support            = "enable"
  subnet_ids = [
    aws_subnet.identity-vpc_tgw_a.id,
    aws_subnet.identity-vpc_tgw_b.id,
  ]

  tags = {
    Name = "identity-vpc"
  }
}

resource "aws_ec2_transit_gateway_vpc_attachment_accepter" "core_identity-vpc" {
  provider = aws.network_us-east-1

  transit_gateway_attachment_id                   = aws_ec2_transit_gateway_vpc_attachment.core_identity-vpc.id
  transit_gateway_default_route_table_association = false
  transit_gateway_default_route_table_propagation = false

  tags = {
    Name = "identity-vpc"
  }
}

resource "aws_ec2_transit_gateway_route_table_association" "core_identity-vpc" {
  provider = aws.network_us-east-1

  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment_accepter.core_identity-vpc.transit_gateway_attachment_id
  transit_gateway_route_table_id = data.terraform_remote_state.core_tgw.outputs.core_route_table_ids["shared"]
}

resource "aws_ec2_transit_gateway_route_table_propagation" "core_identity-vpc_spokes" {
  provider = aws.network_us-east-1

  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment_accepter.core_identity-vpc.transit_gateway_attachment_id
  transit_gateway_route_table_id = data.terraform_remote_state.core_tgw.outputs.core_route_table_ids["spokes"]
}

resource "aws_ec2_transit_gateway_route_table_propagation" "core_identity-vpc_shared" {
  provider = aws.network_us-east-1

  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment_accepter.core_identity-vpc.transit_gateway_attachment_id
  transit_gateway_route_table_id = data.terraform_remote_state.core_tgw.outputs.core_route_table_ids["shared"]
}

resource "aws_route" "identity-vpc-private-a_tgw_10-10-0-0-16" {
  route_table_id         = aws_route_table.identity-vpc_private_a.id
  destination_cidr_block = "10.10.0.0/16"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_identity-vpc]
}

resource "aws_route" "identity-vpc-private-a_tgw_10-20-0-0-20" {
  route_table_id         = aws_route_table.identity-vpc_private_a.id
  destination_cidr_block = "10.20.0.0/20"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_identity-vpc]
}

resource "aws_route" "identity-vpc-private-a_tgw_10-21-0-0-20" {
  route_table_id         = aws_route_table.identity-vpc_private_a.id
  destination_cidr_block = "10.21.0.0/20"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_identity-vpc]
}

resource "aws_route" "identity-vpc-private-a_tgw_10-22-0-0-20" {
  route_table_id         = aws_route_table.identity-vpc_private_a.id
  destination_cidr_block = "10.22.0.0/20"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_identity-vpc]
}

resource "aws_route" "identity-vpc-private-a_tgw_10-30-0-0-20" {
  route_table_id         = aws_route_table.identity-vpc_private_a.id
  destination_cidr_block = "10.30.0.0/20"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_identity-vpc]
}

resource "aws_route" "identity-vpc-private-a_tgw_10-31-0-0-20" {
  route_table_id         = aws_route_table.identity-vpc_private_a.id
  destination_cidr_block = "10.31.0.0/20"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_identity-vpc]
}

resource "aws_route" "identity-vpc-private-b_tgw_10-10-0-0-16" {
  route_table_id         = aws_route_table.identity-vpc_private_b.id
  destination_cidr_block = "10.10.0.0/16"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_identity-vpc]
}

resource "aws_route" "identity-vpc-private-b_tgw_10-20-0-0-20" {
  route_table_id         = aws_route_table.identity-vpc_private_b.id
  destination_cidr_block = "10.20.0.0/20"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_identity-vpc]
}

resource "aws_route" "identity-vpc-private-b_tgw_10-21-0-0-20" {
  route_table_id         = aws_route_table.identity-vpc_private_b.id
  destination_cidr_block = "10.21.0.0/20"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_identity-vpc]
}

resource "aws_route" "identity-vpc-private-b_tgw_10-22-0-0-20" {
  route_table_id         = aws_route_table.identity-vpc_private_b.id
  destination_cidr_block = "10.22.0.0/20"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_identity-vpc]
}

resource "aws_route" "identity-vpc-private-b_tgw_10-30-0-0-20" {
  route_table_id         = aws_route_table.identity-vpc_private_b.id
  destination_cidr_block = "10.30.0.0/20"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_identity-vpc]
}

resource "aws_route" "identity-vpc-private-b_tgw_10-31-0-0-20" {
  route_table_id         = aws_route_table.identity-vpc_private_b.id
  destination_cidr_block = "10.31.0.0/20"
  transit_gateway_id     = data.terraform_remote_state.core_tgw.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_identity-vpc]
}
