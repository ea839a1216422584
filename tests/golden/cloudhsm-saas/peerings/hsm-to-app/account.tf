# Account ids this stack acts in (ids of accounts lzgen creates come from the organization stack).
locals {
  account_ids = {
    "payments-app" = data.terraform_remote_state.organization.outputs.account_ids["payments-app"]
    "security"     = data.terraform_remote_state.organization.outputs.account_ids["security"]
  }
}
