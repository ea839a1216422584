# Outputs of the organization stack that this stack uses.
data "terraform_remote_state" "organization" {
  backend = "local"
  config = {
    path = "../../../organization/terraform.tfstate"
  }
}

locals {
  account_id = "123456789012"
}
