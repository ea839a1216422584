# VPC peering identity-to-vpc-1: identity-vpc (172.31.0.0/16, identity in us-east-1) requests,
# vpc-1 (10.0.0.0/16, workloads in us-east-1) accepts.
# Both sides tag the one connection alike, so that where AWS keeps a single set of tags for it,
# applies never flip them back and forth.

resource "aws_vpc_peering_connection" "identity-to-vpc-1" {
  vpc_id        = data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_vpc_id
  peer_vpc_id   = data.terraform_remote_state.workloads_us-east-1.outputs.vpc-1_vpc_id
  peer_owner_id = local.account_ids["workloads"]

  tags = {
    Name = "identity-to-vpc-1"
  }
}

resource "aws_vpc_peering_connection_accepter" "identity-to-vpc-1" {
  provider = aws.accepter

  vpc_peering_connection_id = aws_vpc_peering_connection.identity-to-vpc-1.id
  auto_accept               = true

  tags = {
    Name = "identity-to-vpc-1"
  }
}

# DNS names of each VPC resolve to private addresses from the other.
resource "aws_vpc_peering_connection_options" "identity-to-vpc-1_requester" {
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.identity-to-vpc-1.id

  requester {
    allow_remote_vpc_dns_resolution = true
  }
}

resource "aws_vpc_peering_connection_options" "identity-to-vpc-1_accepter" {
  provider = aws.accepter

  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.identity-to-vpc-1.id

  accepter {
    allow_remote_vpc_dns_resolution = true
  }
}

# Every route table of identity-vpc sends vpc-1 (10.0.0.0/16) through the peering.
resource "aws_route" "identity-vpc_private_a_to_vpc-1" {
  route_table_id            = data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_route_table_ids["identity-vpc-private-a"]
  destination_cidr_block    = "10.0.0.0/16"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.identity-to-vpc-1.id
}

resource "aws_route" "identity-vpc_private_b_to_vpc-1" {
  route_table_id            = data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_route_table_ids["identity-vpc-private-b"]
  destination_cidr_block    = "10.0.0.0/16"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.identity-to-vpc-1.id
}

# Every route table of vpc-1 sends identity-vpc (172.31.0.0/16) through the peering.
resource "aws_route" "vpc-1_private_a_to_identity-vpc" {
  provider = aws.accepter

  route_table_id            = data.terraform_remote_state.workloads_us-east-1.outputs.vpc-1_route_table_ids["vpc-1-private-a"]
  destination_cidr_block    = "172.31.0.0/16"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.identity-to-vpc-1.id
}

resource "aws_route" "vpc-1_private_b_to_identity-vpc" {
  provider = aws.accepter

  route_table_id            = data.terraform_remote_state.workloads_us-east-1.outputs.vpc-1_route_table_ids["vpc-1-private-b"]
  destination_cidr_block    = "172.31.0.0/16"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.identity-to-vpc-1.id
}
