provider "aws" {
  region = "eu-central-1"

  default_tags {
    tags = {
      LzgenStack   = "management/eu-central-1"
      ManagedBy    = "lzgen"
      Organization = "solo"
    }
  }
}
