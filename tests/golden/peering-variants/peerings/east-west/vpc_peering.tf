# VPC peering east-west: hub-east (10.50.0.0/22, shared in us-east-1) requests,
# svc-west (10.52.0.0/22, shared in us-west-2) accepts.
# Both sides tag the one connection alike, so that where AWS keeps a single set of tags for it,
# applies never flip them back and forth.

resource "aws_vpc_peering_connection" "east-west" {
  vpc_id        = data.terraform_remote_state.shared_us-east-1.outputs.hub-east_vpc_id
  peer_vpc_id   = data.terraform_remote_state.shared_us-west-2.outputs.svc-west_vpc_id
  peer_owner_id = local.account_id
  peer_region   = "us-west-2"

  tags = {
    Name = "east-west"
  }
}

resource "aws_vpc_peering_connection_accepter" "east-west" {
  provider = aws.accepter

  vpc_peering_connection_id = aws_vpc_peering_connection.east-west.id
  auto_accept               = true

  tags = {
    Name = "east-west"
  }
}

# DNS names of each VPC resolve to private addresses from the other.
resource "aws_vpc_peering_connection_options" "east-west_requester" {
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east-west.id

  requester {
    allow_remote_vpc_dns_resolution = true
  }
}

resource "aws_vpc_peering_connection_options" "east-west_accepter" {
  provider = aws.accepter

  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east-west.id

  accepter {
    allow_remote_vpc_dns_resolution = true
  }
}

# Every route table of hub-east sends svc-west (10.52.0.0/22) through the peering.
resource "aws_route" "hub-east_private_a_to_svc-west" {
  route_table_id            = data.terraform_remote_state.shared_us-east-1.outputs.hub-east_route_table_ids["hub-east-private-a"]
  destination_cidr_block    = "10.52.0.0/22"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east-west.id
}

resource "aws_route" "hub-east_private_b_to_svc-west" {
  route_table_id            = data.terraform_remote_state.shared_us-east-1.outputs.hub-east_route_table_ids["hub-east-private-b"]
  destination_cidr_block    = "10.52.0.0/22"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east-west.id
}

resource "aws_route" "hub-east_isolated_to_svc-west" {
  route_table_id            = data.terraform_remote_state.shared_us-east-1.outputs.hub-east_route_table_ids["hub-east-isolated"]
  destination_cidr_block    = "10.52.0.0/22"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east-west.id
}

# Every route table of svc-west sends hub-east (10.50.0.0/22) through the peering.
resource "aws_route" "svc-west_private_a_to_hub-east" {
  provider = aws.accepter

  route_table_id            = data.terraform_remote_state.shared_us-west-2.outputs.svc-west_route_table_ids["svc-west-private-a"]
  destination_cidr_block    = "10.50.0.0/22"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east-west.id
}

resource "aws_route" "svc-west_private_b_to_hub-east" {
  provider = aws.accepter

  route_table_id            = data.terraform_remote_state.shared_us-west-2.outputs.svc-west_route_table_ids["svc-west-private-b"]
  destination_cidr_block    = "10.50.0.0/22"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east-west.id
}
