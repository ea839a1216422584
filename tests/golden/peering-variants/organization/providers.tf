provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["700000000007"]

  default_tags {
    tags = {
      LzgenStack   = "organization"
      ManagedBy    = "lzgen"
      Organization = "peerco"
    }
  }
}
