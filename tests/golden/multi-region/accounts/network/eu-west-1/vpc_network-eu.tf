# VPC network-eu (10.40.0.0/16) in eu-west-1.

resource "aws_vpc" "network-eu" {
  cidr_block                       = "10.40.0.0/16"
  enable_dns_support               = true
  enable_dns_hostnames             = true
  assign_generated_ipv6_cidr_block = true

  tags = {
    Name = "network-eu"
  }
}

# The default security group of every VPC is emptied: nothing may use it by accident.
resource "aws_default_security_group" "network-eu" {
  vpc_id = aws_vpc.network-eu.id

  tags = {
    Name = "network-eu-default-deny"
  }
}

resource "aws_internet_gateway" "network-eu" {
  vpc_id = aws_vpc.network-eu.id

  tags = {
    Name = "network-eu"
  }
}

resource "aws_egress_only_internet_gateway" "network-eu" {
  vpc_id = aws_vpc.network-eu.id

  tags = {
    Name = "network-eu"
  }
}

resource "aws_subnet" "network-eu_public_a" {
  vpc_id                  = aws_vpc.network-eu.id
  availability_zone       = "eu-west-1a"
  cidr_block              = "10.40.0.0/26"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.network-eu.ipv6_cidr_block, 8, 0)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "network-eu-public-a"
    Tier = "public"
  }
}

resource "aws_subnet" "network-eu_public_b" {
  vpc_id                  = aws_vpc.network-eu.id
  availability_zone       = "eu-west-1b"
  cidr_block              = "10.40.0.64/26"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.network-eu.ipv6_cidr_block, 8, 1)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "network-eu-public-b"
    Tier = "public"
  }
}

resource "aws_subnet" "network-eu_public_c" {
  vpc_id                  = aws_vpc.network-eu.id
  availability_zone       = "eu-west-1c"
  cidr_block              = "10.40.0.128/26"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.network-eu.ipv6_cidr_block, 8, 2)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "network-eu-public-c"
    Tier = "public"
  }
}

resource "aws_subnet" "network-eu_transit_a" {
  vpc_id                  = aws_vpc.network-eu.id
  availability_zone       = "eu-west-1a"
  cidr_block              = "10.40.1.0/28"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.network-eu.ipv6_cidr_block, 8, 4)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "network-eu-transit-a"
    Tier = "transit"
  }
}

resource "aws_subnet" "network-eu_transit_b" {
  vpc_id                  = aws_vpc.network-eu.id
  availability_zone       = "eu-west-1b"
  cidr_block              = "10.40.1.16/28"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.network-eu.ipv6_cidr_block, 8, 5)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "network-eu-transit-b"
    Tier = "transit"
  }
}

resource "aws_subnet" "network-eu_transit_c" {
  vpc_id                  = aws_vpc.network-eu.id
  availability_zone       = "eu-west-1c"
  cidr_block              = "10.40.1.32/28"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.network-eu.ipv6_cidr_block, 8, 6)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "network-eu-transit-c"
    Tier = "transit"
  }
}

resource "aws_subnet" "network-eu_services_a" {
  vpc_id                  = aws_vpc.network-eu.id
  availability_zone       = "eu-west-1a"
  cidr_block              = "10.40.16.0/22"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.network-eu.ipv6_cidr_block, 8, 8)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "network-eu-services-a"
    Tier = "services"
  }
}

resource "aws_subnet" "network-eu_services_b" {
  vpc_id                  = aws_vpc.network-eu.id
  availability_zone       = "eu-west-1b"
  cidr_block              = "10.40.20.0/22"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.network-eu.ipv6_cidr_block, 8, 9)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "network-eu-services-b"
    Tier = "services"
  }
}

resource "aws_subnet" "network-eu_services_c" {
  vpc_id                  = aws_vpc.network-eu.id
  availability_zone       = "eu-west-1c"
  cidr_block              = "10.40.24.0/22"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.network-eu.ipv6_cidr_block, 8, 10)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "network-eu-services-c"
    Tier = "services"
  }
}

resource "aws_eip" "network-eu_a" {
  domain = "vpc"

  tags = {
    Name = "network-eu-a-nat"
  }
}

resource "aws_nat_gateway" "network-eu_a" {
  allocation_id = aws_eip.network-eu_a.id
  subnet_id     = aws_subnet.network-eu_public_a.id

  tags = {
    Name = "network-eu-a"
  }

  depends_on = [aws_internet_gateway.network-eu]
}

resource "aws_eip" "network-eu_b" {
  domain = "vpc"

  tags = {
    Name = "network-eu-b-nat"
  }
}

resource "aws_nat_gateway" "network-eu_b" {
  allocation_id = aws_eip.network-eu_b.id
  subnet_id     = aws_subnet.network-eu_public_b.id

  tags = {
    Name = "network-eu-b"
  }

  depends_on = [aws_internet_gateway.network-eu]
}

resource "aws_eip" "network-eu_c" {
  domain = "vpc"

  tags = {
    Name = "network-eu-c-nat"
  }
}

resource "aws_nat_gateway" "network-eu_c" {
  allocation_id = aws_eip.network-eu_c.id
  subnet_id     = aws_subnet.network-eu_public_c.id

  tags = {
    Name = "network-eu-c"
  }

  depends_on = [aws_internet_gateway.network-eu]
}

resource "aws_route_table" "network-eu_public" {
  vpc_id = aws_vpc.network-eu.id

  tags = {
    Name = "network-eu-public"
  }
}

resource "aws_route" "network-eu_public_default" {
  route_table_id         = aws_route_table.network-eu_public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.network-eu.id
}

resource "aws_route" "network-eu_public_default_ipv6" {
  route_table_id              = aws_route_table.network-eu_public.id
  destination_ipv6_cidr_block = "::/0"
  gateway_id                  = aws_internet_gateway.network-eu.id
}

resource "aws_route_table_association" "network-eu_public_a" {
  subnet_id      = aws_subnet.network-eu_public_a.id
  route_table_id = aws_route_table.network-eu_public.id
}

resource "aws_route_table_association" "network-eu_public_b" {
  subnet_id      = aws_subnet.network-eu_public_b.id
  route_table_id = aws_route_table.network-eu_public.id
}

resource "aws_route_table_association" "network-eu_public_c" {
  subnet_id      = aws_subnet.network-eu_public_c.id
  route_table_id = aws_route_table.network-eu_public.id
}

resource "aws_route_table" "network-eu_private_a" {
  vpc_id = aws_vpc.network-eu.id

  tags = {
    Name = "network-eu-private-a"
  }
}

resource "aws_route" "network-eu_private_a_default" {
  route_table_id         = aws_route_table.network-eu_private_a.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.network-eu_a.id
}

resource "aws_route" "network-eu_private_a_default_ipv6" {
  route_table_id              = aws_route_table.network-eu_private_a.id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = aws_egress_only_internet_gateway.network-eu.id
}

resource "aws_route_table_association" "network-eu_transit_a" {
  subnet_id      = aws_subnet.network-eu_transit_a.id
  route_table_id = aws_route_table.network-eu_private_a.id
}

resource "aws_route_table_association" "network-eu_services_a" {
  subnet_id      = aws_subnet.network-eu_services_a.id
  route_table_id = aws_route_table.network-eu_private_a.id
}

resource "aws_route_table" "network-eu_private_b" {
  vpc_id = aws_vpc.network-eu.id

  tags = {
    Name = "network-eu-private-b"
  }
}

resource "aws_route" "network-eu_private_b_default" {
  route_table_id         = aws_route_table.network-eu_private_b.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.network-eu_b.id
}

resource "aws_route" "network-eu_private_b_default_ipv6" {
  route_table_id              = aws_route_table.network-eu_private_b.id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = aws_egress_only_internet_gateway.network-eu.id
}

resource "aws_route_table_association" "network-eu_transit_b" {
  subnet_id      = aws_subnet.network-eu_transit_b.id
  route_table_id = aws_route_table.network-eu_private_b.id
}

resource "aws_route_table_association" "network-eu_services_b" {
  subnet_id      = aws_subnet.network-eu_services_b.id
  route_table_id = aws_route_table.network-eu_private_b.id
}

resource "aws_route_table" "network-eu_private_c" {
  vpc_id = aws_vpc.network-eu.id

  tags = {
    Name = "network-eu-private-c"
  }
}

resource "aws_route" "network-eu_private_c_default" {
  route_table_id         = aws_route_table.network-eu_private_c.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.network-eu_c.id
}

resource "aws_route" "network-eu_private_c_default_ipv6" {
  route_table_id              = aws_route_table.network-eu_private_c.id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = aws_egress_only_internet_gateway.network-eu.id
}

resource "aws_route_table_association" "network-eu_transit_c" {
  subnet_id      = aws_subnet.network-eu_transit_c.id
  route_table_id = aws_route_table.network-eu_private_c.id
}

resource "aws_route_table_association" "network-eu_services_c" {
  subnet_id      = aws_subnet.network-eu_services_c.id
  route_table_id = aws_route_table.network-eu_private_c.id
}

resource "aws_vpc_endpoint" "network-eu_s3" {
  vpc_id            = aws_vpc.network-eu.id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids = [
    aws_route_table.network-eu_public.id,
    aws_route_table.network-eu_private_a.id,
    aws_route_table.network-eu_private_b.id,
    aws_route_table.network-eu_private_c.id,
  ]

  tags = {
    Name = "network-eu-s3"
  }
}

resource "aws_vpc_endpoint" "network-eu_dynamodb" {
  vpc_id            = aws_vpc.network-eu.id
  service_name      = "com.amazonaws.eu-west-1.dynamodb"
  vpc_endpoint_type = "Gateway"
  route_table_ids = [
    aws_route_table.network-eu_public.id,
    aws_route_table.network-eu_private_a.id,
    aws_route_table.network-eu_private_b.id,
    aws_route_table.network-eu_private_c.id,
  ]

  tags = {
    Name = "network-eu-dynamodb"
  }
}

# Interface endpoints (IPv4) accept HTTPS from inside the VPC only; no egress rule at all.
resource "aws_security_group" "network-eu_endpoints" {
  name        = "network-eu-endpoints"
  description = "Interface endpoints of network-eu: HTTPS from the VPC only"
  vpc_id      = aws_vpc.network-eu.id

  ingress {
    description = "HTTPS from the VPC IPv4 range"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = [aws_vpc.network-eu.cidr_block]
  }

  tags = {
    Name = "network-eu-endpoints"
  }

  lifecycle {
    ignore_changes = [name, description] # set at creation: a renamed VPC keeps its group
  }
}

resource "aws_vpc_endpoint" "network-eu_ssm" {
  vpc_id              = aws_vpc.network-eu.id
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  security_group_ids  = [aws_security_group.network-eu_endpoints.id]
  subnet_ids = [
    aws_subnet.network-eu_services_a.id,
    aws_subnet.network-eu_services_b.id,
    aws_subnet.network-eu_services_c.id,
  ]

  tags = {
    Name = "network-eu-ssm"
  }
}

resource "aws_vpc_endpoint" "network-eu_ssmmessages" {
  vpc_id              = aws_vpc.network-eu.id
  service_name        = "com.amazonaws.eu-west-1.ssmmessages"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  security_group_ids  = [aws_security_group.network-eu_endpoints.id]
  subnet_ids = [
    aws_subnet.network-eu_services_a.id,
    aws_subnet.network-eu_services_b.id,
    aws_subnet.network-eu_services_c.id,
  ]

  tags = {
    Name = "network-eu-ssmmessages"
  }
}

resource "aws_vpc_endpoint" "network-eu_ec2messages" {
  vpc_id              = aws_vpc.network-eu.id
  service_name        = "com.amazonaws.eu-west-1.ec2messages"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  security_group_ids  = [aws_security_group.network-eu_endpoints.id]
  subnet_ids = [
    aws_subnet.network-eu_services_a.id,
    aws_subnet.network-eu_services_b.id,
    aws_subnet.network-eu_services_c.id,
  ]

  tags = {
    Name = "network-eu-ec2messages"
  }
}

resource "aws_vpc_endpoint" "network-eu_kms" {
  vpc_id              = aws_vpc.network-eu.id
  service_name        = "com.amazonaws.eu-west-1.kms"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  security_group_ids  = [aws_security_group.network-eu_endpoints.id]
  subnet_ids = [
    aws_subnet.network-eu_services_a.id,
    aws_subnet.network-eu_services_b.id,
    aws_subnet.network-eu_services_c.id,
  ]

  tags = {
    Name = "network-eu-kms"
  }
}

# Flow logs: every packet decision, to a KMS-encrypted log group, written by a role that can
# write to that group and nothing else. AWS cannot rename a log group, KMS alias or IAM role: each
# keeps the name it was created with when the VPC is renamed (renamed_from), so the logs stay, and
# the key admits this account's lzgen flow-log groups in this region, whatever their VPC's name.
resource "aws_kms_key" "network-eu_flow_logs" {
  description             = "Flow logs of VPC network-eu"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministers"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "CloudWatchLogsUsesForThisGroup"
        Effect    = "Allow"
        Principal = { Service = "logs.eu-west-1.amazonaws.com" }
        Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
        Resource  = "*"
        Condition = {
          ArnLike = {
            "kms:EncryptionContext:aws:logs:arn" = "arn:aws:logs:eu-west-1:${local.account_id}:log-group:/lzgen/vpc-flow-logs/*"
          }
        }
      },
    ]
  })

  tags = {
    Name = "network-eu-flow-logs"
  }
}

resource "aws_kms_alias" "network-eu_flow_logs" {
  name          = "alias/lzgen/flow-logs/network-eu"
  target_key_id = aws_kms_key.network-eu_flow_logs.key_id

  lifecycle {
    ignore_changes = [name]
  }
}

resource "aws_cloudwatch_log_group" "network-eu_flow_logs" {
  name              = "/lzgen/vpc-flow-logs/network-eu"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.network-eu_flow_logs.arn

  lifecycle {
    ignore_changes = [name]
  }
}

# Policies as aws_iam_policy_document (computed locally, no API call), so that policy scanners
# read them as IAM policies.
data "aws_iam_policy_document" "network-eu_flow_logs_trust" {
  statement {
    sid     = "VpcFlowLogsOfThisAccount"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["vpc-flow-logs.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:ec2:eu-west-1:${local.account_id}:vpc-flow-log/*"]
    }
  }
}

resource "aws_iam_role" "network-eu_flow_logs" {
  name               = "lzgen-flow-logs-network-eu"
  description        = "VPC flow logs of network-eu deliver to their log group"
  assume_role_policy = data.aws_iam_policy_document.network-eu_flow_logs_trust.json

  lifecycle {
    ignore_changes = [name]
  }
}

data "aws_iam_policy_document" "network-eu_flow_logs_delivery" {
  statement {
    sid = "DeliverToThisLogGroupOnly"
    actions = [
      "logs:CreateLogStream",
      "logs:DescribeLogStreams",
      "logs:PutLogEvents",
    ]
    resources = [
      aws_cloudwatch_log_group.network-eu_flow_logs.arn,
      "${aws_cloudwatch_log_group.network-eu_flow_logs.arn}:*",
    ]
  }
}

resource "aws_iam_role_policy" "network-eu_flow_logs" {
  name   = "deliver-to-log-group"
  role   = aws_iam_role.network-eu_flow_logs.id
  policy = data.aws_iam_policy_document.network-eu_flow_logs_delivery.json
}

resource "aws_flow_log" "network-eu" {
  vpc_id               = aws_vpc.network-eu.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.network-eu_flow_logs.arn
  iam_role_arn         = aws_iam_role.network-eu_flow_logs.arn

  # a record a minute, with the fields investigations need
  max_aggregation_interval = 60
  log_format               = "$${version} $${account-id} $${interface-id} $${srcaddr} $${dstaddr} $${srcport} $${dstport} $${protocol} $${packets} $${bytes} $${start} $${end} $${action} $${log-status} $${vpc-id} $${subnet-id} $${instance-id} $${tcp-flags} $${type} $${pkt-srcaddr} $${pkt-dstaddr} $${region} $${az-id} $${pkt-src-aws-service} $${pkt-dst-aws-service} $${flow-direction} $${traffic-path}"

  tags = {
    Name = "network-eu"
  }
}
