terraform {
  backend "s3" {
    bucket       = "corpnet-tfstate"
    key          = "deployer-role/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    kms_key_id   = "arn:aws:kms:us-east-1:121212121212:alias/lzgen/terraform-state"
    use_lockfile = true
  }
}
