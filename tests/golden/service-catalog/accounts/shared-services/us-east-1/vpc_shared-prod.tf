# VPC shared-prod (10.20.0.0/16) in us-east-1.

resource "aws_vpc" "shared-prod" {
  cidr_block                       = "10.20.0.0/16"
  enable_dns_support               = true
  enable_dns_hostnames             = true
  assign_generated_ipv6_cidr_block = false

  tags = {
    Name = "shared-prod"
  }
}

# The default security group of every VPC is emptied: nothing may use it by accident.
resource "aws_default_security_group" "shared-prod" {
  vpc_id = aws_vpc.shared-prod.id

  tags = {
    Name = "shared-prod-default-deny"
  }
}

resource "aws_internet_gateway" "shared-prod" {
  vpc_id = aws_vpc.shared-prod.id

  tags = {
    Name = "shared-prod"
  }
}

resource "aws_subnet" "shared-prod_public_a" {
  vpc_id                  = aws_vpc.shared-prod.id
  availability_zone       = "us-east-1a"
  cidr_block              = "10.20.0.0/24"
  map_public_ip_on_launch = false

  tags = {
    Name = "shared-prod-public-a"
    Tier = "public"
  }
}

resource "aws_subnet" "shared-prod_public_b" {
  vpc_id                  = aws_vpc.shared-prod.id
  availability_zone       = "us-east-1b"
  cidr_block              = "10.20.1.0/24"
  map_public_ip_on_launch = false

  tags = {
    Name = "shared-prod-public-b"
    Tier = "public"
  }
}

resource "aws_subnet" "shared-prod_public_c" {
  vpc_id                  = aws_vpc.shared-prod.id
  availability_zone       = "us-east-1c"
  cidr_block              = "10.20.2.0/24"
  map_public_ip_on_launch = false

  tags = {
    Name = "shared-prod-public-c"
    Tier = "public"
  }
}

resource "aws_subnet" "shared-prod_app_a" {
  vpc_id                  = aws_vpc.shared-prod.id
  availability_zone       = "us-east-1a"
  cidr_block              = "10.20.64.0/20"
  map_public_ip_on_launch = false

  tags = {
    Name = "shared-prod-app-a"
    Tier = "app"
  }
}

resource "aws_subnet" "shared-prod_app_b" {
  vpc_id                  = aws_vpc.shared-prod.id
  availability_zone       = "us-east-1b"
  cidr_block              = "10.20.80.0/20"
  map_public_ip_on_launch = false

  tags = {
    Name = "shared-prod-app-b"
    Tier = "app"
  }
}

resource "aws_subnet" "shared-prod_app_c" {
  vpc_id                  = aws_vpc.shared-prod.id
  availability_zone       = "us-east-1c"
  cidr_block              = "10.20.96.0/20"
  map_public_ip_on_launch = false

  tags = {
    Name = "shared-prod-app-c"
    Tier = "app"
  }
}

resource "aws_eip" "shared-prod_a" {
  domain = "vpc"

  tags = {
    Name = "shared-prod-a-nat"
  }
}

resource "aws_nat_gateway" "shared-prod_a" {
  allocation_id = aws_eip.shared-prod_a.id
  subnet_id     = aws_subnet.shared-prod_public_a.id

  tags = {
    Name = "shared-prod-a"
  }

  depends_on = [aws_internet_gateway.shared-prod]
}

resource "aws_eip" "shared-prod_b" {
  domain = "vpc"

  tags = {
    Name = "shared-prod-b-nat"
  }
}

resource "aws_nat_gateway" "shared-prod_b" {
  allocation_id = aws_eip.shared-prod_b.id
  subnet_id     = aws_subnet.shared-prod_public_b.id

  tags = {
    Name = "shared-prod-b"
  }

  depends_on = [aws_internet_gateway.shared-prod]
}

resource "aws_eip" "shared-prod_c" {
  domain = "vpc"

  tags = {
    Name = "shared-prod-c-nat"
  }
}

resource "aws_nat_gateway" "shared-prod_c" {
  allocation_id = aws_eip.shared-prod_c.id
  subnet_id     = aws_subnet.shared-prod_public_c.id

  tags = {
    Name = "shared-prod-c"
  }

  depends_on = [aws_internet_gateway.shared-prod]
}

resource "aws_route_table" "shared-prod_public" {
  vpc_id = aws_vpc.shared-prod.id

  tags = {
    Name = "shared-prod-public"
  }
}

resource "aws_route" "shared-prod_public_default" {
  route_table_id         = aws_route_table.shared-prod_public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.shared-prod.id
}

resource "aws_route_table_association" "shared-prod_public_a" {
  subnet_id      = aws_subnet.shared-prod_public_a.id
  route_table_id = aws_route_table.shared-prod_public.id
}

resource "aws_route_table_association" "shared-prod_public_b" {
  subnet_id      = aws_subnet.shared-prod_public_b.id
  route_table_id = aws_route_table.shared-prod_public.id
}

resource "aws_route_table_association" "shared-prod_public_c" {
  subnet_id      = aws_subnet.shared-prod_public_c.id
  route_table_id = aws_route_table.shared-prod_public.id
}

resource "aws_route_table" "shared-prod_private_a" {
  vpc_id = aws_vpc.shared-prod.id

  tags = {
    Name = "shared-prod-private-a"
  }
}

resource "aws_route" "shared-prod_private_a_default" {
  route_table_id         = aws_route_table.shared-prod_private_a.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.shared-prod_a.id
}

resource "aws_route_table_association" "shared-prod_app_a" {
  subnet_id      = aws_subnet.shared-prod_app_a.id
  route_table_id = aws_route_table.shared-prod_private_a.id
}

resource "aws_route_table" "shared-prod_private_b" {
  vpc_id = aws_vpc.shared-prod.id

  tags = {
    Name = "shared-prod-private-b"
  }
}

resource "aws_route" "shared-prod_private_b_default" {
  route_table_id         = aws_route_table.shared-prod_private_b.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.shared-prod_b.id
}

resource "aws_route_table_association" "shared-prod_app_b" {
  subnet_id      = aws_subnet.shared-prod_app_b.id
  route_table_id = aws_route_table.shared-prod_private_b.id
}

resource "aws_route_table" "shared-prod_private_c" {
  vpc_id = aws_vpc.shared-prod.id

  tags = {
    Name = "shared-prod-private-c"
  }
}

resource "aws_route" "shared-prod_private_c_default" {
  route_table_id         = aws_route_table.shared-prod_private_c.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.shared-prod_c.id
}

resource "aws_route_table_association" "shared-prod_app_c" {
  subnet_id      = aws_subnet.shared-prod_app_c.id
  route_table_id = aws_route_table.shared-prod_private_c.id
}

resource "aws_vpc_endpoint" "shared-prod_s3" {
  vpc_id            = aws_vpc.shared-prod.id
  service_name      = "com.amazonaws.us-east-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids = [
    aws_route_table.shared-prod_public.id,
    aws_route_table.shared-prod_private_a.id,
    aws_route_table.shared-prod_private_b.id,
    aws_route_table.shared-prod_private_c.id,
  ]

  tags = {
    Name = "shared-prod-s3"
  }
}

# Interface endpoints (IPv4) accept HTTPS from inside the VPC only; no egress rule at all.
resource "aws_security_group" "shared-prod_endpoints" {
  name        = "shared-prod-endpoints"
  description = "Interface endpoints of shared-prod: HTTPS from the VPC only"
  vpc_id      = aws_vpc.shared-prod.id

  ingress {
    description = "HTTPS from the VPC IPv4 range"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = [aws_vpc.shared-prod.cidr_block]
  }

  tags = {
    Name = "shared-prod-endpoints"
  }

  lifecycle {
    ignore_changes = [name, description] # set at creation: a renamed VPC keeps its group
  }
}

resource "aws_vpc_endpoint" "shared-prod_ecr-api" {
  vpc_id              = aws_vpc.shared-prod.id
  service_name        = "com.amazonaws.us-east-1.ecr.api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  security_group_ids  = [aws_security_group.shared-prod_endpoints.id]
  subnet_ids = [
    aws_subnet.shared-prod_app_a.id,
    aws_subnet.shared-prod_app_b.id,
    aws_subnet.shared-prod_app_c.id,
  ]

  tags = {
    Name = "shared-prod-ecr.api"
  }
}

resource "aws_vpc_endpoint" "shared-prod_ecr-dkr" {
  vpc_id              = aws_vpc.shared-prod.id
  service_name        = "com.amazonaws.us-east-1.ecr.dkr"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  security_group_ids  = [aws_security_group.shared-prod_endpoints.id]
  subnet_ids = [
    aws_subnet.shared-prod_app_a.id,
    aws_subnet.shared-prod_app_b.id,
    aws_subnet.shared-prod_app_c.id,
  ]

  tags = {
    Name = "shared-prod-ecr.dkr"
  }
}

resource "aws_vpc_endpoint" "shared-prod_logs" {
  vpc_id              = aws_vpc.shared-prod.id
  service_name        = "com.amazonaws.us-east-1.logs"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  security_group_ids  = [aws_security_group.shared-prod_endpoints.id]
  subnet_ids = [
    aws_subnet.shared-prod_app_a.id,
    aws_subnet.shared-prod_app_b.id,
    aws_subnet.shared-prod_app_c.id,
  ]

  tags = {
    Name = "shared-prod-logs"
  }
}

resource "aws_vpc_endpoint" "shared-prod_execute-api" {
  vpc_id              = aws_vpc.shared-prod.id
  service_name        = "com.amazonaws.us-east-1.execute-api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  security_group_ids  = [aws_security_group.shared-prod_endpoints.id]
  subnet_ids = [
    aws_subnet.shared-prod_app_a.id,
    aws_subnet.shared-prod_app_b.id,
    aws_subnet.shared-prod_app_c.id,
  ]

  tags = {
    Name = "shared-prod-execute-api"
  }
}

# Flow logs: every packet decision, to a KMS-encrypted log group, written by a role that can
# write to that group and nothing else. AWS cannot rename a log group, KMS alias or IAM role: each
# keeps the name it was created with when the VPC is renamed (renamed_from), so the logs stay, and
# the key admits this account's lzgen flow-log groups in this region, whatever their VPC's name.
resource "aws_kms_key" "shared-prod_flow_logs" {
  description             = "Flow logs of VPC shared-prod"
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
    Name = "shared-prod-flow-logs"
  }
}

resource "aws_kms_alias" "shared-prod_flow_logs" {
  name          = "alias/lzgen/flow-logs/shared-prod"
  target_key_id = aws_kms_key.shared-prod_flow_logs.key_id

  lifecycle {
    ignore_changes = [name]
  }
}

resource "aws_cloudwatch_log_group" "shared-prod_flow_logs" {
  name              = "/lzgen/vpc-flow-logs/shared-prod"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.shared-prod_flow_logs.arn

  lifecycle {
    ignore_changes = [name]
  }
}

# Policies as aws_iam_policy_document (computed locally, no API call), so that policy scanners
# read them as IAM policies.
data "aws_iam_policy_document" "shared-prod_flow_logs_trust" {
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

resource "aws_iam_role" "shared-prod_flow_logs" {
  name               = "lzgen-flow-logs-shared-prod"
  description        = "VPC flow logs of shared-prod deliver to their log group"
  assume_role_policy = data.aws_iam_policy_document.shared-prod_flow_logs_trust.json

  lifecycle {
    ignore_changes = [name]
  }
}

data "aws_iam_policy_document" "shared-prod_flow_logs_delivery" {
  statement {
    sid = "DeliverToThisLogGroupOnly"
    actions = [
      "logs:CreateLogStream",
      "logs:DescribeLogStreams",
      "logs:PutLogEvents",
    ]
    resources = [
      aws_cloudwatch_log_group.shared-prod_flow_logs.arn,
      "${aws_cloudwatch_log_group.shared-prod_flow_logs.arn}:*",
    ]
  }
}

resource "aws_iam_role_policy" "shared-prod_flow_logs" {
  name   = "deliver-to-log-group"
  role   = aws_iam_role.shared-prod_flow_logs.id
  policy = data.aws_iam_policy_document.shared-prod_flow_logs_delivery.json
}

resource "aws_flow_log" "shared-prod" {
  vpc_id               = aws_vpc.shared-prod.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.shared-prod_flow_logs.arn
  iam_role_arn         = aws_iam_role.shared-prod_flow_logs.arn

  # a record a minute, with the fields investigations need
  max_aggregation_interval = 60
  log_format               = "$${version} $${account-id} $${interface-id} $${srcaddr} $${dstaddr} $${srcport} $${dstport} $${protocol} $${packets} $${bytes} $${start} $${end} $${action} $${log-status} $${vpc-id} $${subnet-id} $${instance-id} $${tcp-flags} $${type} $${pkt-srcaddr} $${pkt-dstaddr} $${region} $${az-id} $${pkt-src-aws-service} $${pkt-dst-aws-service} $${flow-direction} $${traffic-path}"

  tags = {
    Name = "shared-prod"
  }
}
