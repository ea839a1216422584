terraform {
  backend "s3" {
    bucket       = "globex-terraform-state"
    key          = "landing-zone/bootstrap/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}
