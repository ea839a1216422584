provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["500000000005"]

  default_tags {
    tags = {
      LzgenStack   = "organization"
      ManagedBy    = "lzgen"
      Organization = "branchco"
    }
  }
}
