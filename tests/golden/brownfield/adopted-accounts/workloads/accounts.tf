# Existing accounts of OU Workloads: imported (imports.tf) and moved into the OU, so that what is
# shared with or attached to the OU reaches them.
locals {
  parent_id = data.terraform_remote_state.organization.outputs.ou_ids["Workloads"]
}

resource "aws_organizations_account" "legacy" {
  name              = "legacy"
  email             = "aws+legacy@brownco.example"
  parent_id         = local.parent_id
  close_on_deletion = false

  lifecycle {
    # Name, email, role and billing access cannot be changed through this resource: a
    # difference from the live account is ignored, never a replacement.
    prevent_destroy = true
    ignore_changes  = [name, email, role_name, iam_user_access_to_billing]
  }
}
