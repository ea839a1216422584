# Outputs of the stacks applied before this one.

data "terraform_remote_state" "organization" {
  backend = "s3"
  config = {
    bucket = "blueprint-corp-tfstate"
    key    = "organization/terraform.tfstate"
    region = "us-east-1"
  }
}

data "terraform_remote_state" "shared-services_us-east-1" {
  backend = "s3"
  config = {
    bucket = "blueprint-corp-tfstate"
    key    = "accounts/shared-services/us-east-1/terraform.tfstate"
    region = "us-east-1"
  }
}
