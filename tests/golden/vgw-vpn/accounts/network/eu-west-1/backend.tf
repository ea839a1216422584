terraform {
  backend "s3" {
    bucket       = "branchco-tfstate"
    key          = "accounts/network/eu-west-1/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}
