# Account ids this stack acts in (ids of accounts lzgen creates come from the organization stack).
locals {
  account_ids = {
    "app-a"   = "444444444444"
    "network" = "222222222222"
  }

  account_id = local.account_ids["app-a"]
}
