# Account ids this stack acts in (ids of accounts lzgen creates come from the organization stack).
locals {
  account_ids = {
    "audit" = data.terraform_remote_state.organization.outputs.account_ids["audit"]
  }

  account_id = local.account_ids["audit"]
}
