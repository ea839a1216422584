# VPC lab (172.16.0.0/24) in us-west-2.

resource "aws_vpc" "lab" {
  cidr_block                       = "172.16.0.0/24"
  enable_dns_support               = true
  enable_dns_hostnames             = true
  assign_generated_ipv6_cidr_block = false

  tags = {
    Name = "lab"
  }
}

# The default security group of every VPC is emptied: nothing may use it by accident.
resource "aws_default_security_group" "lab" {
  vpc_id = aws_vpc.lab.id

  tags = {
    Name = "lab-default-deny"
  }
}

resource "aws_internet_gateway" "lab" {
  vpc_id = aws_vpc.lab.id

  tags = {
    Name = "lab"
  }
}

resource "aws_subnet" "lab_edge_a" {
  vpc_id                  = aws_vpc.lab.id
  availability_zone       = "us-west-2a"
  cidr_block              = "172.16.0.0/28"
  map_public_ip_on_launch = false

  tags = {
    Name = "lab-edge-a"
    Tier = "edge"
  }
}

resource "aws_subnet" "lab_edge_b" {
  vpc_id                  = aws_vpc.lab.id
  availability_zone       = "us-west-2b"
  cidr_block              = "172.16.0.16/28"
  map_public_ip_on_launch = false

  tags = {
    Name = "lab-edge-b"
    Tier = "edge"
  }
}

resource "aws_subnet" "lab_work_a" {
  vpc_id                  = aws_vpc.lab.id
  availability_zone       = "us-west-2a"
  cidr_block              = "172.16.0.128/27"
  map_public_ip_on_launch = false

  tags = {
    Name = "lab-work-a"
    Tier = "work"
  }
}

resource "aws_subnet" "lab_work_b" {
  vpc_id                  = aws_vpc.lab.id
  availability_zone       = "us-west-2b"
  cidr_block              = "172.16.0.160/27"
  map_public_ip_on_launch = false

  tags = {
    Name = "lab-work-b"
    Tier = "work"
  }
}

resource "aws_eip" "lab_a" {
  domain = "vpc"

  tags = {
    Name = "lab-a-nat"
  }
}

resource "aws_nat_gateway" "lab_a" {
  allocation_id = aws_eip.lab_a.id
  subnet_id     = aws_subnet.lab_edge_a.id

  tags = {
    Name = "lab-a"
  }

  depends_on = [aws_internet_gateway.lab]
}

resource "aws_route_table" "lab_public" {
  vpc_id = aws_vpc.lab.id

  tags = {
    Name = "lab-public"
  }
}

resource "aws_route" "lab_public_default" {
  route_table_id         = aws_route_table.lab_public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.lab.id
}

resource "aws_route_table_association" "lab_edge_a" {
  subnet_id      = aws_subnet.lab_edge_a.id
  route_table_id = aws_route_table.lab_public.id
}

resource "aws_route_table_association" "lab_edge_b" {
  subnet_id      = aws_subnet.lab_edge_b.id
  route_table_id = aws_route_table.lab_public.id
}

resource "aws_route_table" "lab_private_a" {
  vpc_id = aws_vpc.lab.id

  tags = {
    Name = "lab-private-a"
  }
}

resource "aws_route" "lab_private_a_default" {
  route_table_id         = aws_route_table.lab_private_a.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.lab_a.id
}

resource "aws_route_table_association" "lab_work_a" {
  subnet_id      = aws_subnet.lab_work_a.id
  route_table_id = aws_route_table.lab_private_a.id
}

resource "aws_route_table" "lab_private_b" {
  vpc_id = aws_vpc.lab.id

  tags = {
    Name = "lab-private-b"
  }
}

resource "aws_route" "lab_private_b_default" {
  route_table_id         = aws_route_table.lab_private_b.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.lab_a.id
}

resource "aws_route_table_association" "lab_work_b" {
  subnet_id      = aws_subnet.lab_work_b.id
  route_table_id = aws_route_table.lab_private_b.id
}

# Flow logs: every packet decision, to a KMS-encrypted log group, written by a role that can
# write to that group and nothing else. AWS cannot rename a log group, KMS alias or IAM role: each
# keeps the name it was created with when the VPC is renamed (renamed_from), so the logs stay, and
# the key admits this account's lzgen flow-log groups in this region, whatever their VPC's name.
resource "aws_kms_key" "lab_flow_logs" {
  description             = "Flow logs of VPC lab"
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
        Principal = { Service = "logs.us-west-2.amazonaws.com" }
        Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
        Resource  = "*"
        Condition = {
          ArnLike = {
            "kms:EncryptionContext:aws:logs:arn" = "arn:aws:logs:us-west-2:${local.account_id}:log-group:/lzgen/vpc-flow-logs/*"
          }
        }
      },
    ]
  })

  tags = {
    Name = "lab-flow-logs"
  }
}

resource "aws_kms_alias" "lab_flow_logs" {
  name          = "alias/lzgen/flow-logs/lab"
  target_key_id = aws_kms_key.lab_flow_logs.key_id

  lifecycle {
    ignore_changes = [name]
  }
}

resource "aws_cloudwatch_log_group" "lab_flow_logs" {
  name              = "/lzgen/vpc-flow-logs/lab"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.lab_flow_logs.arn

  lifecycle {
    ignore_changes = [name]
  }
}

# Policies as aws_iam_policy_document (computed locally, no API call), so that policy scanners
# read them as IAM policies.
data "aws_iam_policy_document" "lab_flow_logs_trust" {
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
      values   = ["arn:aws:ec2:us-west-2:${local.account_id}:vpc-flow-log/*"]
    }
  }
}

resource "aws_iam_role" "lab_flow_logs" {
  name               = "lzgen-flow-logs-lab"
  description        = "VPC flow logs of lab deliver to their log group"
  assume_role_policy = data.aws_iam_policy_document.lab_flow_logs_trust.json

  lifecycle {
    ignore_changes = [name]
  }
}

data "aws_iam_policy_document" "lab_flow_logs_delivery" {
  statement {
    sid = "DeliverToThisLogGroupOnly"
    actions = [
      "logs:CreateLogStream",
      "logs:DescribeLogStreams",
      "logs:PutLogEvents",
    ]
    resources = [
      aws_cloudwatch_log_group.lab_flow_logs.arn,
      "${aws_cloudwatch_log_group.lab_flow_logs.arn}:*",
    ]
  }
}

resource "aws_iam_role_policy" "lab_flow_logs" {
  name   = "deliver-to-log-group"
  role   = aws_iam_role.lab_flow_logs.id
  policy = data.aws_iam_policy_document.lab_flow_logs_delivery.json
}

resource "aws_flow_log" "lab" {
  vpc_id               = aws_vpc.lab.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.lab_flow_logs.arn
  iam_role_arn         = aws_iam_role.lab_flow_logs.arn

  # a record a minute, with the fields investigations need
  max_aggregation_interval = 60
  log_format               = "$${version} $${account-id} $${interface-id} $${srcaddr} $${dstaddr} $${srcport} $${dstport} $${protocol} $${packets} $${bytes} $${start} $${end} $${action} $${log-status} $${vpc-id} $${subnet-id} $${instance-id} $${tcp-flags} $${type} $${pkt-srcaddr} $${pkt-dstaddr} $${region} $${az-id} $${pkt-src-aws-service} $${pkt-dst-aws-service} $${flow-direction} $${traffic-path}"

  tags = {
    Name = "lab"
  }
}
