provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      LzgenStack   = "organization"
      ManagedBy    = "lzgen"
      Organization = "branchco"
    }
  }
}
