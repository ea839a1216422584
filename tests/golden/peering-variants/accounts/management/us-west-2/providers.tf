provider "aws" {
  region              = "us-west-2"
  allowed_account_ids = ["700000000007"]

  default_tags {
    tags = {
      LzgenStack   = "management/us-west-2"
      ManagedBy    = "lzgen"
      Organization = "peerco"
    }
  }
}
