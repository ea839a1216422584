# Account ids this stack acts in (ids of accounts lzgen creates come from the organization stack).
locals {
  account_ids = {
    "identity"  = data.terraform_remote_state.organization.outputs.account_ids["identity"]
    "workloads" = data.terraform_remote_state.organization.outputs.account_ids["workloads"]
  }
}
