provider "aws" {
  region = "us-east-1"

  assume_role {
    role_arn     = "arn:aws:iam::${local.account_ids["dev"]}:role/OrganizationAccountAccessRole"
    session_name = "lzgen"
  }

  default_tags {
    tags = {
      LzgenStack   = "dev/us-east-1"
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
      LzgenStack   = "dev/us-east-1"
      ManagedBy    = "lzgen"
      Organization = "acme"
    }
  }
}
