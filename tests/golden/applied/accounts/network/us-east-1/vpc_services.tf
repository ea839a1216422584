# VPC services (10.1.0.0/20) in us-east-1.

resource "aws_vpc" "services" {
  cidr_block                       = "10.1.0.0/20"
  enable_dns_support               = true
  enable_dns_hostnames             = true
  assign_generated_ipv6_cidr_block = false

  tags = {
    Name = "services"
  }
}

# The default security group of every VPC is emptied: nothing may use it by accident.
resource "aws_default_security_group" "services" {
  vpc_id = aws_vpc.services.id

  tags = {
    Name = "services-default-deny"
  }
}

resource "aws_subnet" "services_app_a" {
  vpc_id                  = aws_vpc.services.id
  availability_zone       = "us-east-1a"
  cidr_block              = "10.1.0.0/24"
  map_public_ip_on_launch = false

  tags = {
    Name = "services-app-a"
    Tier = "app"
  }
}

resource "aws_subnet" "services_app_b" {
  vpc_id                  = aws_vpc.services.id
  availability_zone       = "us-east-1b"
  cidr_block              = "10.1.1.0/24"
  map_public_ip_on_launch = false

  tags = {
    Name = "services-app-b"
    Tier = "app"
  }
}

resource "aws_route_table" "services_private_a" {
  vpc_id = aws_vpc.services.id

  tags = {
    Name = "services-private-a"
  }
}

resource "aws_route_table_association" "services_app_a" {
  subnet_id      = aws_subnet.services_app_a.id
  route_table_id = aws_route_table.services_private_a.id
}

resource "aws_route_table" "services_private_b" {
  vpc_id = aws_vpc.services.id

  tags = {
    Name = "services-private-b"
  }
}

resource "aws_route_table_association" "services_app_b" {
  subnet_id      = aws_subnet.services_app_b.id
  route_table_id = aws_route_table.services_private_b.id
}

resource "aws_vpc_endpoint" "services_s3" {
  vpc_id            = aws_vpc.services.id
  service_name      = "com.amazonaws.us-east-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids = [
    aws_route_table.services_private_a.id,
    aws_route_table.services_private_b.id,
  ]

  tags = {
    Name = "services-s3"
  }
}

# Flow logs: every packet decision, to a KMS-encrypted log group, written by a role that can
# write to that group and nothing else. AWS cannot rename a log group, KMS alias or IAM role: each
# keeps the name it was created with when the VPC is renamed (renamed_from), so the logs stay, and
# the key admits this account's lzgen flow-log groups in this region, whatever their VPC's name.
resource "aws_kms_key" "services_flow_logs" {
  description             = "Flow logs of VPC services"
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
    Name = "services-flow-logs"
  }
}

resource "aws_kms_alias" "services_flow_logs" {
  name          = "alias/lzgen/flow-logs/services"
  target_key_id = aws_kms_key.services_flow_logs.key_id

  lifecycle {
    ignore_changes = [name]
  }
}

resource "aws_cloudwatch_log_group" "services_flow_logs" {
  name              = "/lzgen/vpc-flow-logs/services"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.services_flow_logs.arn

  lifecycle {
    ignore_changes = [name]
  }
}

# Policies as aws_iam_policy_document (computed locally, no API call), so that policy scanners
# read them as IAM policies.
data "aws_iam_policy_document" "services_flow_logs_trust" {
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

resource "aws_iam_role" "services_flow_logs" {
  name               = "lzgen-flow-logs-services"
  description        = "VPC flow logs of services deliver to their log group"
  assume_role_policy = data.aws_iam_policy_document.services_flow_logs_trust.json

  lifecycle {
    ignore_changes = [name]
  }
}

data "aws_iam_policy_document" "services_flow_logs_delivery" {
  statement {
    sid = "DeliverToThisLogGroupOnly"
    actions = [
      "logs:CreateLogStream",
      "logs:DescribeLogStreams",
      "logs:PutLogEvents",
    ]
    resources = [
      aws_cloudwatch_log_group.services_flow_logs.arn,
      "${aws_cloudwatch_log_group.services_flow_logs.arn}:*",
    ]
  }
}

resource "aws_iam_role_policy" "services_flow_logs" {
  name   = "deliver-to-log-group"
  role   = aws_iam_role.services_flow_logs.id
  policy = data.aws_iam_policy_document.services_flow_logs_delivery.json
}

resource "aws_flow_log" "services" {
  vpc_id               = aws_vpc.services.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.services_flow_logs.arn
  iam_role_arn         = aws_iam_role.services_flow_logs.arn

  # a record a minute, with the fields investigations need
  max_aggregation_interval = 60
  log_format               = "$${version} $${account-id} $${interface-id} $${srcaddr} $${dstaddr} $${srcport} $${dstport} $${protocol} $${packets} $${bytes} $${start} $${end} $${action} $${log-status} $${vpc-id} $${subnet-id} $${instance-id} $${tcp-flags} $${type} $${pkt-srcaddr} $${pkt-dstaddr} $${region} $${az-id} $${pkt-src-aws-service} $${pkt-dst-aws-service} $${flow-direction} $${traffic-path}"

  tags = {
    Name = "services"
  }
}
