# VPC peering lab-to-mgmt: lab-west (10.54.0.0/22, lab in us-west-2) requests,
# mgmt-west (10.53.0.0/22, management in us-west-2) accepts.
# Both sides tag the one connection alike, so that where AWS keeps a single set of tags for it,
# applies never flip them back and forth.

resource "aws_vpc_peering_connection" "lab-to-mgmt" {
  vpc_id        = data.terraform_remote_state.lab_us-west-2.outputs.lab-west_vpc_id
  peer_vpc_id   = data.terraform_remote_state.management_us-west-2.outputs.mgmt-west_vpc_id
  peer_owner_id = local.account_ids["management"]

  tags = {
    Name = "lab-to-mgmt"
  }
}

resource "aws_vpc_peering_connection_accepter" "lab-to-mgmt" {
  provider = aws.accepter

  vpc_peering_connection_id = aws_vpc_peering_connection.lab-to-mgmt.id
  auto_accept               = true

  tags = {
    Name = "lab-to-mgmt"
  }
}

# DNS names of each VPC resolve to private addresses from the other.
resource "aws_vpc_peering_connection_options" "lab-to-mgmt_requester" {
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.lab-to-mgmt.id

  requester {
    allow_remote_vpc_dns_resolution = true
  }
}

resource "aws_vpc_peering_connection_options" "lab-to-mgmt_accepter" {
  provider = aws.accepter

  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.lab-to-mgmt.id

  accepter {
    allow_remote_vpc_dns_resolution = true
  }
}

# Every route table of lab-west sends mgmt-west (10.53.0.0/22) through the peering.
resource "aws_route" "lab-west_public_to_mgmt-west" {
  route_table_id            = data.terraform_remote_state.lab_us-west-2.outputs.lab-west_route_table_ids["lab-west-public"]
  destination_cidr_block    = "10.53.0.0/22"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.lab-to-mgmt.id
}

resource "aws_route" "lab-west_private_a_to_mgmt-west" {
  route_table_id            = data.terraform_remote_state.lab_us-west-2.outputs.lab-west_route_table_ids["lab-west-private-a"]
  destination_cidr_block    = "10.53.0.0/22"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.lab-to-mgmt.id
}

resource "aws_route" "lab-west_private_b_to_mgmt-west" {
  route_table_id            = data.terraform_remote_state.lab_us-west-2.outputs.lab-west_route_table_ids["lab-west-private-b"]
  destination_cidr_block    = "10.53.0.0/22"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.lab-to-mgmt.id
}

resource "aws_route" "lab-west_web_a_to_mgmt-west" {
  route_table_id            = data.terraform_remote_state.lab_us-west-2.outputs.lab-west_route_table_ids["lab-west-web-a"]
  destination_cidr_block    = "10.53.0.0/22"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.lab-to-mgmt.id
}

resource "aws_route" "lab-west_web_b_to_mgmt-west" {
  route_table_id            = data.terraform_remote_state.lab_us-west-2.outputs.lab-west_route_table_ids["lab-west-web-b"]
  destination_cidr_block    = "10.53.0.0/22"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.lab-to-mgmt.id
}

# Every route table of mgmt-west sends lab-west (10.54.0.0/22) through the peering.
resource "aws_route" "mgmt-west_private_a_to_lab-west" {
  provider = aws.accepter

  route_table_id            = data.terraform_remote_state.management_us-west-2.outputs.mgmt-west_route_table_ids["mgmt-west-private-a"]
  destination_cidr_block    = "10.54.0.0/22"
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.lab-to-mgmt.id
}
