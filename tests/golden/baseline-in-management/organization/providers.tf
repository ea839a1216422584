provider "aws" {
  region = "eu-central-1"

  default_tags {
    tags = {
      LzgenStack   = "organization"
      ManagedBy    = "lzgen"
      Organization = "solo"
    }
  }
}
