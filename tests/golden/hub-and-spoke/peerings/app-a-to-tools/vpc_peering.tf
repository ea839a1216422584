# VPC peering app-a-to-tools: app-a-vpc (10.20.0.0/20, app-a in us-east-1) requests,
# tools-vpc (10.30.0.0/20, tools in us-east-1) accepts.
# Both sides tag the one connection alike, so that where AWS keeps a single set of tags for it,
# applies never flip them back and forth.

resource "aws_vpc_peering_connection" "app-a-to-tools" {
  vpc_id        = data.terraform_remote_state.app-a_us-east-1.outputs.app-a-vpc_vpc_id
  peer_vpc_id   = data.terraform_remote_state.tools_us-east-1.outputs.tools-vpc_vpc_id
  peer_owner_id = local.account_ids["tools"]

  tags = {
    Name = "app-a-to-tools"
  }
}

resource "aws_vpc_peering_connection_accepter" "app-a-to-tools" {
  provider = aws.accepter

  vpc_peering_connection_id = aws_vpc_peering_connection.app-a-to-tools.id
  auto_accept               = true

  tags = {
    Name = "app-a-to-tools"
  }
}

# DNS names of each VPC resolve to private addresses from the other.
resource "aws_vpc_peering_connection_options" "app-a-to-tools_requester" {
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.app-a-to-tools.id

  requester {
    allow_remote_vpc_dns_resolution = true
  }
}

resource "aws_vpc_peering_connection_options" "app-a-to-tools_accepter" {
  provider = aws.accepter

  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.app-a-to-tools.id

  accepter {
    allow_remote_vpc_dns_resolution = true
  }
}

# Every route table of app-a-vpc sends tools-vpc (10.30.0.0/20) through the peering.
resource "aws_route" "app-a-vpc_private_a_to_tools-vpc" {
  route_table_id            = data.terraform_remote_state.app-a_us-east-1.outputs.app-a-vpc_route_table_ids["app-a-vpc-private-a"]
  destination_cidr_block    = "10.30.0.0/20"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.app-a-to-tools.id
}

resource "aws_route" "app-a-vpc_private_b_to_tools-vpc" {
  route_table_id            = data.terraform_remote_state.app-a_us-east-1.outputs.app-a-vpc_route_table_ids["app-a-vpc-private-b"]
  destination_cidr_block    = "10.30.0.0/20"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.app-a-to-tools.id
}

# Every route table of tools-vpc sends app-a-vpc (10.20.0.0/20) through the peering.
resource "aws_route" "tools-vpc_private_a_to_app-a-vpc" {
  provider = aws.accepter

  route_table_id            = data.terraform_remote_state.tools_us-east-1.outputs.tools-vpc_route_table_ids["tools-vpc-private-a"]
  destination_cidr_block    = "10.20.0.0/20"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.app-a-to-tools.id
}

resource "aws_route" "tools-vpc_private_b_to_app-a-vpc" {
  provider = aws.accepter

  route_table_id            = data.terraform_remote_state.tools_us-east-1.outputs.tools-vpc_route_table_ids["tools-vpc-private-b"]
  destination_cidr_block    = "10.20.0.0/20"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.app-a-to-tools.id
}
