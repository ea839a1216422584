# Outputs of the stacks applied before this one.

data "terraform_remote_state" "app_us-east-1" {
  backend = "local"
  config = {
    path = "../../accounts/app/us-east-1/terraform.tfstate"
  }
}

data "terraform_remote_state" "network_us-east-1" {
  backend = "local"
  config = {
    path = "../../accounts/network/us-east-1/terraform.tfstate"
  }
}

data "terraform_remote_state" "organization" {
  backend = "local"
  config = {
    path = "../../organization/terraform.tfstate"
  }
}
