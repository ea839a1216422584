provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["100000000001"]

  default_tags {
    tags = {
      LzgenStack   = "security/management/eu-west-1"
      ManagedBy    = "lzgen"
      Organization = "globex"
    }
  }
}
