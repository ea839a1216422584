# VPC shared-prod (10.10.0.0/16) in us-east-1.

resource "aws_vpc" "shared-prod" {
  cidr_block                       = "10.10.0.0/16"
  enable_dns_support               = true
  enable_dns_hostnames             = true
  assign_generated_ipv6_cidr_block = true

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

resource "aws_egress_only_internet_gateway" "shared-prod" {
  vpc_id = aws_vpc.shared-prod.id

  tags = {
    Name = "shared-prod"
  }
}

resource "aws_subnet" "shared-prod_public_a" {
  vpc_id                  = aws_vpc.shared-prod.id
  availability_zone       = "us-east-1a"
  cidr_block              = "10.10.0.0/24"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.shared-prod.ipv6_cidr_block, 8, 0)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "shared-prod-public-a"
    Tier = "public"
  }
}

resource "aws_subnet" "shared-prod_public_b" {
  vpc_id                  = aws_vpc.shared-prod.id
  availability_zone       = "us-east-1b"
  cidr_block              = "10.10.1.0/24"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.shared-prod.ipv6_cidr_block, 8, 1)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "shared-prod-public-b"
    Tier = "public"
  }
}

resource "aws_subnet" "shared-prod_public_c" {
  vpc_id                  = aws_vpc.shared-prod.id
  availability_zone       = "us-east-1c"
  cidr_block              = "10.10.2.0/24"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.shared-prod.ipv6_cidr_block, 8, 2)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "shared-prod-public-c"
    Tier = "public"
  }
}

resource "aws_subnet" "shared-prod_app_a" {
  vpc_id                  = aws_vpc.shared-prod.id
  availability_zone       = "us-east-1a"
  cidr_block              = "10.10.64.0/20"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.shared-prod.ipv6_cidr_block, 8, 4)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "shared-prod-app-a"
    Tier = "app"
  }
}

resource "aws_subnet" "shared-prod_app_b" {
  vpc_id                  = aws_vpc.shared-prod.id
  availability_zone       = "us-east-1b"
  cidr_block              = "10.10.80.0/20"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.shared-prod.ipv6_cidr_block, 8, 5)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "shared-prod-app-b"
    Tier = "app"
  }
}

resource "aws_subnet" "shared-prod_app_c" {
  vpc_id                  = aws_vpc.shared-prod.id
  availability_zone       = "us-east-1c"
  cidr_block              = "10.10.96.0/20"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.shared-prod.ipv6_cidr_block, 8, 6)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "shared-prod-app-c"
    Tier = "app"
  }
}

resource "aws_subnet" "shared-prod_data_a" {
  vpc_id                  = aws_vpc.shared-prod.id
  availability_zone       = "us-east-1a"
  cidr_block              = "10.10.16.0/22"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.shared-prod.ipv6_cidr_block, 8, 8)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "shared-prod-data-a"
    Tier = "data"
  }
}

resource "aws_subnet" "shared-prod_data_b" {
  vpc_id                  = aws_vpc.shared-prod.id
  availability_zone       = "us-east-1b"
  cidr_block              = "10.10.20.0/22"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.shared-prod.ipv6_cidr_block, 8, 9)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "shared-prod-data-b"
    Tier = "data"
  }
}

resource "aws_subnet" "shared-prod_data_c" {
  vpc_id                  = aws_vpc.shared-prod.id
  availability_zone       = "us-east-1c"
  cidr_block              = "10.10.24.0/22"
  map_public_ip_on_launch = false

  ipv6_cidr_block                 = cidrsubnet(aws_vpc.shared-prod.ipv6_cidr_block, 8, 10)
  assign_ipv6_address_on_creation = false

  tags = {
    Name = "shared-prod-data-c"
    Tier = "data"
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

resource "aws_route" "shared-prod_public_default_ipv6" {
  route_table_id              = aws_route_table.shared-prod_public.id
  destination_ipv6_cidr_block = "::/0"
  gateway_id                  = aws_internet_gateway.shared-prod.id
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

resource "aws_route" "shared-prod_private_a_default_ipv6" {
  route_table_id              = aws_route_table.shared-prod_private_a.id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = aws_egress_only_internet_gateway.shared-prod.id
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

resource "aws_route" "shared-prod_private_b_default_ipv6" {
  route_table_id              = aws_route_table.shared-prod_private_b.id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = aws_egress_only_internet_gateway.shared-prod.id
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

resource "aws_route" "shared-prod_private_c_default_ipv6" {
  route_table_id              = aws_route_table.shared-prod_private_c.id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = aws_egress_only_internet_gateway.shared-prod.id
}

resource "aws_route_table_association" "shared-prod_app_c" {
  subnet_id      = aws_subnet.shared-prod_app_c.id
  route_table_id = aws_route_table.shared-prod_private_c.id
}

resource "aws_route_table" "shared-prod_isolated" {
  vpc_id = aws_vpc.shared-prod.id

  tags = {
    Name = "shared-prod-isolated"
  }
}

resource "aws_route_table_association" "shared-prod_data_a" {
  subnet_id      = aws_subnet.shared-prod_data_a.id
  route_table_id = aws_route_table.shared-prod_isolated.id
}

resource "aws_route_table_association" "shared-prod_data_b" {
  subnet_id      = aws_subnet.shared-prod_data_b.id
  route_table_id = aws_route_table.shared-prod_isolated.id
}

resource "aws_route_table_association" "shared-prod_data_c" {
  subnet_id      = aws_subnet.shared-prod_data_c.id
  route_table_id = aws_route_table.shared-prod_isolated.id
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
    aws_route_table.shared-prod_isolated.id,
  ]

  tags = {
    Name = "shared-prod-s3"
  }
}

resource "aws_vpc_endpoint" "shared-prod_dynamodb" {
  vpc_id            = aws_vpc.shared-prod.id
  service_name      = "com.amazonaws.us-east-1.dynamodb"
  vpc_endpoint_type = "Gateway"
  route_table_ids = [
    aws_route_table.shared-prod_public.id,
    aws_route_table.shared-prod_private_a.id,
    aws_route_table.shared-prod_private_b.id,
    aws_route_table.shared-prod_private_c.id,
    aws_route_table.shared-prod_isolated.id,
  ]

  tags = {
    Name = "shared-prod-dynamodb"
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

resource "aws_vpc_endpoint" "shared-prod_ssm" {
  vpc_id              = aws_vpc.shared-prod.id
  service_name        = "com.amazonaws.us-east-1.ssm"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  security_group_ids  = [aws_security_group.shared-prod_endpoints.id]
  subnet_ids = [
    aws_subnet.shared-prod_app_a.id,
    aws_subnet.shared-prod_app_b.id,
    aws_subnet.shared-prod_app_c.id,
  ]

  tags = {
    Name = "shared-prod-ssm"
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

# Flow logs: every packet decision, to the organization's log archive bucket (central).
resource "aws_flow_log" "shared-prod" {
  vpc_id               = aws_vpc.shared-prod.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::log-archive-111111111111-example-corp"

  # a record a minute, with the fields investigations need
  max_aggregation_interval = 60
  log_format               = "$${version} $${account-id} $${interface-id} $${srcaddr} $${dstaddr} $${srcport} $${dstport} $${protocol} $${packets} $${bytes} $${start} $${end} $${action} $${log-status} $${vpc-id} $${subnet-id} $${instance-id} $${tcp-flags} $${type} $${pkt-srcaddr} $${pkt-dstaddr} $${region} $${az-id} $${pkt-src-aws-service} $${pkt-dst-aws-service} $${flow-direction} $${traffic-path}"

  tags = {
    Name = "shared-prod"
  }
}
