# Transit Gateway core: explicit route tables only (no default association or
# propagation), and no automatic acceptance of attachments from other accounts. VPCs of account
# network are attached here; other accounts' VPCs are attached from their own stacks.
resource "aws_ec2_transit_gateway" "core" {
  description                     = "core"
  amazon_side_asn                 = 64512
  auto_accept_shared_attachments  = "disable"
  default_route_table_association = "disable"
  default_route_table_propagation = "disable"
  dns_support                     = "enable"
  vpn_ecmp_support                = "enable"

  tags = {
    Name = "core"
  }
}

resource "aws_ec2_transit_gateway_route_table" "core_main" {
  transit_gateway_id = aws_ec2_transit_gateway.core.id

  tags = {
    Name = "core-main"
  }
}

# Site-to-site VPN dc: two tunnels, BGP.
# AWS generates the tunnels' pre-shared keys; they are never written to these files.
# Changing enable_acceleration replaces the connection (new tunnel addresses and keys).
resource "aws_customer_gateway" "core_vpn_dc" {
  bgp_asn    = 65010
  ip_address = "203.0.113.10"
  type       = "ipsec.1"

  tags = {
    Name = "dc"
  }
}

resource "aws_vpn_connection" "core_vpn_dc" {
  customer_gateway_id = aws_customer_gateway.core_vpn_dc.id
  transit_gateway_id  = aws_ec2_transit_gateway.core.id
  type                = "ipsec.1"
  static_routes_only  = false
  enable_acceleration = false

  tags = {
    Name = "dc"
  }
}

resource "aws_ec2_transit_gateway_route_table_association" "core_vpn_dc" {
  transit_gateway_attachment_id  = aws_vpn_connection.core_vpn_dc.transit_gateway_attachment_id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.core_main.id
}

resource "aws_ec2_transit_gateway_route_table_propagation" "core_vpn_dc_main" {
  transit_gateway_attachment_id  = aws_vpn_connection.core_vpn_dc.transit_gateway_attachment_id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.core_main.id
}
