# Outputs of the stacks applied before this one.

data "terraform_remote_state" "organization" {
  backend = "local"
  config = {
    path = "../../../organization/terraform.tfstate"
  }
}
