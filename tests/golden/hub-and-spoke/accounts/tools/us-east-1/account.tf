# Account ids this stack acts in (ids of accounts lzgen creates come from the organization stack).
locals {
  account_ids = {
    "network" = "222222222222"
    "tools"   = "333333333333"
  }

  account_id = local.account_ids["tools"]
}
