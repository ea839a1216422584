locals {
  account_id = "300000000003"
}
