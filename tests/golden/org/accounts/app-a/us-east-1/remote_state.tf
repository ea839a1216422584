# Outputs of the stacks applied before this one.

data "terraform_remote_state" "log_archive" {
  backend = "s3"
  config = {
    bucket = "example-corp-tfstate"
    key    = "accounts/log-archive/us-east-1/terraform.tfstate"
    region = "us-east-1"
  }
}

data "terraform_remote_state" "organization" {
  backend = "s3"
  config = {
    bucket = "example-corp-tfstate"
    key    = "organization/terraform.tfstate"
    region = "us-east-1"
  }
}
