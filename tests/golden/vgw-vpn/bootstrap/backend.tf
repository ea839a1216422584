terraform {
  backend "s3" {
    bucket       = "branchco-tfstate"
    key          = "bootstrap/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    kms_key_id   = "arn:aws:kms:eu-west-1:500000000005:alias/lzgen/terraform-state"
    use_lockfile = true
  }
}
