# Account ids this stack acts in (ids of accounts lzgen creates come from the organization stack).
locals {
  account_ids = {
    "app"     = data.terraform_remote_state.organization.outputs.account_ids["app"]
    "network" = data.terraform_remote_state.organization.outputs.account_ids["network"]
  }
}
