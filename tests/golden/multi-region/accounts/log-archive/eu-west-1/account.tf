# Outputs of the organization stack that this stack uses.
data "terraform_remote_state" "organization" {
  backend = "s3"
  config = {
    bucket = "globex-terraform-state"
    key    = "landing-zone/organization/terraform.tfstate"
    region = "eu-west-1"
  }
}

locals {
  account_id = "400000000004"
}
