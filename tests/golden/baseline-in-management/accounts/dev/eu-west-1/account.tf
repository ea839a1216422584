# Account dev is created by the organization stack; its id comes from that state.
data "terraform_remote_state" "organization" {
  backend = "local"
  config = {
    path = "../../../organization/terraform.tfstate"
  }
}

locals {
  account_id = data.terraform_remote_state.organization.outputs.account_ids["dev"]
}
