# VPC peering identity-to-vpc-2: identity-vpc (172.31.0.0/16, identity in us-east-1) requests,
# vpc-2 (10.100.0.0/16, workloads in us-east-1) accepts.
# Both sides tag the one connection alike, so that where AWS keeps a single set of tags for it,
# applies never flip them back and forth.

resource "aws_vpc_peering_connection" "identity-to-vpc-2" {
  vpc_id        = data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_vpc_id
  peer_vpc_id   = data.terraform_remote_state.workloads_us-east-1.outputs.vpc-2_vpc_id
  peer_owner_id = local.account_ids["workloads"]

  tags = {
    Name = "identity-to-vpc-2"
  }
}

resource "aws_vpc_peering_connection_accepter" "identity-to-vpc-2" {
  provider = aws.accepter

  vpc_peering_connection_id = aws_vpc_peering_connection.identity-to-vpc-2.id
  auto_accept               = true

  tags = {
    Name = "identity-to-vpc-2"
  }
}

# DNS names of each VPC resolve to private addresses from the other.
resource "aws_vpc_peering_connection_options" "identity-to-vpc-2_requester" {
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.identity-to-vpc-2.id

  requester {
    allow_remote_vpc_dns_resolution = true
  }
}

resource "aws_vpc_peering_connection_options" "identity-to-vpc-2_accepter" {
  provider = aws.accepter

  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.identity-to-vpc-2.id

  accepter {
    allow_remote_vpc_dns_resolution = true
  }
}

# Every route table of identity-vpc sends vpc-2 (10.100.0.0/16) through the peering.
resource "aws_route" "identity-vpc_private_a_to_vpc-2" {
  route_table_id            = data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_route_table_ids["identity-vpc-private-a"]
  destination_cidr_block    = "10.100.0.0/16"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.identity-to-vpc-2.id
}

resource "aws_route" "identity-vpc_private_b_to_vpc-2" {
  route_table_id            = data.terraform_remote_state.identity_us-east-1.outputs.identity-vpc_route_table_ids["identity-vpc-private-b"]
  destination_cidr_block    = "10.100.0.0/16"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.identity-to-vpc-2.id
}

# Every route table of vpc-2 sends identity-vpc (172.31.0.0/16) through the peering.
resource "aws_route" "vpc-2_private_a_to_identity-vpc" {
  provider = aws.accepter

  route_table_id            = data.terraform_remote_state.workloads_us-east-1.outputs.vpc-2_route_table_ids["vpc-2-private-a"]
  destination_cidr_block    = "172.31.0.0/16"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.identity-to-vpc-2.id
}

resource "aws_route" "vpc-2_private_b_to_identity-vpc" {
  provider = aws.accepter

  route_table_id            = data.terraform_remote_state.workloads_us-east-1.outputs.vpc-2_route_table_ids["vpc-2-private-b"]
  destination_cidr_block    = "172.31.0.0/16"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.identity-to-vpc-2.id
}
