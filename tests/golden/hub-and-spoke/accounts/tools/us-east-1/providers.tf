provider "aws" {
  region = "us-east-1"

  assume_role {
    role_arn     = "arn:aws:iam::${local.account_ids["tools"]}:role/OrganizationAccountAccessRole"
    session_name = "lzgen"
  }

  default_tags {
    tags = {
      LzgenStack   = "tools/us-east-1"
      ManagedBy    = "lzgen"
      Organization = "acme"
    }
  }
}

provider "aws" {
  alias  = "network_us-east-1"
  region = "us-east-1"

  assume_role {
    role_arn     = "arn:aws:iam::${local.account_ids["network"]}:role/OrganizationAccountAccessRole"
    session_name = "lzgen"
  }

  default_tags {
    tags = {
      LzgenStack   = "tools/us-east-1"
      ManagedBy    = "lzgen"
      Organization = "acme"
    }
  }
}
