# VPC lab (172.16.0.0/24) in eu-central-1.

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

resource "aws_subnet" "lab_work_a" {
  vpc_id                  = aws_vpc.lab.id
  availability_zone       = "eu-central-1a"
  cidr_block              = "172.16.0.0/26"
  map_public_ip_on_launch = false

  tags = {
    Name = "lab-work-a"
    Tier = "work"
  }
}

resource "aws_subnet" "lab_work_b" {
  vpc_id                  = aws_vpc.lab.id
  availability_zone       = "eu-central-1b"
  cidr_block              = "172.16.0.64/26"
  map_public_ip_on_launch = false

  tags = {
    Name = "lab-work-b"
    Tier = "work"
  }
}

resource "aws_route_table" "lab_isolated" {
  vpc_id = aws_vpc.lab.id

  tags = {
    Name = "lab-isolated"
  }
}

resource "aws_route_table_association" "lab_work_a" {
  subnet_id      = aws_subnet.lab_work_a.id
  route_table_id = aws_route_table.lab_isolated.id
}

resource "aws_route_table_association" "lab_work_b" {
  subnet_id      = aws_subnet.lab_work_b.id
  route_table_id = aws_route_table.lab_isolated.id
}

# Flow logs: every packet decision, to the organization's log archive bucket (central).
resource "aws_flow_log" "lab" {
  vpc_id               = aws_vpc.lab.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::log-archive-123456789012-solo"

  # a record a minute, with the fields investigations need
  max_aggregation_interval = 60
  log_format               = "$${version} $${account-id} $${interface-id} $${srcaddr} $${dstaddr} $${srcport} $${dstport} $${protocol} $${packets} $${bytes} $${start} $${end} $${action} $${log-status} $${vpc-id} $${subnet-id} $${instance-id} $${tcp-flags} $${type} $${pkt-srcaddr} $${pkt-dstaddr} $${region} $${az-id} $${pkt-src-aws-service} $${pkt-dst-aws-service} $${flow-direction} $${traffic-path}"

  tags = {
    Name = "lab"
  }

  depends_on = [aws_s3_bucket_policy.log_archive]
}
