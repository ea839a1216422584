# Account ids this stack acts in (ids of accounts lzgen creates come from the organization stack).
locals {
  account_ids = {
    "lab"        = data.terraform_remote_state.organization.outputs.account_ids["lab"]
    "management" = "700000000007"
  }
}
