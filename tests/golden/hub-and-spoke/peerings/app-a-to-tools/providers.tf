provider "aws" {
  region = "us-east-1"

  assume_role {
    role_arn     = "arn:aws:iam::${local.account_ids["app-a"]}:role/OrganizationAccountAccessRole"
    session_name = "lzgen"
  }

  default_tags {
    tags = {
      LzgenStack   = "peerings/app-a-to-tools"
      ManagedBy    = "lzgen"
      Organization = "acme"
    }
  }
}

provider "aws" {
  alias  = "accepter"
  region = "us-east-1"

  assume_role {
    role_arn     = "arn:aws:iam::${local.account_ids["tools"]}:role/OrganizationAccountAccessRole"
    session_name = "lzgen"
  }

  default_tags {
    tags = {
      LzgenStack   = "peerings/app-a-to-tools"
      ManagedBy    = "lzgen"
      Organization = "acme"
    }
  }
}
