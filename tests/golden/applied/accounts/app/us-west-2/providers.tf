provider "aws" {
  region = "us-west-2"

  assume_role {
    role_arn     = "arn:aws:iam::${local.account_id}:role/OrganizationAccountAccessRole"
    session_name = "lzgen"
  }

  default_tags {
    tags = {
      LzgenStack   = "app/us-west-2"
      ManagedBy    = "lzgen"
      Organization = "applied"
    }
  }
}
