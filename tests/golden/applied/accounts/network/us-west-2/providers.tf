variable "run_id" {
  description = "Names this run in the deployer role's session (CloudTrail shows it): CI's run id, say."
  type        = string
  default     = "manual"

  validation {
    condition     = can(regex("^[A-Za-z0-9+=,.@-]{1,40}$", var.run_id))
    error_message = "run_id is 1 to 40 of A-Z, a-z, 0-9 and + = , . @ -."
  }
}

provider "aws" {
  region              = "us-west-2"
  allowed_account_ids = [local.account_id]

  assume_role {
    role_arn     = "arn:aws:iam::${local.account_id}:role/lzgen-deployer"
    session_name = "lzgen-${var.run_id}"
  }

  default_tags {
    tags = {
      LzgenStack   = "network/us-west-2"
      ManagedBy    = "lzgen"
      Organization = "applied"
    }
  }
}
