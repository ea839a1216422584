provider "aws" {
  region = "us-east-1"

  assume_role {
    role_arn     = "arn:aws:iam::${local.account_ids["app"]}:role/OrganizationAccountAccessRole"
    session_name = "lzgen"
  }

  default_tags {
    tags = {
      LzgenStack   = "peerings/east-to-hub"
      ManagedBy    = "lzgen"
      Organization = "applied"
    }
  }
}

provider "aws" {
  alias  = "accepter"
  region = "us-east-1"

  assume_role {
    role_arn     = "arn:aws:iam::${local.account_ids["network"]}:role/OrganizationAccountAccessRole"
    session_name = "lzgen"
  }

  default_tags {
    tags = {
      LzgenStack   = "peerings/east-to-hub"
      ManagedBy    = "lzgen"
      Organization = "applied"
    }
  }
}
