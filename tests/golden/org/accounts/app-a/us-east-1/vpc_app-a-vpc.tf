# VPC app-a-vpc (10.20.0.0/20) in us-east-1.

resource "aws_vpc" "app-a-vpc" {
  cidr_block                       = "10.20.0.0/20"
  enable_dns_support               = true
  enable_dns_hostnames             = true
  assign_generated_ipv6_cidr_block = false

  tags = {
    Name = "app-a-vpc"
  }
}

# The default security group of every VPC is emptied: nothing may use it by accident.
resource "aws_default_security_group" "app-a-vpc" {
  vpc_id = aws_vpc.app-a-vpc.id

  tags = {
    Name = "app-a-vpc-default-deny"
  }
}

resource "aws_internet_gateway" "app-a-vpc" {
  vpc_id = aws_vpc.app-a-vpc.id

  tags = {
    Name = "app-a-vpc"
  }
}

resource "aws_subnet" "app-a-vpc_public_a" {
  vpc_id                  = aws_vpc.app-a-vpc.id
  availability_zone       = "us-east-1a"
  cidr_block              = "10.20.0.0/26"
  map_public_ip_on_launch = false

  tags = {
    Name = "app-a-vpc-public-a"
    Tier = "public"
  }
}

resource "aws_subnet" "app-a-vpc_public_b" {
  vpc_id                  = aws_vpc.app-a-vpc.id
  availability_zone       = "us-east-1b"
  cidr_block              = "10.20.0.64/26"
  map_public_ip_on_launch = false

  tags = {
    Name = "app-a-vpc-public-b"
    Tier = "public"
  }
}

resource "aws_subnet" "app-a-vpc_app_a" {
  vpc_id                  = aws_vpc.app-a-vpc.id
  availability_zone       = "us-east-1a"
  cidr_block              = "10.20.4.0/24"
  map_public_ip_on_launch = false

  tags = {
    Name = "app-a-vpc-app-a"
    Tier = "app"
  }
}

resource "aws_subnet" "app-a-vpc_app_b" {
  vpc_id                  = aws_vpc.app-a-vpc.id
  availability_zone       = "us-east-1b"
  cidr_block              = "10.20.5.0/24"
  map_public_ip_on_launch = false

  tags = {
    Name = "app-a-vpc-app-b"
    Tier = "app"
  }
}

resource "aws_eip" "app-a-vpc_a" {
  domain = "vpc"

  tags = {
    Name = "app-a-vpc-a-nat"
  }
}

resource "aws_nat_gateway" "app-a-vpc_a" {
  allocation_id = aws_eip.app-a-vpc_a.id
  subnet_id     = aws_subnet.app-a-vpc_public_a.id

  tags = {
    Name = "app-a-vpc-a"
  }

  depends_on = [aws_internet_gateway.app-a-vpc]
}

resource "aws_eip" "app-a-vpc_b" {
  domain = "vpc"

  tags = {
    Name = "app-a-vpc-b-nat"
  }
}

resource "aws_nat_gateway" "app-a-vpc_b" {
  allocation_id = aws_eip.app-a-vpc_b.id
  subnet_id     = aws_subnet.app-a-vpc_public_b.id

  tags = {
    Name = "app-a-vpc-b"
  }

  depends_on = [aws_internet_gateway.app-a-vpc]
}

resource "aws_route_table" "app-a-vpc_public" {
  vpc_id = aws_vpc.app-a-vpc.id

  tags = {
    Name = "app-a-vpc-public"
  }
}

resource "aws_route" "app-a-vpc_public_default" {
  route_table_id         = aws_route_table.app-a-vpc_public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.app-a-vpc.id
}

resource "aws_route_table_association" "app-a-vpc_public_a" {
  subnet_id      = aws_subnet.app-a-vpc_public_a.id
  route_table_id = aws_route_table.app-a-vpc_public.id
}

resource "aws_route_table_association" "app-a-vpc_public_b" {
  subnet_id      = aws_subnet.app-a-vpc_public_b.id
  route_table_id = aws_route_table.app-a-vpc_public.id
}

resource "aws_route_table" "app-a-vpc_private_a" {
  vpc_id = aws_vpc.app-a-vpc.id

  tags = {
    Name = "app-a-vpc-private-a"
  }
}

resource "aws_route" "app-a-vpc_private_a_default" {
  route_table_id         = aws_route_table.app-a-vpc_private_a.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.app-a-vpc_a.id
}

resource "aws_route_table_association" "app-a-vpc_app_a" {
  subnet_id      = aws_subnet.app-a-vpc_app_a.id
  route_table_id = aws_route_table.app-a-vpc_private_a.id
}

resource "aws_route_table" "app-a-vpc_private_b" {
  vpc_id = aws_vpc.app-a-vpc.id

  tags = {
    Name = "app-a-vpc-private-b"
  }
}

resource "aws_route" "app-a-vpc_private_b_default" {
  route_table_id         = aws_route_table.app-a-vpc_private_b.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.app-a-vpc_b.id
}

resource "aws_route_table_association" "app-a-vpc_app_b" {
  subnet_id      = aws_subnet.app-a-vpc_app_b.id
  route_table_id = aws_route_table.app-a-vpc_private_b.id
}

resource "aws_vpc_endpoint" "app-a-vpc_s3" {
  vpc_id            = aws_vpc.app-a-vpc.id
  service_name      = "com.amazonaws.us-east-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids = [
    aws_route_table.app-a-vpc_public.id,
    aws_route_table.app-a-vpc_private_a.id,
    aws_route_table.app-a-vpc_private_b.id,
  ]

  tags = {
    Name = "app-a-vpc-s3"
  }
}

# Flow logs: every packet decision, to the organization's log archive bucket (central).
resource "aws_flow_log" "app-a-vpc" {
  vpc_id               = aws_vpc.app-a-vpc.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::log-archive-111111111111-example-corp"

  # a record a minute, with the fields investigations need
  max_aggregation_interval = 60
  log_format               = "$${version} $${account-id} $${interface-id} $${srcaddr} $${dstaddr} $${srcport} $${dstport} $${protocol} $${packets} $${bytes} $${start} $${end} $${action} $${log-status} $${vpc-id} $${subnet-id} $${instance-id} $${tcp-flags} $${type} $${pkt-srcaddr} $${pkt-dstaddr} $${region} $${az-id} $${pkt-src-aws-service} $${pkt-dst-aws-service} $${flow-direction} $${traffic-path}"

  tags = {
    Name = "app-a-vpc"
  }
}
