terraform {
  backend "s3" {
    bucket       = "acme-tfstate"
    key          = "peerings/app-a-to-tools/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    use_lockfile = true
  }
}
