# Account log-archive is created by the organization stack; its id comes from that state.
data "terraform_remote_state" "organization" {
  backend = "s3"
  config = {
    bucket = "example-corp-tfstate"
    key    = "organization/terraform.tfstate"
    region = "us-east-1"
  }
}

locals {
  account_id = data.terraform_remote_state.organization.outputs.account_ids["log-archive"]
}
