provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["900000000009"]

  default_tags {
    tags = {
      LzgenStack   = "deployer-role"
      ManagedBy    = "lzgen"
      Organization = "ownbp"
    }
  }
}
