# Account ids this stack acts in (ids of accounts lzgen creates come from the organization stack).
locals {
  account_id = data.terraform_remote_state.organization.outputs.account_ids["network"]
}
