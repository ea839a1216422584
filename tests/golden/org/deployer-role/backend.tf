terraform {
  backend "s3" {
    bucket       = "example-corp-tfstate"
    key          = "deployer-role/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    use_lockfile = true
  }
}
