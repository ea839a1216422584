terraform {
  backend "s3" {
    bucket       = "example-corp-tfstate"
    key          = "accounts/log-archive/us-east-1/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    use_lockfile = true
  }
}
