# Outputs of the stacks applied before this one.

data "terraform_remote_state" "acme_directory" {
  backend = "s3"
  config = {
    bucket = "acme-tfstate"
    key    = "directories/acme/identity/terraform.tfstate"
    region = "us-east-1"
  }
}

data "terraform_remote_state" "app-a_us-east-1" {
  backend = "s3"
  config = {
    bucket = "acme-tfstate"
    key    = "accounts/app-a/us-east-1/terraform.tfstate"
    region = "us-east-1"
  }
}
