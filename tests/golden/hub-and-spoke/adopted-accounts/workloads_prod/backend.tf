terraform {
  backend "s3" {
    bucket       = "acme-tfstate"
    key          = "adopted-accounts/workloads_prod/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    use_lockfile = true
  }
}
