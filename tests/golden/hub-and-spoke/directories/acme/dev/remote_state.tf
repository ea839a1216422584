# Outputs of the stacks applied before this one.

data "terraform_remote_state" "acme_directory" {
  backend = "s3"
  config = {
    bucket = "acme-tfstate"
    key    = "directories/acme/identity/terraform.tfstate"
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

data "terraform_remote_state" "organization" {
  backend = "s3"
  config = {
    bucket = "acme-tfstate"
    key    = "organization/terraform.tfstate"
    region = "us-east-1"
  }
}
