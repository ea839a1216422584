# Outputs of the stacks applied before this one.

data "terraform_remote_state" "core_tgw" {
  backend = "s3"
  config = {
    bucket = "acme-tfstate"
    key    = "transit-gateways/core/terraform.tfstate"
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
