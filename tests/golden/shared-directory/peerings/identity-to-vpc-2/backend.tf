terraform {
  backend "s3" {
    bucket       = "corpnet-tfstate"
    key          = "peerings/identity-to-vpc-2/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    kms_key_id   = "arn:aws:kms:us-east-1:121212121212:alias/lzgen/terraform-state"
    use_lockfile = true
  }
}
