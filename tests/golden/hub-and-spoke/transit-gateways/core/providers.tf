provider "aws" {
  region = "us-east-1"

  assume_role {
    role_arn     = "arn:aws:iam::${local.account_ids["network"]}:role/OrganizationAccountAccessRole"
    session_name = "lzgen"
  }

  default_tags {
    tags = {
      LzgenStack   = "transit-gateways/core"
      ManagedBy    = "lzgen"
      Organization = "acme"
    }
  }
}

provider "aws" {
  alias  = "app-a_us-east-1"
  region = "us-east-1"

  assume_role {
    role_arn     = "arn:aws:iam::${local.account_ids["app-a"]}:role/OrganizationAccountAccessRole"
    session_name = "lzgen"
  }

  default_tags {
    tags = {
      LzgenStack   = "transit-gateways/core"
      ManagedBy    = "lzgen"
      Organization = "acme"
    }
  }
}

provider "aws" {
  alias  = "app-b_us-east-1"
  region = "us-east-1"

  assume_role {
    role_arn     = "arn:aws:iam::${local.account_ids["app-b"]}:role/OrganizationAccountAccessRole"
    session_name = "lzgen"
  }

  default_tags {
    tags = {
      LzgenStack   = "transit-gateways/core"
      ManagedBy    = "lzgen"
      Organization = "acme"
    }
  }
}

provider "aws" {
  alias  = "dev_us-east-1"
  region = "us-east-1"

  assume_role {
    role_arn     = "arn:aws:iam::${local.account_ids["dev"]}:role/OrganizationAccountAccessRole"
    session_name = "lzgen"
  }

  default_tags {
    tags = {
      LzgenStack   = "transit-gateways/core"
      ManagedBy    = "lzgen"
      Organization = "acme"
    }
  }
}

provider "aws" {
  alias  = "tools_us-east-1"
  region = "us-east-1"

  assume_role {
    role_arn     = "arn:aws:iam::${local.account_ids["tools"]}:role/OrganizationAccountAccessRole"
    session_name = "lzgen"
  }

  default_tags {
    tags = {
      LzgenStack   = "transit-gateways/core"
      ManagedBy    = "lzgen"
      Organization = "acme"
    }
  }
}
