# Attachments of other accounts' VPCs to Transit Gateway core: accepted, associated and
# propagated here, in the hub account; each VPC's routes via the Transit Gateway are added in
# its own account (provider alias) once its attachment is accepted.

resource "aws_ec2_transit_gateway_vpc_attachment_accepter" "core_app-a-vpc" {
  transit_gateway_attachment_id                   = data.terraform_remote_state.app-a_us-east-1.outputs.core_app-a-vpc_attachment_id
  transit_gateway_default_route_table_association = false
  transit_gateway_default_route_table_propagation = false

  tags = {
    Name = "app-a-vpc"
  }
}

resource "aws_ec2_transit_gateway_route_table_association" "core_app-a-vpc" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-a-vpc.transit_gateway_attachment_id
  transit_gateway_route_table_id = data.terraform_remote_state.network_us-east-1.outputs.core_route_table_ids["spokes"]
}

resource "aws_ec2_transit_gateway_route_table_propagation" "core_app-a-vpc_shared" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-a-vpc.transit_gateway_attachment_id
  transit_gateway_route_table_id = data.terraform_remote_state.network_us-east-1.outputs.core_route_table_ids["shared"]
}

resource "aws_route" "app-a-vpc-private-a_tgw_0-0-0-0-0" {
  provider = aws.app-a_us-east-1

  route_table_id         = data.terraform_remote_state.app-a_us-east-1.outputs.app-a-vpc_route_table_ids["app-a-vpc-private-a"]
  destination_cidr_block = "0.0.0.0/0"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-a-vpc]
}

resource "aws_route" "app-a-vpc-private-a_tgw_10-10-0-0-16" {
  provider = aws.app-a_us-east-1

  route_table_id         = data.terraform_remote_state.app-a_us-east-1.outputs.app-a-vpc_route_table_ids["app-a-vpc-private-a"]
  destination_cidr_block = "10.10.0.0/16"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-a-vpc]
}

resource "aws_route" "app-a-vpc-private-a_tgw_172-16-0-0-12" {
  provider = aws.app-a_us-east-1

  route_table_id         = data.terraform_remote_state.app-a_us-east-1.outputs.app-a-vpc_route_table_ids["app-a-vpc-private-a"]
  destination_cidr_block = "172.16.0.0/12"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-a-vpc]
}

resource "aws_route" "app-a-vpc-private-b_tgw_0-0-0-0-0" {
  provider = aws.app-a_us-east-1

  route_table_id         = data.terraform_remote_state.app-a_us-east-1.outputs.app-a-vpc_route_table_ids["app-a-vpc-private-b"]
  destination_cidr_block = "0.0.0.0/0"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-a-vpc]
}

resource "aws_route" "app-a-vpc-private-b_tgw_10-10-0-0-16" {
  provider = aws.app-a_us-east-1

  route_table_id         = data.terraform_remote_state.app-a_us-east-1.outputs.app-a-vpc_route_table_ids["app-a-vpc-private-b"]
  destination_cidr_block = "10.10.0.0/16"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-a-vpc]
}

resource "aws_route" "app-a-vpc-private-b_tgw_172-16-0-0-12" {
  provider = aws.app-a_us-east-1

  route_table_id         = data.terraform_remote_state.app-a_us-east-1.outputs.app-a-vpc_route_table_ids["app-a-vpc-private-b"]
  destination_cidr_block = "172.16.0.0/12"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-a-vpc]
}

resource "aws_ec2_transit_gateway_vpc_attachment_accepter" "core_app-b-vpc" {
  transit_gateway_attachment_id                   = data.terraform_remote_state.app-b_us-east-1.outputs.core_app-b-vpc_attachment_id
  transit_gateway_default_route_table_association = false
  transit_gateway_default_route_table_propagation = false

  tags = {
    Name = "app-b-vpc"
  }
}

resource "aws_ec2_transit_gateway_route_table_association" "core_app-b-vpc" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-b-vpc.transit_gateway_attachment_id
  transit_gateway_route_table_id = data.terraform_remote_state.network_us-east-1.outputs.core_route_table_ids["spokes"]
}

resource "aws_ec2_transit_gateway_route_table_propagation" "core_app-b-vpc_shared" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-b-vpc.transit_gateway_attachment_id
  transit_gateway_route_table_id = data.terraform_remote_state.network_us-east-1.outputs.core_route_table_ids["shared"]
}

resource "aws_route" "app-b-vpc-private-a_tgw_0-0-0-0-0" {
  provider = aws.app-b_us-east-1

  route_table_id         = data.terraform_remote_state.app-b_us-east-1.outputs.app-b-vpc_route_table_ids["app-b-vpc-private-a"]
  destination_cidr_block = "0.0.0.0/0"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-b-vpc]
}

resource "aws_route" "app-b-vpc-private-a_tgw_10-10-0-0-16" {
  provider = aws.app-b_us-east-1

  route_table_id         = data.terraform_remote_state.app-b_us-east-1.outputs.app-b-vpc_route_table_ids["app-b-vpc-private-a"]
  destination_cidr_block = "10.10.0.0/16"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-b-vpc]
}

resource "aws_route" "app-b-vpc-private-a_tgw_172-16-0-0-12" {
  provider = aws.app-b_us-east-1

  route_table_id         = data.terraform_remote_state.app-b_us-east-1.outputs.app-b-vpc_route_table_ids["app-b-vpc-private-a"]
  destination_cidr_block = "172.16.0.0/12"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-b-vpc]
}

resource "aws_route" "app-b-vpc-private-b_tgw_0-0-0-0-0" {
  provider = aws.app-b_us-east-1

  route_table_id         = data.terraform_remote_state.app-b_us-east-1.outputs.app-b-vpc_route_table_ids["app-b-vpc-private-b"]
  destination_cidr_block = "0.0.0.0/0"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-b-vpc]
}

resource "aws_route" "app-b-vpc-private-b_tgw_10-10-0-0-16" {
  provider = aws.app-b_us-east-1

  route_table_id         = data.terraform_remote_state.app-b_us-east-1.outputs.app-b-vpc_route_table_ids["app-b-vpc-private-b"]
  destination_cidr_block = "10.10.0.0/16"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-b-vpc]
}

resource "aws_route" "app-b-vpc-private-b_tgw_172-16-0-0-12" {
  provider = aws.app-b_us-east-1

  route_table_id         = data.terraform_remote_state.app-b_us-east-1.outputs.app-b-vpc_route_table_ids["app-b-vpc-private-b"]
  destination_cidr_block = "172.16.0.0/12"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-b-vpc]
}

resource "aws_route" "app-b-vpc-private-c_tgw_0-0-0-0-0" {
  provider = aws.app-b_us-east-1

  route_table_id         = data.terraform_remote_state.app-b_us-east-1.outputs.app-b-vpc_route_table_ids["app-b-vpc-private-c"]
  destination_cidr_block = "0.0.0.0/0"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-b-vpc]
}

resource "aws_route" "app-b-vpc-private-c_tgw_10-10-0-0-16" {
  provider = aws.app-b_us-east-1

  route_table_id         = data.terraform_remote_state.app-b_us-east-1.outputs.app-b-vpc_route_table_ids["app-b-vpc-private-c"]
  destination_cidr_block = "10.10.0.0/16"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-b-vpc]
}

resource "aws_route" "app-b-vpc-private-c_tgw_172-16-0-0-12" {
  provider = aws.app-b_us-east-1

  route_table_id         = data.terraform_remote_state.app-b_us-east-1.outputs.app-b-vpc_route_table_ids["app-b-vpc-private-c"]
  destination_cidr_block = "172.16.0.0/12"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_app-b-vpc]
}

resource "aws_ec2_transit_gateway_vpc_attachment_accepter" "core_dev-vpc" {
  transit_gateway_attachment_id                   = data.terraform_remote_state.dev_us-east-1.outputs.core_dev-vpc_attachment_id
  transit_gateway_default_route_table_association = false
  transit_gateway_default_route_table_propagation = false

  tags = {
    Name = "dev-vpc"
  }
}

resource "aws_ec2_transit_gateway_route_table_association" "core_dev-vpc" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment_accepter.core_dev-vpc.transit_gateway_attachment_id
  transit_gateway_route_table_id = data.terraform_remote_state.network_us-east-1.outputs.core_route_table_ids["spokes"]
}

resource "aws_ec2_transit_gateway_route_table_propagation" "core_dev-vpc_shared" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment_accepter.core_dev-vpc.transit_gateway_attachment_id
  transit_gateway_route_table_id = data.terraform_remote_state.network_us-east-1.outputs.core_route_table_ids["shared"]
}

resource "aws_route" "dev-vpc-private-a_tgw_0-0-0-0-0" {
  provider = aws.dev_us-east-1

  route_table_id         = data.terraform_remote_state.dev_us-east-1.outputs.dev-vpc_route_table_ids["dev-vpc-private-a"]
  destination_cidr_block = "0.0.0.0/0"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_dev-vpc]
}

resource "aws_route" "dev-vpc-private-a_tgw_10-10-0-0-16" {
  provider = aws.dev_us-east-1

  route_table_id         = data.terraform_remote_state.dev_us-east-1.outputs.dev-vpc_route_table_ids["dev-vpc-private-a"]
  destination_cidr_block = "10.10.0.0/16"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_dev-vpc]
}

resource "aws_route" "dev-vpc-private-a_tgw_172-16-0-0-12" {
  provider = aws.dev_us-east-1

  route_table_id         = data.terraform_remote_state.dev_us-east-1.outputs.dev-vpc_route_table_ids["dev-vpc-private-a"]
  destination_cidr_block = "172.16.0.0/12"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_dev-vpc]
}

resource "aws_route" "dev-vpc-private-b_tgw_0-0-0-0-0" {
  provider = aws.dev_us-east-1

  route_table_id         = data.terraform_remote_state.dev_us-east-1.outputs.dev-vpc_route_table_ids["dev-vpc-private-b"]
  destination_cidr_block = "0.0.0.0/0"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_dev-vpc]
}

resource "aws_route" "dev-vpc-private-b_tgw_10-10-0-0-16" {
  provider = aws.dev_us-east-1

  route_table_id         = data.terraform_remote_state.dev_us-east-1.outputs.dev-vpc_route_table_ids["dev-vpc-private-b"]
  destination_cidr_block = "10.10.0.0/16"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_dev-vpc]
}

resource "aws_route" "dev-vpc-private-b_tgw_172-16-0-0-12" {
  provider = aws.dev_us-east-1

  route_table_id         = data.terraform_remote_state.dev_us-east-1.outputs.dev-vpc_route_table_ids["dev-vpc-private-b"]
  destination_cidr_block = "172.16.0.0/12"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_dev-vpc]
}

resource "aws_ec2_transit_gateway_vpc_attachment_accepter" "core_tools-vpc" {
  transit_gateway_attachment_id                   = data.terraform_remote_state.tools_us-east-1.outputs.core_tools-vpc_attachment_id
  transit_gateway_default_route_table_association = false
  transit_gateway_default_route_table_propagation = false

  tags = {
    Name = "tools-vpc"
  }
}

resource "aws_ec2_transit_gateway_route_table_association" "core_tools-vpc" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment_accepter.core_tools-vpc.transit_gateway_attachment_id
  transit_gateway_route_table_id = data.terraform_remote_state.network_us-east-1.outputs.core_route_table_ids["spokes"]
}

resource "aws_ec2_transit_gateway_route_table_propagation" "core_tools-vpc_shared" {
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment_accepter.core_tools-vpc.transit_gateway_attachment_id
  transit_gateway_route_table_id = data.terraform_remote_state.network_us-east-1.outputs.core_route_table_ids["shared"]
}

resource "aws_route" "tools-vpc-private-a_tgw_0-0-0-0-0" {
  provider = aws.tools_us-east-1

  route_table_id         = data.terraform_remote_state.tools_us-east-1.outputs.tools-vpc_route_table_ids["tools-vpc-private-a"]
  destination_cidr_block = "0.0.0.0/0"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_tools-vpc]
}

resource "aws_route" "tools-vpc-private-a_tgw_10-10-0-0-16" {
  provider = aws.tools_us-east-1

  route_table_id         = data.terraform_remote_state.tools_us-east-1.outputs.tools-vpc_route_table_ids["tools-vpc-private-a"]
  destination_cidr_block = "10.10.0.0/16"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_tools-vpc]
}

resource "aws_route" "tools-vpc-private-a_tgw_172-16-0-0-12" {
  provider = aws.tools_us-east-1

  route_table_id         = data.terraform_remote_state.tools_us-east-1.outputs.tools-vpc_route_table_ids["tools-vpc-private-a"]
  destination_cidr_block = "172.16.0.0/12"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_tools-vpc]
}

resource "aws_route" "tools-vpc-private-b_tgw_0-0-0-0-0" {
  provider = aws.tools_us-east-1

  route_table_id         = data.terraform_remote_state.tools_us-east-1.outputs.tools-vpc_route_table_ids["tools-vpc-private-b"]
  destination_cidr_block = "0.0.0.0/0"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_tools-vpc]
}

resource "aws_route" "tools-vpc-private-b_tgw_10-10-0-0-16" {
  provider = aws.tools_us-east-1

  route_table_id         = data.terraform_remote_state.tools_us-east-1.outputs.tools-vpc_route_table_ids["tools-vpc-private-b"]
  destination_cidr_block = "10.10.0.0/16"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_tools-vpc]
}

resource "aws_route" "tools-vpc-private-b_tgw_172-16-0-0-12" {
  provider = aws.tools_us-east-1

  route_table_id         = data.terraform_remote_state.tools_us-east-1.outputs.tools-vpc_route_table_ids["tools-vpc-private-b"]
  destination_cidr_block = "172.16.0.0/12"
  transit_gateway_id     = data.terraform_remote_state.network_us-east-1.outputs.core_transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment_accepter.core_tools-vpc]
}
