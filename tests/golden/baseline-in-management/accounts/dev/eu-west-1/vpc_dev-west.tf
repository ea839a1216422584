# VPC dev-west (172.16.8.0/22) in eu-west-1.

resource "aws_vpc" "dev-west" {
  cidr_block                       = "172.16.8.0/22"
  enable_dns_support               = true
  enable_dns_hostnames             = true
  assign_generated_ipv6_cidr_block = false

  tags = {
    Name = "dev-west"
  }
}

# The default security group of every VPC is emptied: nothing may use it by accident.
resource "aws_default_security_group" "dev-west" {
  vpc_id = aws_vpc.dev-west.id

  tags = {
    Name = "dev-west-default-deny"
  }
}

resource "aws_subnet" "dev-west_data_a" {
  vpc_id                  = aws_vpc.dev-west.id
  availability_zone       = "eu-west-1a"
  cidr_block              = "172.16.8.0/26"
  map_public_ip_on_launch = false

  tags = {
    Name = "dev-west-data-a"
    Tier = "data"
  }
}

resource "aws_route_table" "dev-west_isolated" {
  vpc_id = aws_vpc.dev-west.id

  tags = {
    Name = "dev-west-isolated"
  }
}

resource "aws_route_table_association" "dev-west_data_a" {
  subnet_id      = aws_subnet.dev-west_data_a.id
  route_table_id = aws_route_table.dev-west_isolated.id
}

# Flow logs: every packet decision, to the organization's log archive bucket (central).
resource "aws_flow_log" "dev-west" {
  vpc_id               = aws_vpc.dev-west.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::log-archive-123456789012-solo"

  # a record a minute, with the fields investigations need
  max_aggregation_interval = 60
  log_format               = "$${version} $${account-id} $${interface-id} $${srcaddr} $${dstaddr} $${srcport} $${dstport} $${protocol} $${packets} $${bytes} $${start} $${end} $${action} $${log-status} $${vpc-id} $${subnet-id} $${instance-id} $${tcp-flags} $${type} $${pkt-srcaddr} $${pkt-dstaddr} $${region} $${az-id} $${pkt-src-aws-service} $${pkt-dst-aws-service} $${flow-direction} $${traffic-path}"

  tags = {
    Name = "dev-west"
  }
}
