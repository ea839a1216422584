provider "aws" {
  region = "eu-west-1"

  assume_role {
    role_arn     = "arn:aws:iam::${local.account_id}:role/OrganizationAccountAccessRole"
    session_name = "lzgen"
  }

  default_tags {
    tags = {
      LzgenStack   = "network/eu-west-1"
      ManagedBy    = "lzgen"
      Organization = "branchco"
    }
  }
}
