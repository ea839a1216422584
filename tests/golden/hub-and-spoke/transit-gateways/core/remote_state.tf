# Outputs of the stacks applied before this one.

data "terraform_remote_state" "app-a_us-east-1" {
  backend = "s3"
  config = {
    bucket = "acme-tfstate"
    key    = "accounts/app-a/us-east-1/terraform.tfstate"
    region = "us-east-1"
  }
}

data "terraform_remote_state" "app-b_us-east-1" {
  backend = "s3"
  config = {
    bucket = "acme-tfstate"
    key    = "accounts/app-b/us-east-1/terraform.tfstate"
    region = "us-east-1"
  }
}

data "terraform_remote_state" "dev_us-east-1" {
  backend = "s3"
  config = {
    bucket = "acme-tfstate"
    key    = "accounts/dev/us-east-1/terraform.tfstate"
    region = "us-east-1"
  }
}

data "terraform_remote_state" "network_us-east-1" {
  backend = "s3"
  config = {
    bucket = "acme-tfstate"
    key    = "accounts/network/us-east-1/terraform.tfstate"
    region = "us-east-1"
  }
}

data "terraform_remote_state" "organization" {
  backend = "s3"
  config = {
    bucket = "acme-tfstate"
    key    = "organization/terraform.tfstate"
    region = "us-east-1"
  }
}

data "terraform_remote_state" "tools_us-east-1" {
  backend = "s3"
  config = {
    bucket = "acme-tfstate"
    key    = "accounts/tools/us-east-1/terraform.tfstate"
    region = "us-east-1"
  }
}
