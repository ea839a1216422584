# Outputs of the stacks applied before this one.

data "terraform_remote_state" "app_us-east-1" {
  backend = "local"
  config = {
    path = "../../accounts/app/us-east-1/terraform.tfstate"
  }
}

data "terraform_remote_state" "app_us-west-2" {
  backend = "local"
  config = {
    path = "../../accounts/app/us-west-2/terraform.tfstate"
  }
}

data "terraform_remote_state" "organization" {
  backend = "local"
  config = {
    path = "../../organization/terraform.tfstate"
  }
}
