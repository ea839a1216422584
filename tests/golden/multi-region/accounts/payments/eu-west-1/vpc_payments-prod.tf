# VPC payments-prod (10.50.0.0/19) in eu-west-1.

resource "aws_vpc" "payments-prod" {
  cidr_block                       = "10.50.0.0/19"
  enable_dns_support               = true
  enable_dns_hostnames             = true
  assign_generated_ipv6_cidr_block = false

  tags = {
    Name = "payments-prod"
  }
}

# The default security group of every VPC is emptied: nothing may use it by accident.
resource "aws_default_security_group" "payments-prod" {
  vpc_id = aws_vpc.payments-prod.id

  tags = {
    Name = "payments-prod-default-deny"
  }
}

resource "aws_internet_gateway" "payments-prod" {
  vpc_id = aws_vpc.payments-prod.id

  tags = {
    Name = "payments-prod"
  }
}

resource "aws_subnet" "payments-prod_public_a" {
  vpc_id                  = aws_vpc.payments-prod.id
  availability_zone       = "eu-west-1a"
  cidr_block              = "10.50.0.0/27"
  map_public_ip_on_launch = false

  tags = {
    Name = "payments-prod-public-a"
    Tier = "public"
  }
}

resource "aws_subnet" "payments-prod_public_b" {
  vpc_id                  = aws_vpc.payments-prod.id
  availability_zone       = "eu-west-1b"
  cidr_block              = "10.50.0.32/27"
  map_public_ip_on_launch = false

  tags = {
    Name = "payments-prod-public-b"
    Tier = "public"
  }
}

resource "aws_subnet" "payments-prod_public_c" {
  vpc_id                  = aws_vpc.payments-prod.id
  availability_zone       = "eu-west-1c"
  cidr_block              = "10.50.0.64/27"
  map_public_ip_on_launch = false

  tags = {
    Name = "payments-prod-public-c"
    Tier = "public"
  }
}

resource "aws_subnet" "payments-prod_app_a" {
  vpc_id                  = aws_vpc.payments-prod.id
  availability_zone       = "eu-west-1a"
  cidr_block              = "10.50.8.0/23"
  map_public_ip_on_launch = false

  tags = {
    Name = "payments-prod-app-a"
    Tier = "app"
  }
}

resource "aws_subnet" "payments-prod_app_b" {
  vpc_id                  = aws_vpc.payments-prod.id
  availability_zone       = "eu-west-1b"
  cidr_block              = "10.50.10.0/23"
  map_public_ip_on_launch = false

  tags = {
    Name = "payments-prod-app-b"
    Tier = "app"
  }
}

resource "aws_subnet" "payments-prod_app_c" {
  vpc_id                  = aws_vpc.payments-prod.id
  availability_zone       = "eu-west-1c"
  cidr_block              = "10.50.12.0/23"
  map_public_ip_on_launch = false

  tags = {
    Name = "payments-prod-app-c"
    Tier = "app"
  }
}

resource "aws_subnet" "payments-prod_db_a" {
  vpc_id                  = aws_vpc.payments-prod.id
  availability_zone       = "eu-west-1a"
  cidr_block              = "10.50.2.0/25"
  map_public_ip_on_launch = false

  tags = {
    Name = "payments-prod-db-a"
    Tier = "db"
  }
}

resource "aws_subnet" "payments-prod_db_b" {
  vpc_id                  = aws_vpc.payments-prod.id
  availability_zone       = "eu-west-1b"
  cidr_block              = "10.50.2.128/25"
  map_public_ip_on_launch = false

  tags = {
    Name = "payments-prod-db-b"
    Tier = "db"
  }
}

resource "aws_subnet" "payments-prod_db_c" {
  vpc_id                  = aws_vpc.payments-prod.id
  availability_zone       = "eu-west-1c"
  cidr_block              = "10.50.3.0/25"
  map_public_ip_on_launch = false

  tags = {
    Name = "payments-prod-db-c"
    Tier = "db"
  }
}

resource "aws_eip" "payments-prod_a" {
  domain = "vpc"

  tags = {
    Name = "payments-prod-a-nat"
  }
}

resource "aws_nat_gateway" "payments-prod_a" {
  allocation_id = aws_eip.payments-prod_a.id
  subnet_id     = aws_subnet.payments-prod_public_a.id

  tags = {
    Name = "payments-prod-a"
  }

  depends_on = [aws_internet_gateway.payments-prod]
}

resource "aws_eip" "payments-prod_b" {
  domain = "vpc"

  tags = {
    Name = "payments-prod-b-nat"
  }
}

resource "aws_nat_gateway" "payments-prod_b" {
  allocation_id = aws_eip.payments-prod_b.id
  subnet_id     = aws_subnet.payments-prod_public_b.id

  tags = {
    Name = "payments-prod-b"
  }

  depends_on = [aws_internet_gateway.payments-prod]
}

resource "aws_eip" "payments-prod_c" {
  domain = "vpc"

  tags = {
    Name = "payments-prod-c-nat"
  }
}

resource "aws_nat_gateway" "payments-prod_c" {
  allocation_id = aws_eip.payments-prod_c.id
  subnet_id     = aws_subnet.payments-prod_public_c.id

  tags = {
    Name = "payments-prod-c"
  }

  depends_on = [aws_internet_gateway.payments-prod]
}

resource "aws_route_table" "payments-prod_public" {
  vpc_id = aws_vpc.payments-prod.id

  tags = {
    Name = "payments-prod-public"
  }
}

resource "aws_route" "payments-prod_public_default" {
  route_table_id         = aws_route_table.payments-prod_public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.payments-prod.id
}

resource "aws_route_table_association" "payments-prod_public_a" {
  subnet_id      = aws_subnet.payments-prod_public_a.id
  route_table_id = aws_route_table.payments-prod_public.id
}

resource "aws_route_table_association" "payments-prod_public_b" {
  subnet_id      = aws_subnet.payments-prod_public_b.id
  route_table_id = aws_route_table.payments-prod_public.id
}

resource "aws_route_table_association" "payments-prod_public_c" {
  subnet_id      = aws_subnet.payments-prod_public_c.id
  route_table_id = aws_route_table.payments-prod_public.id
}

resource "aws_route_table" "payments-prod_private_a" {
  vpc_id = aws_vpc.payments-prod.id

  tags = {
    Name = "payments-prod-private-a"
  }
}

resource "aws_route" "payments-prod_private_a_default" {
  route_table_id         = aws_route_table.payments-prod_private_a.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.payments-prod_a.id
}

resource "aws_route_table_association" "payments-prod_app_a" {
  subnet_id      = aws_subnet.payments-prod_app_a.id
  route_table_id = aws_route_table.payments-prod_private_a.id
}

resource "aws_route_table" "payments-prod_private_b" {
  vpc_id = aws_vpc.payments-prod.id

  tags = {
    Name = "payments-prod-private-b"
  }
}

resource "aws_route" "payments-prod_private_b_default" {
  route_table_id         = aws_route_table.payments-prod_private_b.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.payments-prod_b.id
}

resource "aws_route_table_association" "payments-prod_app_b" {
  subnet_id      = aws_subnet.payments-prod_app_b.id
  route_table_id = aws_route_table.payments-prod_private_b.id
}

resource "aws_route_table" "payments-prod_private_c" {
  vpc_id = aws_vpc.payments-prod.id

  tags = {
    Name = "payments-prod-private-c"
  }
}

resource "aws_route" "payments-prod_private_c_default" {
  route_table_id         = aws_route_table.payments-prod_private_c.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.payments-prod_c.id
}

resource "aws_route_table_association" "payments-prod_app_c" {
  subnet_id      = aws_subnet.payments-prod_app_c.id
  route_table_id = aws_route_table.payments-prod_private_c.id
}

resource "aws_route_table" "payments-prod_isolated" {
  vpc_id = aws_vpc.payments-prod.id

  tags = {
    Name = "payments-prod-isolated"
  }
}

resource "aws_route_table_association" "payments-prod_db_a" {
  subnet_id      = aws_subnet.payments-prod_db_a.id
  route_table_id = aws_route_table.payments-prod_isolated.id
}

resource "aws_route_table_association" "payments-prod_db_b" {
  subnet_id      = aws_subnet.payments-prod_db_b.id
  route_table_id = aws_route_table.payments-prod_isolated.id
}

resource "aws_route_table_association" "payments-prod_db_c" {
  subnet_id      = aws_subnet.payments-prod_db_c.id
  route_table_id = aws_route_table.payments-prod_isolated.id
}

resource "aws_vpc_endpoint" "payments-prod_s3" {
  vpc_id            = aws_vpc.payments-prod.id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids = [
    aws_route_table.payments-prod_public.id,
    aws_route_table.payments-prod_private_a.id,
    aws_route_table.payments-prod_private_b.id,
    aws_route_table.payments-prod_private_c.id,
    aws_route_table.payments-prod_isolated.id,
  ]

  tags = {
    Name = "payments-prod-s3"
  }
}

# Interface endpoints (IPv4) accept HTTPS from inside the VPC only; no egress rule at all.
resource "aws_security_group" "payments-prod_endpoints" {
  name        = "payments-prod-endpoints"
  description = "Interface endpoints of payments-prod: HTTPS from the VPC only"
  vpc_id      = aws_vpc.payments-prod.id

  ingress {
    description = "HTTPS from the VPC IPv4 range"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = [aws_vpc.payments-prod.cidr_block]
  }

  tags = {
    Name = "payments-prod-endpoints"
  }

  lifecycle {
    ignore_changes = [name, description] # set at creation: a renamed VPC keeps its group
  }
}

resource "aws_vpc_endpoint" "payments-prod_secretsmanager" {
  vpc_id              = aws_vpc.payments-prod.id
  service_name        = "com.amazonaws.eu-west-1.secretsmanager"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  security_group_ids  = [aws_security_group.payments-prod_endpoints.id]
  subnet_ids = [
    aws_subnet.payments-prod_app_a.id,
    aws_subnet.payments-prod_app_b.id,
    aws_subnet.payments-prod_app_c.id,
  ]

  tags = {
    Name = "payments-prod-secretsmanager"
  }
}

resource "aws_vpc_endpoint" "payments-prod_ecr-api" {
  vpc_id              = aws_vpc.payments-prod.id
  service_name        = "com.amazonaws.eu-west-1.ecr.api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  security_group_ids  = [aws_security_group.payments-prod_endpoints.id]
  subnet_ids = [
    aws_subnet.payments-prod_app_a.id,
    aws_subnet.payments-prod_app_b.id,
    aws_subnet.payments-prod_app_c.id,
  ]

  tags = {
    Name = "payments-prod-ecr.api"
  }
}

resource "aws_vpc_endpoint" "payments-prod_ecr-dkr" {
  vpc_id              = aws_vpc.payments-prod.id
  service_name        = "com.amazonaws.eu-west-1.ecr.dkr"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  security_group_ids  = [aws_security_group.payments-prod_endpoints.id]
  subnet_ids = [
    aws_subnet.payments-prod_app_a.id,
    aws_subnet.payments-prod_app_b.id,
    aws_subnet.payments-prod_app_c.id,
  ]

  tags = {
    Name = "payments-prod-ecr.dkr"
  }
}

resource "aws_vpc_endpoint" "payments-prod_logs" {
  vpc_id              = aws_vpc.payments-prod.id
  service_name        = "com.amazonaws.eu-west-1.logs"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  security_group_ids  = [aws_security_group.payments-prod_endpoints.id]
  subnet_ids = [
    aws_subnet.payments-prod_app_a.id,
    aws_subnet.payments-prod_app_b.id,
    aws_subnet.payments-prod_app_c.id,
  ]

  tags = {
    Name = "payments-prod-logs"
  }
}

# Flow logs: every packet decision, to a KMS-encrypted log group, written by a role that can
# write to that group and nothing else. AWS cannot rename a log group, KMS alias or IAM role: each
# keeps the name it was created with when the VPC is renamed (renamed_from), so the logs stay, and
# the key admits this account's lzgen flow-log groups in this region, whatever their VPC's name.
resource "aws_kms_key" "payments-prod_flow_logs" {
  description             = "Flow logs of VPC payments-prod"
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
    Name = "payments-prod-flow-logs"
  }
}

resource "aws_kms_alias" "payments-prod_flow_logs" {
  name          = "alias/lzgen/flow-logs/payments-prod"
  target_key_id = aws_kms_key.payments-prod_flow_logs.key_id

  lifecycle {
    ignore_changes = [name]
  }
}

resource "aws_cloudwatch_log_group" "payments-prod_flow_logs" {
  name              = "/lzgen/vpc-flow-logs/payments-prod"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.payments-prod_flow_logs.arn

  lifecycle {
    ignore_changes = [name]
  }
}

# Policies as aws_iam_policy_document (computed locally, no API call), so that policy scanners
# read them as IAM policies.
data "aws_iam_policy_document" "payments-prod_flow_logs_trust" {
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

resource "aws_iam_role" "payments-prod_flow_logs" {
  name               = "lzgen-flow-logs-payments-prod"
  description        = "VPC flow logs of payments-prod deliver to their log group"
  assume_role_policy = data.aws_iam_policy_document.payments-prod_flow_logs_trust.json

  lifecycle {
    ignore_changes = [name]
  }
}

data "aws_iam_policy_document" "payments-prod_flow_logs_delivery" {
  statement {
    sid = "DeliverToThisLogGroupOnly"
    actions = [
      "logs:CreateLogStream",
      "logs:DescribeLogStreams",
      "logs:PutLogEvents",
    ]
    resources = [
      aws_cloudwatch_log_group.payments-prod_flow_logs.arn,
      "${aws_cloudwatch_log_group.payments-prod_flow_logs.arn}:*",
    ]
  }
}

resource "aws_iam_role_policy" "payments-prod_flow_logs" {
  name   = "deliver-to-log-group"
  role   = aws_iam_role.payments-prod_flow_logs.id
  policy = data.aws_iam_policy_document.payments-prod_flow_logs_delivery.json
}

resource "aws_flow_log" "payments-prod" {
  vpc_id               = aws_vpc.payments-prod.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.payments-prod_flow_logs.arn
  iam_role_arn         = aws_iam_role.payments-prod_flow_logs.arn

  # a record a minute, with the fields investigations need
  max_aggregation_interval = 60
  log_format               = "$${version} $${account-id} $${interface-id} $${srcaddr} $${dstaddr} $${srcport} $${dstport} $${protocol} $${packets} $${bytes} $${start} $${end} $${action} $${log-status} $${vpc-id} $${subnet-id} $${instance-id} $${tcp-flags} $${type} $${pkt-srcaddr} $${pkt-dstaddr} $${region} $${az-id} $${pkt-src-aws-service} $${pkt-dst-aws-service} $${flow-direction} $${traffic-path}"

  tags = {
    Name = "payments-prod"
  }
}
