# Account ids this stack acts in (ids of accounts lzgen creates come from the organization stack).
locals {
  account_ids = {
    "app-a" = "444444444444"
    "tools" = "333333333333"
  }
}
