provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = {
      LzgenStack   = "organization-trail"
      ManagedBy    = "lzgen"
      Organization = "example-corp"
    }
  }
}
