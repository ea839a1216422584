terraform {
  backend "s3" {
    bucket       = "globex-terraform-state"
    key          = "landing-zone/deployer-role/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}
