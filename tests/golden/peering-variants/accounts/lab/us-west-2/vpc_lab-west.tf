# VPC lab-west (10.54.0.0/22) in us-west-2.

resource "aws_vpc" "lab-west" {
  cidr_block                       = "10.54.0.0/22"
  enable_dns_support               = true
  enable_dns_hostnames             = true
  assign_generated_ipv6_cidr_block = true

  tags = {
    Name = "lab-west"
  }
}

# The default security group of every VPC is emptied: nothing may use it by accident.
resource "aws_default_security_group" "lab-west" {
  vpc_id = aws_vpc.lab-west.id

  tags = {
    Name = "lab-west-default-deny"
  }
}

resource "aws_internet_gateway" "lab-west" {
  vpc_id = aws_vpc.lab-west.id

  tags = {
    Name = "lab-west"
  }
}

resource "aws_egress_only_internet_gateway" "lab-west" {
  vpc_id = aws_vpc.lab-west.id

  tags = {
    Name = "lab-west"
  }
}

resource "aws_subnet" "lab-west_inspection_a" {
  vpc_id                  = aws_vpc.lab-west.id
  availability_zone       = "us-west-2a"
  cidr_block              = "10.54.0.0/28"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.lab-west.ipv6_cidr_block, 8, 0)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "lab-west-inspection-a"
    Tier = "inspection"
  }
}

resource "aws_subnet" "lab-west_inspection_b" {
  vpc_id                  = aws_vpc.lab-west.id
  availability_zone       = "us-west-2b"
  cidr_block              = "10.54.0.16/28"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.lab-west.ipv6_cidr_block, 8, 1)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "lab-west-inspection-b"
    Tier = "inspection"
  }
}

resource "aws_subnet" "lab-west_web_a" {
  vpc_id                  = aws_vpc.lab-west.id
  availability_zone       = "us-west-2a"
  cidr_block              = "10.54.1.0/26"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.lab-west.ipv6_cidr_block, 8, 4)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "lab-west-web-a"
    Tier = "web"
  }
}

resource "aws_subnet" "lab-west_web_b" {
  vpc_id                  = aws_vpc.lab-west.id
  availability_zone       = "us-west-2b"
  cidr_block              = "10.54.1.64/26"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.lab-west.ipv6_cidr_block, 8, 5)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "lab-west-web-b"
    Tier = "web"
  }
}

resource "aws_subnet" "lab-west_app_a" {
  vpc_id                  = aws_vpc.lab-west.id
  availability_zone       = "us-west-2a"
  cidr_block              = "10.54.2.0/25"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.lab-west.ipv6_cidr_block, 8, 8)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "lab-west-app-a"
    Tier = "app"
  }
}

resource "aws_subnet" "lab-west_app_b" {
  vpc_id                  = aws_vpc.lab-west.id
  availability_zone       = "us-west-2b"
  cidr_block              = "10.54.2.128/25"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.lab-west.ipv6_cidr_block, 8, 9)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "lab-west-app-b"
    Tier = "app"
  }
}

resource "aws_route_table" "lab-west_public" {
  vpc_id = aws_vpc.lab-west.id

  tags = {
    Name = "lab-west-public"
  }
}

resource "aws_route" "lab-west_public_default" {
  route_table_id         = aws_route_table.lab-west_public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.lab-west.id
}

resource "aws_route" "lab-west_public_default_ipv6" {
  route_table_id              = aws_route_table.lab-west_public.id
  destination_ipv6_cidr_block = "::/0"
  gateway_id                  = aws_internet_gateway.lab-west.id
}

resource "aws_route_table_association" "lab-west_inspection_a" {
  subnet_id      = aws_subnet.lab-west_inspection_a.id
  route_table_id = aws_route_table.lab-west_public.id
}

resource "aws_route_table_association" "lab-west_inspection_b" {
  subnet_id      = aws_subnet.lab-west_inspection_b.id
  route_table_id = aws_route_table.lab-west_public.id
}

resource "aws_route_table" "lab-west_private_a" {
  vpc_id = aws_vpc.lab-west.id

  tags = {
    Name = "lab-west-private-a"
  }
}

resource "aws_route" "lab-west_private_a_default_ipv6" {
  route_table_id              = aws_route_table.lab-west_private_a.id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = aws_egress_only_internet_gateway.lab-west.id
}

resource "aws_route_table_association" "lab-west_app_a" {
  subnet_id      = aws_subnet.lab-west_app_a.id
  route_table_id = aws_route_table.lab-west_private_a.id
}

resource "aws_route_table" "lab-west_private_b" {
  vpc_id = aws_vpc.lab-west.id

  tags = {
    Name = "lab-west-private-b"
  }
}

resource "aws_route" "lab-west_private_b_default_ipv6" {
  route_table_id              = aws_route_table.lab-west_private_b.id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = aws_egress_only_internet_gateway.lab-west.id
}

resource "aws_route_table_association" "lab-west_app_b" {
  subnet_id      = aws_subnet.lab-west_app_b.id
  route_table_id = aws_route_table.lab-west_private_b.id
}

resource "aws_route_table" "lab-west_web_a" {
  vpc_id = aws_vpc.lab-west.id

  tags = {
    Name = "lab-west-web-a"
  }
}

# Protected by ingress routing: IPv4 leaves through the appliance of this AZ.
resource "aws_route" "lab-west_web_a_default" {
  route_table_id         = aws_route_table.lab-west_web_a.id
  destination_cidr_block = "0.0.0.0/0"
  network_interface_id   = aws_network_interface.lab-west_appliance_a.id
}

resource "aws_route" "lab-west_web_a_default_ipv6" {
  route_table_id              = aws_route_table.lab-west_web_a.id
  destination_ipv6_cidr_block = "::/0"
  gateway_id                  = aws_internet_gateway.lab-west.id
}

resource "aws_route_table_association" "lab-west_web_a" {
  subnet_id      = aws_subnet.lab-west_web_a.id
  route_table_id = aws_route_table.lab-west_web_a.id
}

resource "aws_route_table" "lab-west_web_b" {
  vpc_id = aws_vpc.lab-west.id

  tags = {
    Name = "lab-west-web-b"
  }
}

# Protected by ingress routing: IPv4 leaves through the appliance of this AZ.
resource "aws_route" "lab-west_web_b_default" {
  route_table_id         = aws_route_table.lab-west_web_b.id
  destination_cidr_block = "0.0.0.0/0"
  network_interface_id   = aws_network_interface.lab-west_appliance_b.id
}

resource "aws_route" "lab-west_web_b_default_ipv6" {
  route_table_id              = aws_route_table.lab-west_web_b.id
  destination_ipv6_cidr_block = "::/0"
  gateway_id                  = aws_internet_gateway.lab-west.id
}

resource "aws_route_table_association" "lab-west_web_b" {
  subnet_id      = aws_subnet.lab-west_web_b.id
  route_table_id = aws_route_table.lab-west_web_b.id
}

# Ingress routing: the internet gateway hands traffic for each protected subnet to the
# appliance ENI in that subnet's AZ. Appliance instances attach to these ENIs (outputs.tf).
resource "aws_security_group" "lab-west_appliance" {
  name        = "lab-west-appliance"
  description = "Appliance of lab-west: allowed ports from anywhere, forwards into the VPC only"
  vpc_id      = aws_vpc.lab-west.id

  ingress {
    description = "TCP 443 from the internet, to inspect"
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "TCP 8443 from the internet, to inspect"
    protocol    = "tcp"
    from_port   = 8443
    to_port     = 8443
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    description = "Inspected traffic to the VPC IPv4 range only"
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = [aws_vpc.lab-west.cidr_block]
  }

  tags = {
    Name = "lab-west-appliance"
  }
}

resource "aws_network_interface" "lab-west_appliance_a" {
  description       = "Appliance of lab-west in us-west-2a"
  subnet_id         = aws_subnet.lab-west_inspection_a.id
  source_dest_check = false
  security_groups   = [aws_security_group.lab-west_appliance.id]

  tags = {
    Name = "lab-west-appliance-a"
  }
}

resource "aws_network_interface" "lab-west_appliance_b" {
  description       = "Appliance of lab-west in us-west-2b"
  subnet_id         = aws_subnet.lab-west_inspection_b.id
  source_dest_check = false
  security_groups   = [aws_security_group.lab-west_appliance.id]

  tags = {
    Name = "lab-west-appliance-b"
  }
}

resource "aws_route_table" "lab-west_ingress" {
  vpc_id = aws_vpc.lab-west.id

  tags = {
    Name = "lab-west-ingress"
  }
}

resource "aws_route_table_association" "lab-west_ingress" {
  gateway_id     = aws_internet_gateway.lab-west.id
  route_table_id = aws_route_table.lab-west_ingress.id
}

resource "aws_route" "lab-west_ingress_web_a" {
  route_table_id         = aws_route_table.lab-west_ingress.id
  destination_cidr_block = aws_subnet.lab-west_web_a.cidr_block
  network_interface_id   = aws_network_interface.lab-west_appliance_a.id
}

resource "aws_route" "lab-west_ingress_web_b" {
  route_table_id         = aws_route_table.lab-west_ingress.id
  destination_cidr_block = aws_subnet.lab-west_web_b.cidr_block
  network_interface_id   = aws_network_interface.lab-west_appliance_b.id
}

resource "aws_vpc_endpoint" "lab-west_s3" {
  vpc_id            = aws_vpc.lab-west.id
  service_name      = "com.amazonaws.us-west-2.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids = [
    aws_route_table.lab-west_public.id,
    aws_route_table.lab-west_private_a.id,
    aws_route_table.lab-west_private_b.id,
    aws_route_table.lab-west_web_a.id,
    aws_route_table.lab-west_web_b.id,
  ]

  tags = {
    Name = "lab-west-s3"
  }
}

resource "aws_vpc_endpoint" "lab-west_dynamodb" {
  vpc_id            = aws_vpc.lab-west.id
  service_name      = "com.amazonaws.us-west-2.dynamodb"
  vpc_endpoint_type = "Gateway"
  route_table_ids = [
    aws_route_table.lab-west_public.id,
    aws_route_table.lab-west_private_a.id,
    aws_route_table.lab-west_private_b.id,
    aws_route_table.lab-west_web_a.id,
    aws_route_table.lab-west_web_b.id,
  ]

  tags = {
    Name = "lab-west-dynamodb"
  }
}

# Flow logs: every packet decision, to a KMS-encrypted log group, written by a role that can
# write to that group and nothing else. AWS cannot rename a log group, KMS alias or IAM role: each
# keeps the name it was created with when the VPC is renamed (renamed_from), so the logs stay, and
# the key admits this account's lzgen flow-log groups in this region, whatever their VPC's name.
resource "aws_kms_key" "lab-west_flow_logs" {
  description             = "Flow logs of VPC lab-west"
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
    Name = "lab-west-flow-logs"
  }
}

resource "aws_kms_alias" "lab-west_flow_logs" {
  name          = "alias/lzgen/flow-logs/lab-west"
  target_key_id = aws_kms_key.lab-west_flow_logs.key_id

  lifecycle {
    ignore_changes = [name]
  }
}

resource "aws_cloudwatch_log_group" "lab-west_flow_logs" {
  name              = "/lzgen/vpc-flow-logs/lab-west"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.lab-west_flow_logs.arn

  lifecycle {
    ignore_changes = [name]
  }
}

# Policies as aws_iam_policy_document (computed locally, no API call), so that policy scanners
# read them as IAM policies.
data "aws_iam_policy_document" "lab-west_flow_logs_trust" {
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

resource "aws_iam_role" "lab-west_flow_logs" {
  name               = "lzgen-flow-logs-lab-west"
  description        = "VPC flow logs of lab-west deliver to their log group"
  assume_role_policy = data.aws_iam_policy_document.lab-west_flow_logs_trust.json

  lifecycle {
    ignore_changes = [name]
  }
}

data "aws_iam_policy_document" "lab-west_flow_logs_delivery" {
  statement {
    sid = "DeliverToThisLogGroupOnly"
    actions = [
      "logs:CreateLogStream",
      "logs:DescribeLogStreams",
      "logs:PutLogEvents",
    ]
    resources = [
      aws_cloudwatch_log_group.lab-west_flow_logs.arn,
      "${aws_cloudwatch_log_group.lab-west_flow_logs.arn}:*",
    ]
  }
}

resource "aws_iam_role_policy" "lab-west_flow_logs" {
  name   = "deliver-to-log-group"
  role   = aws_iam_role.lab-west_flow_logs.id
  policy = data.aws_iam_policy_document.lab-west_flow_logs_delivery.json
}

resource "aws_flow_log" "lab-west" {
  vpc_id               = aws_vpc.lab-west.id
  traffic_type         = "ALL"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.lab-west_flow_logs.arn
  iam_role_arn         = aws_iam_role.lab-west_flow_logs.arn

  # a record a minute, with the fields investigations need
  max_aggregation_interval = 60
  log_format               = "$${version} $${account-id} $${interface-id} $${srcaddr} $${dstaddr} $${srcport} $${dstport} $${protocol} $${packets} $${bytes} $${start} $${end} $${action} $${log-status} $${vpc-id} $${subnet-id} $${instance-id} $${tcp-flags} $${type} $${pkt-srcaddr} $${pkt-dstaddr} $${region} $${az-id} $${pkt-src-aws-service} $${pkt-dst-aws-service} $${flow-direction} $${traffic-path}"

  tags = {
    Name = "lab-west"
  }
}
