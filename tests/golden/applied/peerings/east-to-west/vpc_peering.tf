# VPC peering east-to-west: app-east (10.2.0.0/20, app in us-east-1) requests,
# app-west (10.3.0.0/20, app in us-west-2) accepts.
# Both sides tag the one connection alike, so that where AWS keeps a single set of tags for it,
# applies never flip them back and forth.

resource "aws_vpc_peering_connection" "east-to-west" {
  vpc_id        = data.terraform_remote_state.app_us-east-1.outputs.app-east_vpc_id
  peer_vpc_id   = data.terraform_remote_state.app_us-west-2.outputs.app-west_vpc_id
  peer_owner_id = local.account_id
  peer_region   = "us-west-2"

  tags = {
    Name = "east-to-west"
  }
}

resource "aws_vpc_peering_connection_accepter" "east-to-west" {
  provider = aws.accepter

  vpc_peering_connection_id = aws_vpc_peering_connection.east-to-west.id
  auto_accept               = true

  tags = {
    Name = "east-to-west"
  }
}

# DNS names of each VPC resolve to private addresses from the other.
resource "aws_vpc_peering_connection_options" "east-to-west_requester" {
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east-to-west.id

  requester {
    allow_remote_vpc_dns_resolution = true
  }
}

resource "aws_vpc_peering_connection_options" "east-to-west_accepter" {
  provider = aws.accepter

  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east-to-west.id

  accepter {
    allow_remote_vpc_dns_resolution = true
  }
}

# Every route table of app-east sends app-west (10.3.0.0/20) through the peering.
resource "aws_route" "app-east_public_to_app-west" {
  route_table_id            = data.terraform_remote_state.app_us-east-1.outputs.app-east_route_table_ids["app-east-public"]
  destination_cidr_block    = "10.3.0.0/20"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east-to-west.id
}

resource "aws_route" "app-east_private_a_to_app-west" {
  route_table_id            = data.terraform_remote_state.app_us-east-1.outputs.app-east_route_table_ids["app-east-private-a"]
  destination_cidr_block    = "10.3.0.0/20"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east-to-west.id
}

# Every route table of app-west sends app-east (10.2.0.0/20) through the peering.
resource "aws_route" "app-west_isolated_to_app-east" {
  provider = aws.accepter

  route_table_id            = data.terraform_remote_state.app_us-west-2.outputs.app-west_route_table_ids["app-west-isolated"]
  destination_cidr_block    = "10.2.0.0/20"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east-to-west.id
}
