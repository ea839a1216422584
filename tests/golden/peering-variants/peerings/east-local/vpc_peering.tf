# VPC peering east-local: hub-east (10.50.0.0/22, shared in us-east-1) requests,
# svc-east (10.51.0.0/22, shared in us-east-1) accepts.
# Both sides tag the one connection alike, so that where AWS keeps a single set of tags for it,
# applies never flip them back and forth.

resource "aws_vpc_peering_connection" "east-local" {
  vpc_id        = data.terraform_remote_state.shared_us-east-1.outputs.hub-east_vpc_id
  peer_vpc_id   = data.terraform_remote_state.shared_us-east-1.outputs.svc-east_vpc_id
  peer_owner_id = local.account_id
  auto_accept   = true

  tags = {
    Name = "east-local"
  }
}

# DNS names of each VPC resolve to private addresses from the other.
resource "aws_vpc_peering_connection_options" "east-local" {
  vpc_peering_connection_id = aws_vpc_peering_connection.east-local.id

  requester {
    allow_remote_vpc_dns_resolution = true
  }

  accepter {
    allow_remote_vpc_dns_resolution = true
  }
}

# Every route table of hub-east sends svc-east (10.51.0.0/22) through the peering.
resource "aws_route" "hub-east_private_a_to_svc-east" {
  route_table_id            = data.terraform_remote_state.shared_us-east-1.outputs.hub-east_route_table_ids["hub-east-private-a"]
  destination_cidr_block    = "10.51.0.0/22"
  vpc_peering_connection_id = aws_vpc_peering_connection.east-local.id
}

resource "aws_route" "hub-east_private_b_to_svc-east" {
  route_table_id            = data.terraform_remote_state.shared_us-east-1.outputs.hub-east_route_table_ids["hub-east-private-b"]
  destination_cidr_block    = "10.51.0.0/22"
  vpc_peering_connection_id = aws_vpc_peering_connection.east-local.id
}

resource "aws_route" "hub-east_isolated_to_svc-east" {
  route_table_id            = data.terraform_remote_state.shared_us-east-1.outputs.hub-east_route_table_ids["hub-east-isolated"]
  destination_cidr_block    = "10.51.0.0/22"
  vpc_peering_connection_id = aws_vpc_peering_connection.east-local.id
}

# Every route table of svc-east sends hub-east (10.50.0.0/22) through the peering.
resource "aws_route" "svc-east_private_a_to_hub-east" {
  route_table_id            = data.terraform_remote_state.shared_us-east-1.outputs.svc-east_route_table_ids["svc-east-private-a"]
  destination_cidr_block    = "10.50.0.0/22"
  vpc_peering_connection_id = aws_vpc_peering_connection.east-local.id
}
