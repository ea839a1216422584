provider "aws" {
  region = "us-west-2"

  default_tags {
    tags = {
      LzgenStack   = "organization"
      ManagedBy    = "lzgen"
      Organization = "tiny"
    }
  }
}
