# VPC dev-main (172.16.8.0/22) in us-west-2.

resource "aws_vpc" "dev-main" {
  cidr_block                       = "172.16.8.0/22"
  enable_dns_support               = true
  enable_dns_hostnames             = true
  assign_generated_ipv6_cidr_block = false

  tags = {
    Name = "dev-main"
  }
}

# The default security group of every VPC is emptied: nothing may use it by accident.
resource "aws_default_security_group" "dev-main" {
  vpc_id = aws_vpc.dev-main.id

  tags = {
    Name = "dev-main-default-deny"
  }
}

resource "aws_subnet" "dev-main_data_a" {
  vpc_id                  = aws_vpc.dev-main.id
  availability_zone       = "us-west-2a"
  cidr_block              = "172.16.8.0/26"
  map_public_ip_on_launch = false

  tags = {
    Name = "dev-main-data-a"
    Tier = "data"
  }
}

resource "aws_route_table" "dev-main_isolated" {
  vpc_id = aws_vpc.dev-main.id

  tags = {
    Name = "dev-main-isolated"
  }
}

resource "aws_route_table_association" "dev-main_data_a" {
  subnet_id      = aws_subnet.dev-main_data_a.id
  route_table_id = aws_route_table.dev-main_isolated.id
}
