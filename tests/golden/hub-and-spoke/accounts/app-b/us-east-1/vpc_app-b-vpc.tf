# VPC app-b-vpc (10.21.0.0/20) in us-east-1.

resource "aws_vpc" "app-b-vpc" {
  cidr_block                       = "10.21.0.0/20"
  enable_dns_support               = true
  enable_dns_hostnames             = true
  assign_generated_ipv6_cidr_block = false

  tags = {
    Name = "app-b-vpc"
  }
}

# The default security group of every VPC is emptied: nothing may use it by accident.
resource "aws_default_security_group" "app-b-vpc" {
  vpc_id = aws_vpc.app-b-vpc.id

  tags = {
    Name = "app-b-vpc-default-deny"
  }
}

resource "aws_subnet" "app-b-vpc_app_a" {
  vpc_id                  = aws_vpc.app-b-vpc.id
  availability_zone       = "us-east-1a"
  cidr_block              = "10.21.0.0/24"
  map_public_ip_on_launch = false

  tags = {
    Name = "app-b-vpc-app-a"
    Tier = "app"
  }
}

resource "aws_subnet" "app-b-vpc_app_b" {
  vpc_id                  = aws_vpc.app-b-vpc.id
  availability_zone       = "us-east-1b"
  cidr_block              = "10.21.1.0/24"
  map_public_ip_on_launch = false

  tags = {
    Name = "app-b-vpc-app-b"
    Tier = "app"
  }
}

resource "aws_subnet" "app-b-vpc_app_c" {
  vpc_id                  = aws_vpc.app-b-vpc.id
  availability_zone       = "us-east-1c"
  cidr_block              = "10.21.2.0/24"
  map_public_ip_on_launch = false

  tags = {
    Name = "app-b-vpc-app-c"
    Tier = "app"
  }
}

resource "aws_subnet" "app-b-vpc_tgw_a" {
  vpc_id                  = aws_vpc.app-b-vpc.id
  availability_zone       = "us-east-1a"
  cidr_block              = "10.21.4.0/28"
  map_public_ip_on_launch = false

  tags = {
    Name = "app-b-vpc-tgw-a"
    Tier = "tgw"
  }
}

resource "aws_subnet" "app-b-vpc_tgw_b" {
  vpc_id                  = aws_vpc.app-b-vpc.id
  availability_zone       = "us-east-1b"
  cidr_block              = "10.21.4.16/28"
  map_public_ip_on_launch = false

  tags = {
    Name = "app-b-vpc-tgw-b"
    Tier = "tgw"
  }
}

resource "aws_subnet" "app-b-vpc_tgw_c" {
  vpc_id                  = aws_vpc.app-b-vpc.id
  availability_zone       = "us-east-1c"
  cidr_block              = "10.21.4.32/28"
  map_public_ip_on_launch = false

  tags = {
    Name = "app-b-vpc-tgw-c"
    Tier = "tgw"
  }
}

resource "aws_route_table" "app-b-vpc_private_a" {
  vpc_id = aws_vpc.app-b-vpc.id

  tags = {
    Name = "app-b-vpc-private-a"
  }
}

resource "aws_route_table_association" "app-b-vpc_app_a" {
  subnet_id      = aws_subnet.app-b-vpc_app_a.id
  route_table_id = aws_route_table.app-b-vpc_private_a.id
}

resource "aws_route_table_association" "app-b-vpc_tgw_a" {
  subnet_id      = aws_subnet.app-b-vpc_tgw_a.id
  route_table_id = aws_route_table.app-b-vpc_private_a.id
}

resource "aws_route_table" "app-b-vpc_private_b" {
  vpc_id = aws_vpc.app-b-vpc.id

  tags = {
    Name = "app-b-vpc-private-b"
  }
}

resource "aws_route_table_association" "app-b-vpc_app_b" {
  subnet_id      = aws_subnet.app-b-vpc_app_b.id
  route_table_id = aws_route_table.app-b-vpc_private_b.id
}

resource "aws_route_table_association" "app-b-vpc_tgw_b" {
  subnet_id      = aws_subnet.app-b-vpc_tgw_b.id
  route_table_id = aws_route_table.app-b-vpc_private_b.id
}

resource "aws_route_table" "app-b-vpc_private_c" {
  vpc_id = aws_vpc.app-b-vpc.id

  tags = {
    Name = "app-b-vpc-private-c"
  }
}

resource "aws_route_table_association" "app-b-vpc_app_c" {
  subnet_id      = aws_subnet.app-b-vpc_app_c.id
  route_table_id = aws_route_table.app-b-vpc_private_c.id
}

resource "aws_route_table_association" "app-b-vpc_tgw_c" {
  subnet_id      = aws_subnet.app-b-vpc_tgw_c.id
  route_table_id = aws_route_table.app-b-vpc_private_c.id
}

resource "aws_vpc_endpoint" "app-b-vpc_s3" {
  vpc_id            = aws_vpc.app-b-vpc.id
  service_name      = "com.amazonaws.us-east-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids = [
    aws_route_table.app-b-vpc_private_a.id,
    aws_route_table.app-b-vpc_private_b.id,
    aws_route_table.app-b-vpc_private_c.id,
  ]

  tags = {
    Name = "app-b-vpc-s3"
  }
}

# Flow logs: every packet decision, to a KMS-encrypted log group, written by a role that can
# write to that group and nothing else. AWS cannot rename a log group, KMS alias or IAM role: each
# keeps the name it was created with when the VPC is renamed (renamed_from), so the logs stay, and
# the key admits this account's lzgen flow-log groups in this region, whatever their VPC's name.
resource "aws_kms_key" "app-b-vpc_flow_logs" {
  description             = "Flow logs of VPC app-b-vpc"
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
    Name = "app-b-vpc-flow-logs"
  }
}

resource "aws_kms_alias" "app-b-vpc_flow_logs" {
  name          = "alias/lzgen/flow-logs/app-b-vpc"
  target_key_id = aws_kms_key.app-b-vpc_flow_logs.key_id

  lifecycle {
    ignore_changes = [name]
  }
}

resource "aws_cloudwatch_log_group" "app-b-vpc_flow_logs" {
  name              = "/lzgen/vpc-flow-logs/app-b-vpc"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.app-b-vpc_flow_logs.arn

  lifecycle {
    ignore_changes = [name]
  }
}

# Policies as aws_iam_policy_document (computed locally, no API call), so that policy scanners
# read them as IAM policies.
data "aws_iam_policy_document" "app-b-vpc_flow_logs_trust" {
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

resource "aws_iam_role" "app-b-vpc_flow_logs" {
  name               = "lzgen-flow-logs-app-b-vpc"
  description        = "VPC flow logs of app-b-vpc deliver to their log group"
  assume_role_policy = data.aws_iam_policy_document.app-b-vpc_flow_logs_trust.json

  lifecycle {
    ignore_changes = [name]
  }
}

data "aws_iam_policy_document" "app-b-vpc_flow_logs_delivery" {
  statement {
    sid = "DeliverToThisLogGroupOnly"
    actions = [
      "logs:CreateLogStream",
      "logs:DescribeLogStreams",
      "logs:PutLogEvents",
    ]
    resources = [
      aws_cloudwatch_log_group.app-b-vpc_flow_logs.arn,
      "${aws_cloudwatch_log_group.app-b-vpc_flow_logs.arn}:*",
    ]
  }
}

resource "aws_iam_role_policy" "app-b-vpc_flow_logs" {
  name   = "deliver-to-log-group"
  role   = aws_iam_role.app-b-vpc_flow_logs.id
  policy = data.aws_iam_policy_document.app-b-vpc_flow_logs_delivery.json
}

resource "aws_flow_log" "app-b-vpc" {
  vpc_id               = aws_vpc.app-b-vpc.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.app-b-vpc_flow_logs.arn
  iam_role_arn         = aws_iam_role.app-b-vpc_flow_logs.arn

  # a record a minute, with the fields investigations need
  max_aggregation_interval = 60
  log_format               = "$${version} $${account-id} $${interface-id} $${srcaddr} $${dstaddr} $${srcport} $${dstport} $${protocol} $${packets} $${bytes} $${start} $${end} $${action} $${log-status} $${vpc-id} $${subnet-id} $${instance-id} $${tcp-flags} $${type} $${pkt-srcaddr} $${pkt-dstaddr} $${region} $${az-id} $${pkt-src-aws-service} $${pkt-dst-aws-service} $${flow-direction} $${traffic-path}"

  tags = {
    Name = "app-b-vpc"
  }
}
