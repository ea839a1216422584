# Outputs of the stacks applied before this one.

data "terraform_remote_state" "log_archive" {
  backend = "s3"
  config = {
    bucket = "globex-terraform-state"
    key    = "landing-zone/accounts/log-archive/eu-west-1/terraform.tfstate"
    region = "eu-west-1"
  }
}
