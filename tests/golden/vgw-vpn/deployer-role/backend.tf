terraform {
  backend "s3" {
    bucket       = "branchco-tfstate"
    key          = "deployer-role/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}
