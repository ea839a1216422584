# Outputs of the stacks applied before this one.

data "terraform_remote_state" "organization" {
  backend = "s3"
  config = {
    bucket = "example-corp-tfstate"
    key    = "organization/terraform.tfstate"
    region = "us-east-1"
  }
}
