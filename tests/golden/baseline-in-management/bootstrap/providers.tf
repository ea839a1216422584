provider "aws" {
  region              = "eu-central-1"
  allowed_account_ids = ["123456789012"]

  default_tags {
    tags = {
      LzgenStack   = "bootstrap"
      ManagedBy    = "lzgen"
      Organization = "solo"
    }
  }
}
