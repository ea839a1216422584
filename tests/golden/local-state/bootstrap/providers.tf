provider "aws" {
  region              = "us-west-2"
  allowed_account_ids = ["123456789012"]

  default_tags {
    tags = {
      LzgenStack   = "bootstrap"
      ManagedBy    = "lzgen"
      Organization = "tiny"
    }
  }
}
