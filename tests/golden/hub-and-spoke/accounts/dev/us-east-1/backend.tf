terraform {
  backend "s3" {
    bucket       = "acme-tfstate"
    key          = "accounts/dev/us-east-1/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    use_lockfile = true
  }
}
