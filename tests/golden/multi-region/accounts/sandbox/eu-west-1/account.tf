# Account sandbox is created by the organization stack; its id comes from that state.
data "terraform_remote_state" "organization" {
  backend = "s3"
  config = {
    bucket = "globex-terraform-state"
    key    = "landing-zone/organization/terraform.tfstate"
    region = "eu-west-1"
  }
}

locals {
  account_id = data.terraform_remote_state.organization.outputs.account_ids["sandbox"]
}
