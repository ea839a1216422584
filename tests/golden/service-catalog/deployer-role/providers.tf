provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["131313131313"]

  default_tags {
    tags = {
      LzgenStack   = "deployer-role"
      ManagedBy    = "lzgen"
      Organization = "blueprint-corp"
    }
  }
}
