provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["121212121212"]

  default_tags {
    tags = {
      LzgenStack   = "deployer-role"
      ManagedBy    = "lzgen"
      Organization = "corpnet"
    }
  }
}
