# VPC app-east (10.2.0.0/20) in us-east-1.

resource "aws_vpc" "app-east" {
  cidr_block                       = "10.2.0.0/20"
  enable_dns_support               = true
  enable_dns_hostnames             = true
  assign_generated_ipv6_cidr_block = false

  tags = {
    Name = "app-east"
  }
}

# The default security group of every VPC is emptied: nothing may use it by accident.
resource "aws_default_security_group" "app-east" {
  vpc_id = aws_vpc.app-east.id

  tags = {
    Name = "app-east-default-deny"
  }
}

resource "aws_internet_gateway" "app-east" {
  vpc_id = aws_vpc.app-east.id

  tags = {
    Name = "app-east"
  }
}

resource "aws_subnet" "app-east_public_a" {
  vpc_id                  = aws_vpc.app-east.id
  availability_zone       = "us-east-1a"
  cidr_block              = "10.2.0.0/26"
  map_public_ip_on_launch = false

  tags = {
    Name = "app-east-public-a"
    Tier = "public"
  }
}

resource "aws_subnet" "app-east_app_a" {
  vpc_id                  = aws_vpc.app-east.id
  availability_zone       = "us-east-1a"
  cidr_block              = "10.2.4.0/24"
  map_public_ip_on_launch = false

  tags = {
    Name = "app-east-app-a"
    Tier = "app"
  }
}

resource "aws_eip" "app-east_a" {
  domain = "vpc"

  tags = {
    Name = "app-east-a-nat"
  }
}

resource "aws_nat_gateway" "app-east_a" {
  allocation_id = aws_eip.app-east_a.id
  subnet_id     = aws_subnet.app-east_public_a.id

  tags = {
    Name = "app-east-a"
  }

  depends_on = [aws_internet_gateway.app-east]
}

resource "aws_route_table" "app-east_public" {
  vpc_id = aws_vpc.app-east.id

  tags = {
    Name = "app-east-public"
  }
}

resource "aws_route" "app-east_public_default" {
  route_table_id         = aws_route_table.app-east_public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.app-east.id
}

resource "aws_route_table_association" "app-east_public_a" {
  subnet_id      = aws_subnet.app-east_public_a.id
  route_table_id = aws_route_table.app-east_public.id
}

resource "aws_route_table" "app-east_private_a" {
  vpc_id = aws_vpc.app-east.id

  tags = {
    Name = "app-east-private-a"
  }
}

resource "aws_route" "app-east_private_a_default" {
  route_table_id         = aws_route_table.app-east_private_a.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.app-east_a.id
}

resource "aws_route_table_association" "app-east_app_a" {
  subnet_id      = aws_subnet.app-east_app_a.id
  route_table_id = aws_route_table.app-east_private_a.id
}

# Flow logs: every packet decision, to a KMS-encrypted log group, written by a role that can
# write to that group and nothing else. AWS cannot rename a log group, KMS alias or IAM role: each
# keeps the name it was created with when the VPC is renamed (renamed_from), so the logs stay, and
# the key admits this account's lzgen flow-log groups in this region, whatever their VPC's name.
resource "aws_kms_key" "app-east_flow_logs" {
  description             = "Flow logs of VPC app-east"
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
    Name = "app-east-flow-logs"
  }
}

resource "aws_kms_alias" "app-east_flow_logs" {
  name          = "alias/lzgen/flow-logs/app-east"
  target_key_id = aws_kms_key.app-east_flow_logs.key_id

  lifecycle {
    ignore_changes = [name]
  }
}

resource "aws_cloudwatch_log_group" "app-east_flow_logs" {
  name              = "/lzgen/vpc-flow-logs/app-east"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.app-east_flow_logs.arn

  lifecycle {
    ignore_changes = [name]
  }
}

# Policies as aws_iam_policy_document (computed locally, no API call), so that policy scanners
# read them as IAM policies.
data "aws_iam_policy_document" "app-east_flow_logs_trust" {
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

resource "aws_iam_role" "app-east_flow_logs" {
  name               = "lzgen-flow-logs-app-east"
  description        = "VPC flow logs of app-east deliver to their log group"
  assume_role_policy = data.aws_iam_policy_document.app-east_flow_logs_trust.json

  lifecycle {
    ignore_changes = [name]
  }
}

data "aws_iam_policy_document" "app-east_flow_logs_delivery" {
  statement {
    sid = "DeliverToThisLogGroupOnly"
    actions = [
      "logs:CreateLogStream",
      "logs:DescribeLogStreams",
      "logs:PutLogEvents",
    ]
    resources = [
      aws_cloudwatch_log_group.app-east_flow_logs.arn,
      "${aws_cloudwatch_log_group.app-east_flow_logs.arn}:*",
    ]
  }
}

resource "aws_iam_role_policy" "app-east_flow_logs" {
  name   = "deliver-to-log-group"
  role   = aws_iam_role.app-east_flow_logs.id
  policy = data.aws_iam_policy_document.app-east_flow_logs_delivery.json
}

resource "aws_flow_log" "app-east" {
  vpc_id               = aws_vpc.app-east.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.app-east_flow_logs.arn
  iam_role_arn         = aws_iam_role.app-east_flow_logs.arn

  # a record a minute, with the fields investigations need
  max_aggregation_interval = 60
  log_format               = "$${version} $${account-id} $${interface-id} $${srcaddr} $${dstaddr} $${srcport} $${dstport} $${protocol} $${packets} $${bytes} $${start} $${end} $${action} $${log-status} $${vpc-id} $${subnet-id} $${instance-id} $${tcp-flags} $${type} $${pkt-srcaddr} $${pkt-dstaddr} $${region} $${az-id} $${pkt-src-aws-service} $${pkt-dst-aws-service} $${flow-direction} $${traffic-path}"

  tags = {
    Name = "app-east"
  }
}
