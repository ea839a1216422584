# Account ids this stack acts in (ids of accounts lzgen creates come from the organization stack).
locals {
  account_ids = {
    "app-a"   = "444444444444"
    "app-b"   = data.terraform_remote_state.organization.outputs.account_ids["app-b"]
    "dev"     = data.terraform_remote_state.organization.outputs.account_ids["dev"]
    "network" = "222222222222"
    "tools"   = "333333333333"
  }
}
