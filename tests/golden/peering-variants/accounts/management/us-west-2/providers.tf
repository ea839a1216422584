provider "aws" {
  region = "us-west-2"

  default_tags {
    tags = {
      LzgenStack   = "management/us-west-2"
      ManagedBy    = "lzgen"
      Organization = "peerco"
    }
  }
}
