provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["123456789012"]

  default_tags {
    tags = {
      LzgenStack   = "deployer-role"
      ManagedBy    = "lzgen"
      Organization = "applied"
    }
  }
}
