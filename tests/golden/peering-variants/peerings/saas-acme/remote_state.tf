# Outputs of the stacks applied before this one.

data "terraform_remote_state" "shared_us-east-1" {
  backend = "local"
  config = {
    path = "../../accounts/shared/us-east-1/terraform.tfstate"
  }
}
