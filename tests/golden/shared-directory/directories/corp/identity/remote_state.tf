# Outputs of the stacks applied before this one.

data "terraform_remote_state" "identity_us-east-1" {
  backend = "s3"
  config = {
    bucket = "corpnet-tfstate"
    key    = "accounts/identity/us-east-1/terraform.tfstate"
    region = "us-east-1"
  }
}

data "terraform_remote_state" "organization" {
  backend = "s3"
  config = {
    bucket = "corpnet-tfstate"
    key    = "organization/terraform.tfstate"
    region = "us-east-1"
  }
}
