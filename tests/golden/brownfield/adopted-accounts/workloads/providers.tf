provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["210000000001"]

  default_tags {
    tags = {
      LzgenStack   = "adopted-accounts/workloads"
      ManagedBy    = "lzgen"
      Organization = "brownco"
    }
  }
}
