# Account workloads uses Managed AD corp (corp.example.com) of account identity.
# Instances join the domain with the instance profile below: the SSM document
# AWS-JoinDirectoryServiceDomain, or the seamless domain join option at launch.

resource "aws_directory_service_shared_directory_accepter" "corp" {
  shared_directory_id = data.terraform_remote_state.corp_directory.outputs.corp_shared_directory_ids["workloads"]
}

data "aws_iam_policy_document" "corp_join_trust" {
  statement {
    sid     = "Ec2Instances"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "corp_join" {
  name               = "lzgen-directory-corp-join"
  description        = "Instances that join corp.example.com through Systems Manager"
  assume_role_policy = data.aws_iam_policy_document.corp_join_trust.json
}

resource "aws_iam_role_policy_attachment" "corp_amazonssmmanagedinstancecore" {
  role       = aws_iam_role.corp_join.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_role_policy_attachment" "corp_amazonssmdirectoryserviceaccess" {
  role       = aws_iam_role.corp_join.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMDirectoryServiceAccess"
}

resource "aws_iam_instance_profile" "corp_join" {
  name = "lzgen-directory-corp-join"
  role = aws_iam_role.corp_join.name
}

# VPC vpc-1 resolves corp.example.com through the shared Resolver rule.
resource "aws_route53_resolver_rule_association" "corp_vpc-1" {
  name             = "lzgen-directory-corp-vpc-1"
  resolver_rule_id = data.terraform_remote_state.corp_directory.outputs.corp_resolver_rule_id
  vpc_id           = data.terraform_remote_state.workloads_us-east-1.outputs.vpc-1_vpc_id
}

# VPC vpc-2 resolves corp.example.com through the shared Resolver rule.
resource "aws_route53_resolver_rule_association" "corp_vpc-2" {
  name             = "lzgen-directory-corp-vpc-2"
  resolver_rule_id = data.terraform_remote_state.corp_directory.outputs.corp_resolver_rule_id
  vpc_id           = data.terraform_remote_state.workloads_us-east-1.outputs.vpc-2_vpc_id
}
