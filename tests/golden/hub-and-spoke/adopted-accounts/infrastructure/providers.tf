provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]

  default_tags {
    tags = {
      LzgenStack   = "adopted-accounts/infrastructure"
      ManagedBy    = "lzgen"
      Organization = "acme"
    }
  }
}
