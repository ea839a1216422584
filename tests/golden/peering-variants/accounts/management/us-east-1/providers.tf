provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["700000000007"]

  default_tags {
    tags = {
      LzgenStack   = "management/us-east-1"
      ManagedBy    = "lzgen"
      Organization = "peerco"
    }
  }
}
