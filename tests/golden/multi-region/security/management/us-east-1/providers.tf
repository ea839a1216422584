provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["100000000001"]

  default_tags {
    tags = {
      LzgenStack   = "security/management/us-east-1"
      ManagedBy    = "lzgen"
      Organization = "globex"
    }
  }
}
