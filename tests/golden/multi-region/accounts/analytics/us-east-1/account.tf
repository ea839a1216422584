# Account ids this stack acts in (ids of accounts lzgen creates come from the organization stack).
locals {
  account_id = "300000000003"
}
