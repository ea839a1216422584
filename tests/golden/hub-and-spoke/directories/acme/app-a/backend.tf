terraform {
  backend "s3" {
    bucket       = "acme-tfstate"
    key          = "directories/acme/app-a/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    kms_key_id   = "arn:aws:kms:us-east-1:111111111111:alias/lzgen/terraform-state"
    use_lockfile = true
  }
}
