# VPC branch (10.40.0.0/20) in eu-west-1.

resource "aws_vpc" "branch" {
  cidr_block                       = "10.40.0.0/20"
  enable_dns_support               = true
  enable_dns_hostnames             = true
  assign_generated_ipv6_cidr_block = true

  tags = {
    Name = "branch"
  }
}

# The default security group of every VPC is emptied: nothing may use it by accident.
resource "aws_default_security_group" "branch" {
  vpc_id = aws_vpc.branch.id

  tags = {
    Name = "branch-default-deny"
  }
}

resource "aws_internet_gateway" "branch" {
  vpc_id = aws_vpc.branch.id

  tags = {
    Name = "branch"
  }
}

resource "aws_egress_only_internet_gateway" "branch" {
  vpc_id = aws_vpc.branch.id

  tags = {
    Name = "branch"
  }
}

resource "aws_subnet" "branch_public_a" {
  vpc_id                  = aws_vpc.branch.id
  availability_zone       = "eu-west-1a"
  cidr_block              = "10.40.0.0/26"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.branch.ipv6_cidr_block, 8, 0)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "branch-public-a"
    Tier = "public"
  }
}

resource "aws_subnet" "branch_public_b" {
  vpc_id                  = aws_vpc.branch.id
  availability_zone       = "eu-west-1b"
  cidr_block              = "10.40.0.64/26"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.branch.ipv6_cidr_block, 8, 1)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "branch-public-b"
    Tier = "public"
  }
}

resource "aws_subnet" "branch_app_a" {
  vpc_id                  = aws_vpc.branch.id
  availability_zone       = "eu-west-1a"
  cidr_block              = "10.40.4.0/24"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.branch.ipv6_cidr_block, 8, 4)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "branch-app-a"
    Tier = "app"
  }
}

resource "aws_subnet" "branch_app_b" {
  vpc_id                  = aws_vpc.branch.id
  availability_zone       = "eu-west-1b"
  cidr_block              = "10.40.5.0/24"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.branch.ipv6_cidr_block, 8, 5)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "branch-app-b"
    Tier = "app"
  }
}

resource "aws_subnet" "branch_data_a" {
  vpc_id                  = aws_vpc.branch.id
  availability_zone       = "eu-west-1a"
  cidr_block              = "10.40.1.0/26"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.branch.ipv6_cidr_block, 8, 8)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "branch-data-a"
    Tier = "data"
  }
}

resource "aws_subnet" "branch_data_b" {
  vpc_id                  = aws_vpc.branch.id
  availability_zone       = "eu-west-1b"
  cidr_block              = "10.40.1.64/26"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.branch.ipv6_cidr_block, 8, 9)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "branch-data-b"
    Tier = "data"
  }
}

resource "aws_eip" "branch_a" {
  domain = "vpc"

  tags = {
    Name = "branch-a-nat"
  }
}

resource "aws_nat_gateway" "branch_a" {
  allocation_id = aws_eip.branch_a.id
  subnet_id     = aws_subnet.branch_public_a.id

  tags = {
    Name = "branch-a"
  }

  depends_on = [aws_internet_gateway.branch]
}

resource "aws_eip" "branch_b" {
  domain = "vpc"

  tags = {
    Name = "branch-b-nat"
  }
}

resource "aws_nat_gateway" "branch_b" {
  allocation_id = aws_eip.branch_b.id
  subnet_id     = aws_subnet.branch_public_b.id

  tags = {
    Name = "branch-b"
  }

  depends_on = [aws_internet_gateway.branch]
}

resource "aws_route_table" "branch_public" {
  vpc_id = aws_vpc.branch.id

  tags = {
    Name = "branch-public"
  }
}

resource "aws_route" "branch_public_default" {
  route_table_id         = aws_route_table.branch_public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.branch.id
}

resource "aws_route" "branch_public_default_ipv6" {
  route_table_id              = aws_route_table.branch_public.id
  destination_ipv6_cidr_block = "::/0"
  gateway_id                  = aws_internet_gateway.branch.id
}

resource "aws_route_table_association" "branch_public_a" {
  subnet_id      = aws_subnet.branch_public_a.id
  route_table_id = aws_route_table.branch_public.id
}

resource "aws_route_table_association" "branch_public_b" {
  subnet_id      = aws_subnet.branch_public_b.id
  route_table_id = aws_route_table.branch_public.id
}

resource "aws_route_table" "branch_private_a" {
  vpc_id = aws_vpc.branch.id

  tags = {
    Name = "branch-private-a"
  }
}

resource "aws_route" "branch_private_a_default" {
  route_table_id         = aws_route_table.branch_private_a.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.branch_a.id
}

resource "aws_route" "branch_private_a_default_ipv6" {
  route_table_id              = aws_route_table.branch_private_a.id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = aws_egress_only_internet_gateway.branch.id
}

resource "aws_route_table_association" "branch_app_a" {
  subnet_id      = aws_subnet.branch_app_a.id
  route_table_id = aws_route_table.branch_private_a.id
}

resource "aws_route_table" "branch_private_b" {
  vpc_id = aws_vpc.branch.id

  tags = {
    Name = "branch-private-b"
  }
}

resource "aws_route" "branch_private_b_default" {
  route_table_id         = aws_route_table.branch_private_b.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.branch_b.id
}

resource "aws_route" "branch_private_b_default_ipv6" {
  route_table_id              = aws_route_table.branch_private_b.id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = aws_egress_only_internet_gateway.branch.id
}

resource "aws_route_table_association" "branch_app_b" {
  subnet_id      = aws_subnet.branch_app_b.id
  route_table_id = aws_route_table.branch_private_b.id
}

resource "aws_route_table" "branch_isolated" {
  vpc_id = aws_vpc.branch.id

  tags = {
    Name = "branch-isolated"
  }
}

resource "aws_route_table_association" "branch_data_a" {
  subnet_id      = aws_subnet.branch_data_a.id
  route_table_id = aws_route_table.branch_isolated.id
}

resource "aws_route_table_association" "branch_data_b" {
  subnet_id      = aws_subnet.branch_data_b.id
  route_table_id = aws_route_table.branch_isolated.id
}

resource "aws_vpc_endpoint" "branch_s3" {
  vpc_id            = aws_vpc.branch.id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids = [
    aws_route_table.branch_public.id,
    aws_route_table.branch_private_a.id,
    aws_route_table.branch_private_b.id,
    aws_route_table.branch_isolated.id,
  ]

  tags = {
    Name = "branch-s3"
  }
}

# Flow logs: every packet decision, to a KMS-encrypted log group, written by a role that can
# write to that group and nothing else. AWS cannot rename a log group, KMS alias or IAM role: each
# keeps the name it was created with when the VPC is renamed (renamed_from), so the logs stay, and
# the key admits this account's lzgen flow-log groups in this region, whatever their VPC's name.
resource "aws_kms_key" "branch_flow_logs" {
  description             = "Flow logs of VPC branch"
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
    Name = "branch-flow-logs"
  }
}

resource "aws_kms_alias" "branch_flow_logs" {
  name          = "alias/lzgen/flow-logs/branch"
  target_key_id = aws_kms_key.branch_flow_logs.key_id

  lifecycle {
    ignore_changes = [name]
  }
}

resource "aws_cloudwatch_log_group" "branch_flow_logs" {
  name              = "/lzgen/vpc-flow-logs/branch"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.branch_flow_logs.arn

  lifecycle {
    ignore_changes = [name]
  }
}

# Policies as aws_iam_policy_document (computed locally, no API call), so that policy scanners
# read them as IAM policies.
data "aws_iam_policy_document" "branch_flow_logs_trust" {
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

resource "aws_iam_role" "branch_flow_logs" {
  name               = "lzgen-flow-logs-branch"
  description        = "VPC flow logs of branch deliver to their log group"
  assume_role_policy = data.aws_iam_policy_document.branch_flow_logs_trust.json

  lifecycle {
    ignore_changes = [name]
  }
}

data "aws_iam_policy_document" "branch_flow_logs_delivery" {
  statement {
    sid = "DeliverToThisLogGroupOnly"
    actions = [
      "logs:CreateLogStream",
      "logs:DescribeLogStreams",
      "logs:PutLogEvents",
    ]
    resources = [
      aws_cloudwatch_log_group.branch_flow_logs.arn,
      "${aws_cloudwatch_log_group.branch_flow_logs.arn}:*",
    ]
  }
}

resource "aws_iam_role_policy" "branch_flow_logs" {
  name   = "deliver-to-log-group"
  role   = aws_iam_role.branch_flow_logs.id
  policy = data.aws_iam_policy_document.branch_flow_logs_delivery.json
}

resource "aws_flow_log" "branch" {
  vpc_id               = aws_vpc.branch.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.branch_flow_logs.arn
  iam_role_arn         = aws_iam_role.branch_flow_logs.arn

  # a record a minute, with the fields investigations need
  max_aggregation_interval = 60
  log_format               = "$${version} $${account-id} $${interface-id} $${srcaddr} $${dstaddr} $${srcport} $${dstport} $${protocol} $${packets} $${bytes} $${start} $${end} $${action} $${log-status} $${vpc-id} $${subnet-id} $${instance-id} $${tcp-flags} $${type} $${pkt-srcaddr} $${pkt-dstaddr} $${region} $${az-id} $${pkt-src-aws-service} $${pkt-dst-aws-service} $${flow-direction} $${traffic-path}"

  tags = {
    Name = "branch"
  }
}
