provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["100000000001"]

  default_tags {
    tags = {
      LzgenStack   = "adopted-accounts/infrastructure"
      ManagedBy    = "lzgen"
      Organization = "globex"
    }
  }
}
