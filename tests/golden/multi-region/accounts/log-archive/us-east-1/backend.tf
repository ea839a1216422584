terraform {
  backend "s3" {
    bucket       = "globex-terraform-state"
    key          = "landing-zone/accounts/log-archive/us-east-1/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    kms_key_id   = "arn:aws:kms:eu-west-1:100000000001:alias/lzgen/terraform-state"
    use_lockfile = true
  }
}
