# VPC peering hsm-to-app: hsm (10.40.0.0/27, security in us-east-1) requests,
# app-vpc (10.50.0.0/20, payments-app in us-east-1) accepts.
# Both sides tag the one connection alike, so that where AWS keeps a single set of tags for it,
# applies never flip them back and forth.

resource "aws_vpc_peering_connection" "hsm-to-app" {
  vpc_id        = data.terraform_remote_state.security_us-east-1.outputs.hsm_vpc_id
  peer_vpc_id   = data.terraform_remote_state.payments-app_us-east-1.outputs.app-vpc_vpc_id
  peer_owner_id = local.account_ids["payments-app"]

  tags = {
    Name = "hsm-to-app"
  }
}

resource "aws_vpc_peering_connection_accepter" "hsm-to-app" {
  provider = aws.accepter

  vpc_peering_connection_id = aws_vpc_peering_connection.hsm-to-app.id
  auto_accept               = true

  tags = {
    Name = "hsm-to-app"
  }
}

# DNS names of each VPC resolve to private addresses from the other.
resource "aws_vpc_peering_connection_options" "hsm-to-app_requester" {
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.hsm-to-app.id

  requester {
    allow_remote_vpc_dns_resolution = true
  }
}

resource "aws_vpc_peering_connection_options" "hsm-to-app_accepter" {
  provider = aws.accepter

  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.hsm-to-app.id

  accepter {
    allow_remote_vpc_dns_resolution = true
  }
}

# Every route table of hsm sends app-vpc (10.50.0.0/20) through the peering.
resource "aws_route" "hsm_isolated_to_app-vpc" {
  route_table_id            = data.terraform_remote_state.security_us-east-1.outputs.hsm_route_table_ids["hsm-isolated"]
  destination_cidr_block    = "10.50.0.0/20"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.hsm-to-app.id
}

# Every route table of app-vpc sends hsm (10.40.0.0/27) through the peering.
resource "aws_route" "app-vpc_private_a_to_hsm" {
  provider = aws.accepter

  route_table_id            = data.terraform_remote_state.payments-app_us-east-1.outputs.app-vpc_route_table_ids["app-vpc-private-a"]
  destination_cidr_block    = "10.40.0.0/27"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.hsm-to-app.id
}

resource "aws_route" "app-vpc_private_b_to_hsm" {
  provider = aws.accepter

  route_table_id            = data.terraform_remote_state.payments-app_us-east-1.outputs.app-vpc_route_table_ids["app-vpc-private-b"]
  destination_cidr_block    = "10.40.0.0/27"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.hsm-to-app.id
}
