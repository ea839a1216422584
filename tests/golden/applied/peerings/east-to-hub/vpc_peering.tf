# VPC peering east-to-hub: app-east (10.2.0.0/20, app in us-east-1) requests,
# hub (10.0.0.0/20, network in us-east-1) accepts.
# Both sides tag the one connection alike, so that where AWS keeps a single set of tags for it,
# applies never flip them back and forth.

resource "aws_vpc_peering_connection" "east-to-hub" {
  vpc_id        = data.terraform_remote_state.app_us-east-1.outputs.app-east_vpc_id
  peer_vpc_id   = data.terraform_remote_state.network_us-east-1.outputs.hub_vpc_id
  peer_owner_id = local.account_ids["network"]

  tags = {
    Name = "east-to-hub"
  }
}

resource "aws_vpc_peering_connection_accepter" "east-to-hub" {
  provider = aws.accepter

  vpc_peering_connection_id = aws_vpc_peering_connection.east-to-hub.id
  auto_accept               = true

  tags = {
    Name = "east-to-hub"
  }
}

# DNS names of each VPC resolve to private addresses from the other.
resource "aws_vpc_peering_connection_options" "east-to-hub_requester" {
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east-to-hub.id

  requester {
    allow_remote_vpc_dns_resolution = true
  }
}

resource "aws_vpc_peering_connection_options" "east-to-hub_accepter" {
  provider = aws.accepter

  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east-to-hub.id

  accepter {
    allow_remote_vpc_dns_resolution = true
  }
}

# Every route table of app-east sends hub (10.0.0.0/20) through the peering.
resource "aws_route" "app-east_public_to_hub" {
  route_table_id            = data.terraform_remote_state.app_us-east-1.outputs.app-east_route_table_ids["app-east-public"]
  destination_cidr_block    = "10.0.0.0/20"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east-to-hub.id
}

resource "aws_route" "app-east_private_a_to_hub" {
  route_table_id            = data.terraform_remote_state.app_us-east-1.outputs.app-east_route_table_ids["app-east-private-a"]
  destination_cidr_block    = "10.0.0.0/20"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east-to-hub.id
}

# Every route table of hub sends app-east (10.2.0.0/20) through the peering.
resource "aws_route" "hub_public_to_app-east" {
  provider = aws.accepter

  route_table_id            = data.terraform_remote_state.network_us-east-1.outputs.hub_route_table_ids["hub-public"]
  destination_cidr_block    = "10.2.0.0/20"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east-to-hub.id
}

resource "aws_route" "hub_private_a_to_app-east" {
  provider = aws.accepter

  route_table_id            = data.terraform_remote_state.network_us-east-1.outputs.hub_route_table_ids["hub-private-a"]
  destination_cidr_block    = "10.2.0.0/20"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east-to-hub.id
}

resource "aws_route" "hub_private_b_to_app-east" {
  provider = aws.accepter

  route_table_id            = data.terraform_remote_state.network_us-east-1.outputs.hub_route_table_ids["hub-private-b"]
  destination_cidr_block    = "10.2.0.0/20"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east-to-hub.id
}
