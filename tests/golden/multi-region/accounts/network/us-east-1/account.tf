locals {
  account_id = "200000000002"
}
