provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]

  default_tags {
    tags = {
      LzgenStack   = "identity-center"
      ManagedBy    = "lzgen"
      Organization = "example-corp"
    }
  }
}
