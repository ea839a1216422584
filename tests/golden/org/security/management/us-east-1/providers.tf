provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]

  default_tags {
    tags = {
      LzgenStack   = "security/management/us-east-1"
      ManagedBy    = "lzgen"
      Organization = "example-corp"
    }
  }
}
