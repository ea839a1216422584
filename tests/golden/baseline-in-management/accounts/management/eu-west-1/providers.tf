provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["123456789012"]

  default_tags {
    tags = {
      LzgenStack   = "management/eu-west-1"
      ManagedBy    = "lzgen"
      Organization = "solo"
    }
  }
}
