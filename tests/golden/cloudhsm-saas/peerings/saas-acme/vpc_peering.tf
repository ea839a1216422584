# VPC peering saas-acme: hsm (10.40.0.0/27, security in us-east-1) requests,
# vpc-0abc12345678def01 (192.168.50.0/24, account 999999999999 in us-east-1, outside the organization) accepts.
# Only the peer's owner can accept: the connection stays pending acceptance until they do (see
# the peer_instructions output), and the routes below are blackholes until then. DNS resolution
# options need an active connection, so none are set here.

resource "aws_vpc_peering_connection" "saas-acme" {
  vpc_id        = data.terraform_remote_state.security_us-east-1.outputs.hsm_vpc_id
  peer_vpc_id   = "vpc-0abc12345678def01"
  peer_owner_id = "999999999999"
  auto_accept   = false

  tags = {
    Name = "saas-acme"
  }
}

# Every route table of hsm sends vpc-0abc12345678def01 (192.168.50.0/24) through the peering.
resource "aws_route" "hsm_isolated_to_saas-acme" {
  route_table_id            = data.terraform_remote_state.security_us-east-1.outputs.hsm_route_table_ids["hsm-isolated"]
  destination_cidr_block    = "192.168.50.0/24"
  vpc_peering_connection_id = aws_vpc_peering_connection.saas-acme.id
}
