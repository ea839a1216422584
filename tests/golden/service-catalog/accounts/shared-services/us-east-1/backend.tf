terraform {
  backend "s3" {
    bucket       = "blueprint-corp-tfstate"
    key          = "accounts/shared-services/us-east-1/terraform.tfstate"
    region       = "us-east-1"
    encrypt      = true
    kms_key_id   = "arn:aws:kms:us-east-1:131313131313:alias/lzgen/terraform-state"
    use_lockfile = true
  }
}
