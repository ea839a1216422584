provider "aws" {
  region = "us-east-1"

  assume_role {
    role_arn     = "arn:aws:iam::${local.account_id}:role/OrganizationAccountAccessRole"
    session_name = "lzgen"
  }

  default_tags {
    tags = {
      LzgenStack   = "peerings/east-to-west"
      ManagedBy    = "lzgen"
      Organization = "applied"
    }
  }
}

provider "aws" {
  alias  = "accepter"
  region = "us-west-2"

  assume_role {
    role_arn     = "arn:aws:iam::${local.account_id}:role/OrganizationAccountAccessRole"
    session_name = "lzgen"
  }

  default_tags {
    tags = {
      LzgenStack   = "peerings/east-to-west"
      ManagedBy    = "lzgen"
      Organization = "applied"
    }
  }
}
