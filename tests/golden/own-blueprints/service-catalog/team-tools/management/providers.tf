provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["900000000009"]

  default_tags {
    tags = {
      LzgenStack   = "service-catalog/team-tools/management"
      ManagedBy    = "lzgen"
      Organization = "ownbp"
    }
  }
}
