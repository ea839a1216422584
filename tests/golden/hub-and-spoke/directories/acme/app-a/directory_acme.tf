# Account app-a uses Managed AD acme (ad.acme.example) of account identity.
# Instances join the domain with the instance profile below: the SSM document
# AWS-JoinDirectoryServiceDomain, or the seamless domain join option at launch.

resource "aws_directory_service_shared_directory_accepter" "acme" {
  shared_directory_id = data.terraform_remote_state.acme_directory.outputs.acme_shared_directory_ids["app-a"]
}

data "aws_iam_policy_document" "acme_join_trust" {
  statement {
    sid     = "Ec2Instances"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "acme_join" {
  name               = "lzgen-directory-acme-join"
  description        = "Instances that join ad.acme.example through Systems Manager"
  assume_role_policy = data.aws_iam_policy_document.acme_join_trust.json
}

resource "aws_iam_role_policy_attachment" "acme_amazonssmmanagedinstancecore" {
  role       = aws_iam_role.acme_join.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_role_policy_attachment" "acme_amazonssmdirectoryserviceaccess" {
  role       = aws_iam_role.acme_join.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMDirectoryServiceAccess"
}

resource "aws_iam_instance_profile" "acme_join" {
  name = "lzgen-directory-acme-join"
  role = aws_iam_role.acme_join.name
}

# VPC app-a-vpc resolves ad.acme.example through the shared Resolver rule.
resource "aws_route53_resolver_rule_association" "acme_app-a-vpc" {
  name             = "lzgen-directory-acme-app-a-vpc"
  resolver_rule_id = data.terraform_remote_state.acme_directory.outputs.acme_resolver_rule_id
  vpc_id           = data.terraform_remote_state.app-a_us-east-1.outputs.app-a-vpc_vpc_id
}
