provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = {
      LzgenStack   = "organization"
      ManagedBy    = "lzgen"
      Organization = "applied"
    }
  }
}
