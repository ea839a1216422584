# Account ids this stack acts in (ids of accounts lzgen creates come from the organization stack).
locals {
  account_ids = {
    "identity" = data.terraform_remote_state.organization.outputs.account_ids["identity"]
    "network"  = "222222222222"
  }

  account_id = local.account_ids["identity"]
}
