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

resource "aws_ec2_transit_gateway_route_table" "core_shared" {
  transit_gateway_id = aws_ec2_transit_gateway.core.id

  tags = {
    Name = "core-shared"
  }
}

resource "aws_ec2_transit_gateway_route_table" "core_spokes" {
  transit_gateway_id = aws_ec2_transit_gateway.core.id

  tags = {
    Name = "core-spokes"
  }
}

# Shared through AWS RAM with the accounts and OUs that attach to it.
resource "aws_ram_resource_share" "core" {
  name                      = "transit-gateway-core"
  allow_external_principals = false

  tags = {
    Name = "transit-gateway-core"
  }
}

resource "aws_ram_resource_association" "core" {
  resource_share_arn = aws_ram_resource_share.core.arn
  resource_arn       = aws_ec2_transit_gateway.core.arn
}

# account identity
resource "aws_ram_principal_association" "core_account_identity" {
  resource_share_arn = aws_ram_resource_share.core.arn
  principal          = data.terraform_remote_state.organization.outputs.account_ids["identity"]
}

# account tools
resource "aws_ram_principal_association" "core_account_tools" {
  resource_share_arn = aws_ram_resource_share.core.arn
  principal          = "333333333333"
}

# OU Workloads
resource "aws_ram_principal_association" "core_ou_workloads" {
  resource_share_arn = aws_ram_resource_share.core.arn
  principal          = data.terraform_remote_state.organization.outputs.ou_arns["Workloads"]
}

resource "aws_ec2_transit_gateway_vpc_attachment" "core_shared-prod" {
  transit_gateway_id                              = aws_ec2_transit_gateway.core.id
  vpc_id                                          = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_vpc_id
  subnet_ids                                      = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_subnet_ids["tgw"]
  appliance_mode_support                          = "disable"
  dns_support                                     = "enable"
  transit_gateway_default_route_table_association = false
  transit_gateway_default_route_table_propagation = false

  tags = {
    Name = "shared-prod"
  }
}

resource "aws_ec2_transit_gateway_route_table_association" "core_shared-prod" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.core_shared-prod.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.core_shared.id
}

resource "aws_ec2_transit_gateway_route_table_propagation" "core_shared-prod_spokes" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.core_shared-prod.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.core_spokes.id
}

resource "aws_ec2_transit_gateway_route_table_propagation" "core_shared-prod_shared" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.core_shared-prod.id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.core_shared.id
}

resource "aws_route" "shared-prod-public_tgw_10-20-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-public"]
  destination_cidr_block = "10.20.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-public_tgw_10-21-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-public"]
  destination_cidr_block = "10.21.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-public_tgw_10-22-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-public"]
  destination_cidr_block = "10.22.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-public_tgw_10-30-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-public"]
  destination_cidr_block = "10.30.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-public_tgw_10-31-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-public"]
  destination_cidr_block = "10.31.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-public_tgw_10-45-0-0-24" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-public"]
  destination_cidr_block = "10.45.0.0/24"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-private-a_tgw_10-20-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-private-a"]
  destination_cidr_block = "10.20.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-private-a_tgw_10-21-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-private-a"]
  destination_cidr_block = "10.21.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-private-a_tgw_10-22-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-private-a"]
  destination_cidr_block = "10.22.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-private-a_tgw_10-30-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-private-a"]
  destination_cidr_block = "10.30.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-private-a_tgw_10-31-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-private-a"]
  destination_cidr_block = "10.31.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-private-a_tgw_10-45-0-0-24" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-private-a"]
  destination_cidr_block = "10.45.0.0/24"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-private-b_tgw_10-20-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-private-b"]
  destination_cidr_block = "10.20.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-private-b_tgw_10-21-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-private-b"]
  destination_cidr_block = "10.21.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-private-b_tgw_10-22-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-private-b"]
  destination_cidr_block = "10.22.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-private-b_tgw_10-30-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-private-b"]
  destination_cidr_block = "10.30.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-private-b_tgw_10-31-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-private-b"]
  destination_cidr_block = "10.31.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-private-b_tgw_10-45-0-0-24" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-private-b"]
  destination_cidr_block = "10.45.0.0/24"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-private-c_tgw_10-20-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-private-c"]
  destination_cidr_block = "10.20.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-private-c_tgw_10-21-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-private-c"]
  destination_cidr_block = "10.21.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-private-c_tgw_10-22-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-private-c"]
  destination_cidr_block = "10.22.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-private-c_tgw_10-30-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-private-c"]
  destination_cidr_block = "10.30.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-private-c_tgw_10-31-0-0-20" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-private-c"]
  destination_cidr_block = "10.31.0.0/20"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

resource "aws_route" "shared-prod-private-c_tgw_10-45-0-0-24" {
  route_table_id         = data.terraform_remote_state.network_us-east-1.outputs.shared-prod_route_table_ids["shared-prod-private-c"]
  destination_cidr_block = "10.45.0.0/24"
  transit_gateway_id     = aws_ec2_transit_gateway.core.id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.core_shared-prod]
}

# Site-to-site VPN dc-frankfurt: two tunnels, BGP, accelerated.
# AWS generates the tunnels' pre-shared keys; they are never written to these files.
# Changing enable_acceleration replaces the connection (new tunnel addresses and keys).
resource "aws_customer_gateway" "core_vpn_dc-frankfurt" {
  bgp_asn    = 65010
  ip_address = "203.0.113.10"
  type       = "ipsec.1"

  tags = {
    Name = "dc-frankfurt"
  }
}

resource "aws_vpn_connection" "core_vpn_dc-frankfurt" {
  customer_gateway_id = aws_customer_gateway.core_vpn_dc-frankfurt.id
  transit_gateway_id  = aws_ec2_transit_gateway.core.id
  type                = "ipsec.1"
  static_routes_only  = false
  enable_acceleration = true

  tags = {
    Name = "dc-frankfurt"
  }
}

resource "aws_ec2_transit_gateway_route_table_association" "core_vpn_dc-frankfurt" {
  transit_gateway_attachment_id  = aws_vpn_connection.core_vpn_dc-frankfurt.transit_gateway_attachment_id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.core_shared.id
}

resource "aws_ec2_transit_gateway_route_table_propagation" "core_vpn_dc-frankfurt_spokes" {
  transit_gateway_attachment_id  = aws_vpn_connection.core_vpn_dc-frankfurt.transit_gateway_attachment_id
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.core_spokes.id
}

# 0.0.0.0/0 -> shared-prod
resource "aws_ec2_transit_gateway_route" "core_spokes_0-0-0-0-0" {
  destination_cidr_block         = "0.0.0.0/0"
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.core_spokes.id
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.core_shared-prod.id
}

# 10.99.0.0/16 -> blackhole
resource "aws_ec2_transit_gateway_route" "core_spokes_10-99-0-0-16" {
  destination_cidr_block         = "10.99.0.0/16"
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.core_spokes.id
  blackhole                      = true
}
