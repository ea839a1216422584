terraform {
  backend "s3" {
    bucket       = "example-corp-tfstate"
    key          = "organization-trail/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    use_lockfile = true
  }
}
