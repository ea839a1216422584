provider "aws" {
  region              = "us-west-2"
  allowed_account_ids = ["123456789012"]

  default_tags {
    tags = {
      LzgenStack   = "deployer-role"
      ManagedBy    = "lzgen"
      Organization = "tiny"
    }
  }
}
