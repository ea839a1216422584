# VPC hub (10.0.0.0/20) in us-east-1.

resource "aws_vpc" "hub" {
  cidr_block                       = "10.0.0.0/20"
  enable_dns_support               = true
  enable_dns_hostnames             = true
  assign_generated_ipv6_cidr_block = false

  tags = {
    Name = "hub"
  }
}

# The default security group of every VPC is emptied: nothing may use it by accident.
resource "aws_default_security_group" "hub" {
  vpc_id = aws_vpc.hub.id

  tags = {
    Name = "hub-default-deny"
  }
}

resource "aws_internet_gateway" "hub" {
  vpc_id = aws_vpc.hub.id

  tags = {
    Name = "hub"
  }
}

resource "aws_subnet" "hub_public_a" {
  vpc_id                  = aws_vpc.hub.id
  availability_zone       = "us-east-1a"
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = false

  tags = {
    Name = "hub-public-a"
    Tier = "public"
  }
}

resource "aws_subnet" "hub_public_b" {
  vpc_id                  = aws_vpc.hub.id
  availability_zone       = "us-east-1b"
  cidr_block              = "10.0.1.0/24"
  map_public_ip_on_launch = false

  tags = {
    Name = "hub-public-b"
    Tier = "public"
  }
}

resource "aws_subnet" "hub_private_a" {
  vpc_id                  = aws_vpc.hub.id
  availability_zone       = "us-east-1a"
  cidr_block              = "10.0.4.0/24"
  map_public_ip_on_launch = false

  tags = {
    Name = "hub-private-a"
    Tier = "private"
  }
}

resource "aws_subnet" "hub_private_b" {
  vpc_id                  = aws_vpc.hub.id
  availability_zone       = "us-east-1b"
  cidr_block              = "10.0.5.0/24"
  map_public_ip_on_launch = false

  tags = {
    Name = "hub-private-b"
    Tier = "private"
  }
}

resource "aws_eip" "hub_a" {
  domain = "vpc"

  tags = {
    Name = "hub-a-nat"
  }
}

resource "aws_nat_gateway" "hub_a" {
  allocation_id = aws_eip.hub_a.id
  subnet_id     = aws_subnet.hub_public_a.id

  tags = {
    Name = "hub-a"
  }

  depends_on = [aws_internet_gateway.hub]
}

resource "aws_eip" "hub_b" {
  domain = "vpc"

  tags = {
    Name = "hub-b-nat"
  }
}

resource "aws_nat_gateway" "hub_b" {
  allocation_id = aws_eip.hub_b.id
  subnet_id     = aws_subnet.hub_public_b.id

  tags = {
    Name = "hub-b"
  }

  depends_on = [aws_internet_gateway.hub]
}

resource "aws_route_table" "hub_public" {
  vpc_id = aws_vpc.hub.id

  tags = {
    Name = "hub-public"
  }
}

resource "aws_route" "hub_public_default" {
  route_table_id         = aws_route_table.hub_public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.hub.id
}

resource "aws_route_table_association" "hub_public_a" {
  subnet_id      = aws_subnet.hub_public_a.id
  route_table_id = aws_route_table.hub_public.id
}

resource "aws_route_table_association" "hub_public_b" {
  subnet_id      = aws_subnet.hub_public_b.id
  route_table_id = aws_route_table.hub_public.id
}

resource "aws_route_table" "hub_private_a" {
  vpc_id = aws_vpc.hub.id

  tags = {
    Name = "hub-private-a"
  }
}

resource "aws_route" "hub_private_a_default" {
  route_table_id         = aws_route_table.hub_private_a.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.hub_a.id
}

resource "aws_route_table_association" "hub_private_a" {
  subnet_id      = aws_subnet.hub_private_a.id
  route_table_id = aws_route_table.hub_private_a.id
}

resource "aws_route_table" "hub_private_b" {
  vpc_id = aws_vpc.hub.id

  tags = {
    Name = "hub-private-b"
  }
}

resource "aws_route" "hub_private_b_default" {
  route_table_id         = aws_route_table.hub_private_b.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.hub_b.id
}

resource "aws_route_table_association" "hub_private_b" {
  subnet_id      = aws_subnet.hub_private_b.id
  route_table_id = aws_route_table.hub_private_b.id
}

resource "aws_vpc_endpoint" "hub_s3" {
  vpc_id            = aws_vpc.hub.id
  service_name      = "com.amazonaws.us-east-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids = [
    aws_route_table.hub_public.id,
    aws_route_table.hub_private_a.id,
    aws_route_table.hub_private_b.id,
  ]

  tags = {
    Name = "hub-s3"
  }
}

# Interface endpoints (IPv4) accept HTTPS from inside the VPC only; no egress rule at all.
resource "aws_security_group" "hub_endpoints" {
  name        = "hub-endpoints"
  description = "Interface endpoints of hub: HTTPS from the VPC only"
  vpc_id      = aws_vpc.hub.id

  ingress {
    description = "HTTPS from the VPC IPv4 range"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = [aws_vpc.hub.cidr_block]
  }

  tags = {
    Name = "hub-endpoints"
  }

  lifecycle {
    ignore_changes = [name, description] # set at creation: a renamed VPC keeps its group
  }
}

resource "aws_vpc_endpoint" "hub_ssm" {
  vpc_id              = aws_vpc.hub.id
  service_name        = "com.amazonaws.us-east-1.ssm"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  security_group_ids  = [aws_security_group.hub_endpoints.id]
  subnet_ids = [
    aws_subnet.hub_private_a.id,
    aws_subnet.hub_private_b.id,
  ]

  tags = {
    Name = "hub-ssm"
  }
}

# Flow logs: every packet decision, to a KMS-encrypted log group, written by a role that can
# write to that group and nothing else. AWS cannot rename a log group, KMS alias or IAM role: each
# keeps the name it was created with when the VPC is renamed (renamed_from), so the logs stay, and
# the key admits this account's lzgen flow-log groups in this region, whatever their VPC's name.
resource "aws_kms_key" "hub_flow_logs" {
  description             = "Flow logs of VPC hub"
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
        Principal = { Service = "logs.us-east-1.amazonaws.com" }
        Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
        Resource  = "*"
        Condition = {
          ArnLike = {
            "kms:EncryptionContext:aws:logs:arn" = "arn:aws:logs:us-east-1:${local.account_id}:log-group:/lzgen/vpc-flow-logs/*"
          }
        }
      },
    ]
  })

  tags = {
    Name = "hub-flow-logs"
  }
}

resource "aws_kms_alias" "hub_flow_logs" {
  name          = "alias/lzgen/flow-logs/hub"
  target_key_id = aws_kms_key.hub_flow_logs.key_id

  lifecycle {
    ignore_changes = [name]
  }
}

resource "aws_cloudwatch_log_group" "hub_flow_logs" {
  name              = "/lzgen/vpc-flow-logs/hub"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.hub_flow_logs.arn

  lifecycle {
    ignore_changes = [name]
  }
}

# Policies as aws_iam_policy_document (computed locally, no API call), so that policy scanners
# read them as IAM policies.
data "aws_iam_policy_document" "hub_flow_logs_trust" {
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
      values   = ["arn:aws:ec2:us-east-1:${local.account_id}:vpc-flow-log/*"]
    }
  }
}

resource "aws_iam_role" "hub_flow_logs" {
  name               = "lzgen-flow-logs-hub"
  description        = "VPC flow logs of hub deliver to their log group"
  assume_role_policy = data.aws_iam_policy_document.hub_flow_logs_trust.json

  lifecycle {
    ignore_changes = [name]
  }
}

data "aws_iam_policy_document" "hub_flow_logs_delivery" {
  statement {
    sid = "DeliverToThisLogGroupOnly"
    actions = [
      "logs:CreateLogStream",
      "logs:DescribeLogStreams",
      "logs:PutLogEvents",
    ]
    resources = [
      aws_cloudwatch_log_group.hub_flow_logs.arn,
      "${aws_cloudwatch_log_group.hub_flow_logs.arn}:*",
    ]
  }
}

resource "aws_iam_role_policy" "hub_flow_logs" {
  name   = "deliver-to-log-group"
  role   = aws_iam_role.hub_flow_logs.id
  policy = data.aws_iam_policy_document.hub_flow_logs_delivery.json
}

resource "aws_flow_log" "hub" {
  vpc_id               = aws_vpc.hub.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.hub_flow_logs.arn
  iam_role_arn         = aws_iam_role.hub_flow_logs.arn

  # a record a minute, with the fields investigations need
  max_aggregation_interval = 60
  log_format               = "$${version} $${account-id} $${interface-id} $${srcaddr} $${dstaddr} $${srcport} $${dstport} $${protocol} $${packets} $${bytes} $${start} $${end} $${action} $${log-status} $${vpc-id} $${subnet-id} $${instance-id} $${tcp-flags} $${type} $${pkt-srcaddr} $${pkt-dstaddr} $${region} $${az-id} $${pkt-src-aws-service} $${pkt-dst-aws-service} $${flow-direction} $${traffic-path}"

  tags = {
    Name = "hub"
  }
}
