# Outputs of the stacks applied before this one.

data "terraform_remote_state" "lab_us-west-2" {
  backend = "local"
  config = {
    path = "../../accounts/lab/us-west-2/terraform.tfstate"
  }
}

data "terraform_remote_state" "management_us-west-2" {
  backend = "local"
  config = {
    path = "../../accounts/management/us-west-2/terraform.tfstate"
  }
}

data "terraform_remote_state" "organization" {
  backend = "local"
  config = {
    path = "../../organization/terraform.tfstate"
  }
}
