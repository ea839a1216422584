# VPC network-us (10.41.0.0/16) in us-east-1.

resource "aws_vpc" "network-us" {
  cidr_block                       = "10.41.0.0/16"
  enable_dns_support               = true
  enable_dns_hostnames             = true
  assign_generated_ipv6_cidr_block = false

  tags = {
    Name = "network-us"
  }
}

# The default security group of every VPC is emptied: nothing may use it by accident.
resource "aws_default_security_group" "network-us" {
  vpc_id = aws_vpc.network-us.id

  tags = {
    Name = "network-us-default-deny"
  }
}

resource "aws_internet_gateway" "network-us" {
  vpc_id = aws_vpc.network-us.id

  tags = {
    Name = "network-us"
  }
}

resource "aws_subnet" "network-us_public_a" {
  vpc_id                  = aws_vpc.network-us.id
  availability_zone       = "us-east-1a"
  cidr_block              = "10.41.0.0/26"
  map_public_ip_on_launch = false

  tags = {
    Name = "network-us-public-a"
    Tier = "public"
  }
}

resource "aws_subnet" "network-us_public_b" {
  vpc_id                  = aws_vpc.network-us.id
  availability_zone       = "us-east-1b"
  cidr_block              = "10.41.0.64/26"
  map_public_ip_on_launch = false

  tags = {
    Name = "network-us-public-b"
    Tier = "public"
  }
}

resource "aws_subnet" "network-us_public_c" {
  vpc_id                  = aws_vpc.network-us.id
  availability_zone       = "us-east-1c"
  cidr_block              = "10.41.0.128/26"
  map_public_ip_on_launch = false

  tags = {
    Name = "network-us-public-c"
    Tier = "public"
  }
}

resource "aws_subnet" "network-us_public_d" {
  vpc_id                  = aws_vpc.network-us.id
  availability_zone       = "us-east-1d"
  cidr_block              = "10.41.0.192/26"
  map_public_ip_on_launch = false

  tags = {
    Name = "network-us-public-d"
    Tier = "public"
  }
}

resource "aws_subnet" "network-us_services_a" {
  vpc_id                  = aws_vpc.network-us.id
  availability_zone       = "us-east-1a"
  cidr_block              = "10.41.16.0/22"
  map_public_ip_on_launch = false

  tags = {
    Name = "network-us-services-a"
    Tier = "services"
  }
}

resource "aws_subnet" "network-us_services_b" {
  vpc_id                  = aws_vpc.network-us.id
  availability_zone       = "us-east-1b"
  cidr_block              = "10.41.20.0/22"
  map_public_ip_on_launch = false

  tags = {
    Name = "network-us-services-b"
    Tier = "services"
  }
}

resource "aws_subnet" "network-us_services_c" {
  vpc_id                  = aws_vpc.network-us.id
  availability_zone       = "us-east-1c"
  cidr_block              = "10.41.24.0/22"
  map_public_ip_on_launch = false

  tags = {
    Name = "network-us-services-c"
    Tier = "services"
  }
}

resource "aws_subnet" "network-us_services_d" {
  vpc_id                  = aws_vpc.network-us.id
  availability_zone       = "us-east-1d"
  cidr_block              = "10.41.28.0/22"
  map_public_ip_on_launch = false

  tags = {
    Name = "network-us-services-d"
    Tier = "services"
  }
}

resource "aws_eip" "network-us_a" {
  domain = "vpc"

  tags = {
    Name = "network-us-a-nat"
  }
}

resource "aws_nat_gateway" "network-us_a" {
  allocation_id = aws_eip.network-us_a.id
  subnet_id     = aws_subnet.network-us_public_a.id

  tags = {
    Name = "network-us-a"
  }

  depends_on = [aws_internet_gateway.network-us]
}

resource "aws_eip" "network-us_b" {
  domain = "vpc"

  tags = {
    Name = "network-us-b-nat"
  }
}

resource "aws_nat_gateway" "network-us_b" {
  allocation_id = aws_eip.network-us_b.id
  subnet_id     = aws_subnet.network-us_public_b.id

  tags = {
    Name = "network-us-b"
  }

  depends_on = [aws_internet_gateway.network-us]
}

resource "aws_eip" "network-us_c" {
  domain = "vpc"

  tags = {
    Name = "network-us-c-nat"
  }
}

resource "aws_nat_gateway" "network-us_c" {
  allocation_id = aws_eip.network-us_c.id
  subnet_id     = aws_subnet.network-us_public_c.id

  tags = {
    Name = "network-us-c"
  }

  depends_on = [aws_internet_gateway.network-us]
}

resource "aws_eip" "network-us_d" {
  domain = "vpc"

  tags = {
    Name = "network-us-d-nat"
  }
}

resource "aws_nat_gateway" "network-us_d" {
  allocation_id = aws_eip.network-us_d.id
  subnet_id     = aws_subnet.network-us_public_d.id

  tags = {
    Name = "network-us-d"
  }

  depends_on = [aws_internet_gateway.network-us]
}

resource "aws_route_table" "network-us_public" {
  vpc_id = aws_vpc.network-us.id

  tags = {
    Name = "network-us-public"
  }
}

resource "aws_route" "network-us_public_default" {
  route_table_id         = aws_route_table.network-us_public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.network-us.id
}

resource "aws_route_table_association" "network-us_public_a" {
  subnet_id      = aws_subnet.network-us_public_a.id
  route_table_id = aws_route_table.network-us_public.id
}

resource "aws_route_table_association" "network-us_public_b" {
  subnet_id      = aws_subnet.network-us_public_b.id
  route_table_id = aws_route_table.network-us_public.id
}

resource "aws_route_table_association" "network-us_public_c" {
  subnet_id      = aws_subnet.network-us_public_c.id
  route_table_id = aws_route_table.network-us_public.id
}

resource "aws_route_table_association" "network-us_public_d" {
  subnet_id      = aws_subnet.network-us_public_d.id
  route_table_id = aws_route_table.network-us_public.id
}

resource "aws_route_table" "network-us_private_a" {
  vpc_id = aws_vpc.network-us.id

  tags = {
    Name = "network-us-private-a"
  }
}

resource "aws_route" "network-us_private_a_default" {
  route_table_id         = aws_route_table.network-us_private_a.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.network-us_a.id
}

resource "aws_route_table_association" "network-us_services_a" {
  subnet_id      = aws_subnet.network-us_services_a.id
  route_table_id = aws_route_table.network-us_private_a.id
}

resource "aws_route_table" "network-us_private_b" {
  vpc_id = aws_vpc.network-us.id

  tags = {
    Name = "network-us-private-b"
  }
}

resource "aws_route" "network-us_private_b_default" {
  route_table_id         = aws_route_table.network-us_private_b.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.network-us_b.id
}

resource "aws_route_table_association" "network-us_services_b" {
  subnet_id      = aws_subnet.network-us_services_b.id
  route_table_id = aws_route_table.network-us_private_b.id
}

resource "aws_route_table" "network-us_private_c" {
  vpc_id = aws_vpc.network-us.id

  tags = {
    Name = "network-us-private-c"
  }
}

resource "aws_route" "network-us_private_c_default" {
  route_table_id         = aws_route_table.network-us_private_c.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.network-us_c.id
}

resource "aws_route_table_association" "network-us_services_c" {
  subnet_id      = aws_subnet.network-us_services_c.id
  route_table_id = aws_route_table.network-us_private_c.id
}

resource "aws_route_table" "network-us_private_d" {
  vpc_id = aws_vpc.network-us.id

  tags = {
    Name = "network-us-private-d"
  }
}

resource "aws_route" "network-us_private_d_default" {
  route_table_id         = aws_route_table.network-us_private_d.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.network-us_d.id
}

resource "aws_route_table_association" "network-us_services_d" {
  subnet_id      = aws_subnet.network-us_services_d.id
  route_table_id = aws_route_table.network-us_private_d.id
}

# Flow logs: every packet decision, to a KMS-encrypted log group, written by a role that can
# write to that group and nothing else. AWS cannot rename a log group, KMS alias or IAM role: each
# keeps the name it was created with when the VPC is renamed (renamed_from), so the logs stay, and
# the key admits this account's lzgen flow-log groups in this region, whatever their VPC's name.
resource "aws_kms_key" "network-us_flow_logs" {
  description             = "Flow logs of VPC network-us"
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
    Name = "network-us-flow-logs"
  }
}

resource "aws_kms_alias" "network-us_flow_logs" {
  name          = "alias/lzgen/flow-logs/network-us"
  target_key_id = aws_kms_key.network-us_flow_logs.key_id

  lifecycle {
    ignore_changes = [name]
  }
}

resource "aws_cloudwatch_log_group" "network-us_flow_logs" {
  name              = "/lzgen/vpc-flow-logs/network-us"
  retention_in_days = 731
  kms_key_id        = aws_kms_key.network-us_flow_logs.arn

  lifecycle {
    ignore_changes = [name]
  }
}

# Policies as aws_iam_policy_document (computed locally, no API call), so that policy scanners
# read them as IAM policies.
data "aws_iam_policy_document" "network-us_flow_logs_trust" {
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

resource "aws_iam_role" "network-us_flow_logs" {
  name               = "lzgen-flow-logs-network-us"
  description        = "VPC flow logs of network-us deliver to their log group"
  assume_role_policy = data.aws_iam_policy_document.network-us_flow_logs_trust.json

  lifecycle {
    ignore_changes = [name]
  }
}

data "aws_iam_policy_document" "network-us_flow_logs_delivery" {
  statement {
    sid = "DeliverToThisLogGroupOnly"
    actions = [
      "logs:CreateLogStream",
      "logs:DescribeLogStreams",
      "logs:PutLogEvents",
    ]
    resources = [
      aws_cloudwatch_log_group.network-us_flow_logs.arn,
      "${aws_cloudwatch_log_group.network-us_flow_logs.arn}:*",
    ]
  }
}

resource "aws_iam_role_policy" "network-us_flow_logs" {
  name   = "deliver-to-log-group"
  role   = aws_iam_role.network-us_flow_logs.id
  policy = data.aws_iam_policy_document.network-us_flow_logs_delivery.json
}

resource "aws_flow_log" "network-us" {
  vpc_id               = aws_vpc.network-us.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.network-us_flow_logs.arn
  iam_role_arn         = aws_iam_role.network-us_flow_logs.arn

  # a record a minute, with the fields investigations need
  max_aggregation_interval = 60
  log_format               = "$${version} $${account-id} $${interface-id} $${srcaddr} $${dstaddr} $${srcport} $${dstport} $${protocol} $${packets} $${bytes} $${start} $${end} $${action} $${log-status} $${vpc-id} $${subnet-id} $${instance-id} $${tcp-flags} $${type} $${pkt-srcaddr} $${pkt-dstaddr} $${region} $${az-id} $${pkt-src-aws-service} $${pkt-dst-aws-service} $${flow-direction} $${traffic-path}"

  tags = {
    Name = "network-us"
  }
}
