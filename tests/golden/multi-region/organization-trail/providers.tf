provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      LzgenStack   = "organization-trail"
      ManagedBy    = "lzgen"
      Organization = "globex"
    }
  }
}
