# VPC edge (10.11.0.0/20) in us-east-1.

resource "aws_vpc" "edge" {
  cidr_block                       = "10.11.0.0/20"
  enable_dns_support               = true
  enable_dns_hostnames             = true
  assign_generated_ipv6_cidr_block = false

  tags = {
    Name = "edge"
  }
}

# The default security group of every VPC is emptied: nothing may use it by accident.
resource "aws_default_security_group" "edge" {
  vpc_id = aws_vpc.edge.id

  tags = {
    Name = "edge-default-deny"
  }
}

resource "aws_internet_gateway" "edge" {
  vpc_id = aws_vpc.edge.id

  tags = {
    Name = "edge"
  }
}

resource "aws_subnet" "edge_inspection_a" {
  vpc_id                  = aws_vpc.edge.id
  availability_zone       = "us-east-1a"
  cidr_block              = "10.11.0.0/28"
  map_public_ip_on_launch = false

  tags = {
    Name = "edge-inspection-a"
    Tier = "inspection"
  }
}

resource "aws_subnet" "edge_inspection_b" {
  vpc_id                  = aws_vpc.edge.id
  availability_zone       = "us-east-1b"
  cidr_block              = "10.11.0.16/28"
  map_public_ip_on_launch = false

  tags = {
    Name = "edge-inspection-b"
    Tier = "inspection"
  }
}

resource "aws_subnet" "edge_web_a" {
  vpc_id                  = aws_vpc.edge.id
  availability_zone       = "us-east-1a"
  cidr_block              = "10.11.4.0/24"
  map_public_ip_on_launch = false

  tags = {
    Name = "edge-web-a"
    Tier = "web"
  }
}

resource "aws_subnet" "edge_web_b" {
  vpc_id                  = aws_vpc.edge.id
  availability_zone       = "us-east-1b"
  cidr_block              = "10.11.5.0/24"
  map_public_ip_on_launch = false

  tags = {
    Name = "edge-web-b"
    Tier = "web"
  }
}

resource "aws_route_table" "edge_public" {
  vpc_id = aws_vpc.edge.id

  tags = {
    Name = "edge-public"
  }
}

resource "aws_route" "edge_public_default" {
  route_table_id         = aws_route_table.edge_public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.edge.id
}

resource "aws_route_table_association" "edge_inspection_a" {
  subnet_id      = aws_subnet.edge_inspection_a.id
  route_table_id = aws_route_table.edge_public.id
}

resource "aws_route_table_association" "edge_inspection_b" {
  subnet_id      = aws_subnet.edge_inspection_b.id
  route_table_id = aws_route_table.edge_public.id
}

resource "aws_route_table" "edge_web_a" {
  vpc_id = aws_vpc.edge.id

  tags = {
    Name = "edge-web-a"
  }
}

# Protected by ingress routing: IPv4 leaves through the appliance of this AZ.
resource "aws_route" "edge_web_a_default" {
  route_table_id         = aws_route_table.edge_web_a.id
  destination_cidr_block = "0.0.0.0/0"
  network_interface_id   = aws_network_interface.edge_appliance_a.id
}

resource "aws_route_table_association" "edge_web_a" {
  subnet_id      = aws_subnet.edge_web_a.id
  route_table_id = aws_route_table.edge_web_a.id
}

resource "aws_route_table" "edge_web_b" {
  vpc_id = aws_vpc.edge.id

  tags = {
    Name = "edge-web-b"
  }
}

# Protected by ingress routing: IPv4 leaves through the appliance of this AZ.
resource "aws_route" "edge_web_b_default" {
  route_table_id         = aws_route_table.edge_web_b.id
  destination_cidr_block = "0.0.0.0/0"
  network_interface_id   = aws_network_interface.edge_appliance_b.id
}

resource "aws_route_table_association" "edge_web_b" {
  subnet_id      = aws_subnet.edge_web_b.id
  route_table_id = aws_route_table.edge_web_b.id
}

# Ingress routing: the internet gateway hands traffic for each protected subnet to the
# appliance ENI in that subnet's AZ. Appliance instances attach to these ENIs (outputs.tf).
resource "aws_security_group" "edge_appliance" {
  name        = "edge-appliance"
  description = "Appliance of edge: allowed ports from anywhere, forwards into the VPC only"
  vpc_id      = aws_vpc.edge.id

  ingress {
    description = "TCP 443 from the internet, to inspect"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    description = "Inspected traffic to the VPC IPv4 range only"
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = [aws_vpc.edge.cidr_block]
  }

  tags = {
    Name = "edge-appliance"
  }
}

resource "aws_network_interface" "edge_appliance_a" {
  description       = "Appliance of edge in us-east-1a"
  subnet_id         = aws_subnet.edge_inspection_a.id
  source_dest_check = false
  security_groups   = [aws_security_group.edge_appliance.id]

  tags = {
    Name = "edge-appliance-a"
  }
}

resource "aws_network_interface" "edge_appliance_b" {
  description       = "Appliance of edge in us-east-1b"
  subnet_id         = aws_subnet.edge_inspection_b.id
  source_dest_check = false
  security_groups   = [aws_security_group.edge_appliance.id]

  tags = {
    Name = "edge-appliance-b"
  }
}

resource "aws_route_table" "edge_ingress" {
  vpc_id = aws_vpc.edge.id

  tags = {
    Name = "edge-ingress"
  }
}

resource "aws_route_table_association" "edge_ingress" {
  gateway_id     = aws_internet_gateway.edge.id
  route_table_id = aws_route_table.edge_ingress.id
}

resource "aws_route" "edge_ingress_web_a" {
  route_table_id         = aws_route_table.edge_ingress.id
  destination_cidr_block = aws_subnet.edge_web_a.cidr_block
  network_interface_id   = aws_network_interface.edge_appliance_a.id
}

resource "aws_route" "edge_ingress_web_b" {
  route_table_id         = aws_route_table.edge_ingress.id
  destination_cidr_block = aws_subnet.edge_web_b.cidr_block
  network_interface_id   = aws_network_interface.edge_appliance_b.id
}

# Flow logs: every packet decision, to a KMS-encrypted log group, written by a role that can
# write to that group and nothing else. AWS cannot rename a log group, KMS alias or IAM role: each
# keeps the name it was created with when the VPC is renamed (renamed_from), so the logs stay, and
# the key admits this account's lzgen flow-log groups in this region, whatever their VPC's name.
resource "aws_kms_key" "edge_flow_logs" {
  description             = "Flow logs of VPC edge"
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
    Name = "edge-flow-logs"
  }
}

resource "aws_kms_alias" "edge_flow_logs" {
  name          = "alias/lzgen/flow-logs/edge"
  target_key_id = aws_kms_key.edge_flow_logs.key_id

  lifecycle {
    ignore_changes = [name]
  }
}

resource "aws_cloudwatch_log_group" "edge_flow_logs" {
  name              = "/lzgen/vpc-flow-logs/edge"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.edge_flow_logs.arn

  lifecycle {
    ignore_changes = [name]
  }
}

# Policies as aws_iam_policy_document (computed locally, no API call), so that policy scanners
# read them as IAM policies.
data "aws_iam_policy_document" "edge_flow_logs_trust" {
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

resource "aws_iam_role" "edge_flow_logs" {
  name               = "lzgen-flow-logs-edge"
  description        = "VPC flow logs of edge deliver to their log group"
  assume_role_policy = data.aws_iam_policy_document.edge_flow_logs_trust.json

  lifecycle {
    ignore_changes = [name]
  }
}

data "aws_iam_policy_document" "edge_flow_logs_delivery" {
  statement {
    sid = "DeliverToThisLogGroupOnly"
    actions = [
      "logs:CreateLogStream",
      "logs:DescribeLogStreams",
      "logs:PutLogEvents",
    ]
    resources = [
      aws_cloudwatch_log_group.edge_flow_logs.arn,
      "${aws_cloudwatch_log_group.edge_flow_logs.arn}:*",
    ]
  }
}

resource "aws_iam_role_policy" "edge_flow_logs" {
  name   = "deliver-to-log-group"
  role   = aws_iam_role.edge_flow_logs.id
  policy = data.aws_iam_policy_document.edge_flow_logs_delivery.json
}

resource "aws_flow_log" "edge" {
  vpc_id               = aws_vpc.edge.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.edge_flow_logs.arn
  iam_role_arn         = aws_iam_role.edge_flow_logs.arn

  # a record a minute, with the fields investigations need
  max_aggregation_interval = 60
  log_format               = "$${version} $${account-id} $${interface-id} $${srcaddr} $${dstaddr} $${srcport} $${dstport} $${protocol} $${packets} $${bytes} $${start} $${end} $${action} $${log-status} $${vpc-id} $${subnet-id} $${instance-id} $${tcp-flags} $${type} $${pkt-srcaddr} $${pkt-dstaddr} $${region} $${az-id} $${pkt-src-aws-service} $${pkt-dst-aws-service} $${flow-direction} $${traffic-path}"

  tags = {
    Name = "edge"
  }
}
