# Account ids this stack acts in (ids of accounts lzgen creates come from the organization stack).
locals {
  account_id = "123456789012"
}
