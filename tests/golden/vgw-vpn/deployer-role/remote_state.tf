# Outputs of the stacks applied before this one.

data "terraform_remote_state" "organization" {
  backend = "s3"
  config = {
    bucket = "branchco-tfstate"
    key    = "organization/terraform.tfstate"
    region = "eu-west-1"
  }
}
