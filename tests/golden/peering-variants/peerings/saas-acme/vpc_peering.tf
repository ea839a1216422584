# VPC peering saas-acme: hub-east (10.50.0.0/22, shared in us-east-1) requests,
# vpc-0abc12345678def01 (192.168.50.0/24, account 999999999999 in us-west-2, outside the organization) accepts.
# Only the peer's owner can accept: the connection stays pending acceptance until they do (see
# the peer_instructions output), and the routes below are blackholes until then. DNS resolution
# options need an active connection, so none are set here.

resource "aws_vpc_peering_connection" "saas-acme" {
  vpc_id        = data.terraform_remote_state.shared_us-east-1.outputs.hub-east_vpc_id
  peer_vpc_id   = "vpc-0abc12345678def01"
  peer_owner_id = "999999999999"
  peer_region   = "us-west-2"
  auto_accept   = false

  tags = {
    Name = "saas-acme"
  }
}

# Every route table of hub-east sends vpc-0abc12345678def01 (192.168.50.0/24) through the peering.
resource "aws_route" "hub-east_private_a_to_saas-acme" {
  route_table_id            = data.terraform_remote_state.shared_us-east-1.outputs.hub-east_route_table_ids["hub-east-private-a"]
  destination_cidr_block    = "192.168.50.0/24"
  vpc_peering_connection_id = aws_vpc_peering_connection.saas-acme.id
}

resource "aws_route" "hub-east_private_b_to_saas-acme" {
  route_table_id            = data.terraform_remote_state.shared_us-east-1.outputs.hub-east_route_table_ids["hub-east-private-b"]
  destination_cidr_block    = "192.168.50.0/24"
  vpc_peering_connection_id = aws_vpc_peering_connection.saas-acme.id
}

resource "aws_route" "hub-east_isolated_to_saas-acme" {
  route_table_id            = data.terraform_remote_state.shared_us-east-1.outputs.hub-east_route_table_ids["hub-east-isolated"]
  destination_cidr_block    = "192.168.50.0/24"
  vpc_peering_connection_id = aws_vpc_peering_connection.saas-acme.id
}
