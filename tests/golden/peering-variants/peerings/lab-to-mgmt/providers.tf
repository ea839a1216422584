provider "aws" {
  region = "us-west-2"

  assume_role {
    role_arn     = "arn:aws:iam::${local.account_ids["lab"]}:role/OrganizationAccountAccessRole"
    session_name = "lzgen"
  }

  default_tags {
    tags = {
      LzgenStack   = "peerings/lab-to-mgmt"
      ManagedBy    = "lzgen"
      Organization = "peerco"
    }
  }
}

provider "aws" {
  alias  = "accepter"
  region = "us-west-2"

  default_tags {
    tags = {
      LzgenStack   = "peerings/lab-to-mgmt"
      ManagedBy    = "lzgen"
      Organization = "peerco"
    }
  }
}
