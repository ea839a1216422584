# The organization itself, created by the first apply.
resource "aws_organizations_organization" "this" {
  feature_set = "ALL"
  aws_service_access_principals = [
    "member.org.stacksets.cloudformation.amazonaws.com",
    "servicecatalog.amazonaws.com",
  ]
  enabled_policy_types = [
    "SERVICE_CONTROL_POLICY",
  ]

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_organizations_organizational_unit" "platform" {
  name      = "Platform"
  parent_id = aws_organizations_organization.this.roots[0].id

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_organizations_organizational_unit" "sandbox" {
  name      = "Sandbox"
  parent_id = aws_organizations_organization.this.roots[0].id

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_organizations_account" "lab" {
  name              = "lab"
  email             = "aws+lab@ownbp.example"
  parent_id         = aws_organizations_organizational_unit.sandbox.id
  role_name         = "OrganizationAccountAccessRole"
  close_on_deletion = false

  lifecycle {
    # An account is never destroyed by a plan: a changed email would replace it. AWS does not
    # return role_name after creation, so a change to it is ignored rather than replacing.
    prevent_destroy = true
    ignore_changes  = [role_name]
  }
}
