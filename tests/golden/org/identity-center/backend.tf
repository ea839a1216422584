terraform {
  backend "s3" {
    bucket       = "example-corp-tfstate"
    key          = "identity-center/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    kms_key_id   = "arn:aws:kms:us-east-1:111111111111:alias/lzgen/terraform-state"
    use_lockfile = true
  }
}
