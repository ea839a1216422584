# The organization itself, created by the first apply.
resource "aws_organizations_organization" "this" {
  feature_set = "ALL"
  aws_service_access_principals = [
    "member.org.stacksets.cloudformation.amazonaws.com",
    "ram.amazonaws.com",
    "servicecatalog.amazonaws.com",
  ]
  enabled_policy_types = [
    "SERVICE_CONTROL_POLICY",
  ]

  lifecycle {
    prevent_destroy = true
  }
}

# Lets AWS RAM share with the organization's accounts and OUs without invitations.
resource "aws_ram_sharing_with_organization" "this" {
  depends_on = [aws_organizations_organization.this]
}

resource "aws_organizations_organizational_unit" "infrastructure" {
  name      = "Infrastructure"
  parent_id = aws_organizations_organization.this.roots[0].id

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_organizations_organizational_unit" "workloads" {
  name      = "Workloads"
  parent_id = aws_organizations_organization.this.roots[0].id

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_organizations_account" "shared-services" {
  name              = "shared-services"
  email             = "aws+shared-services@blueprint-corp.example"
  parent_id         = aws_organizations_organizational_unit.infrastructure.id
  role_name         = "OrganizationAccountAccessRole"
  close_on_deletion = false

  lifecycle {
    # An account is never destroyed by a plan: a changed email would replace it. AWS does not
    # return role_name after creation, so a change to it is ignored rather than replacing.
    prevent_destroy = true
    ignore_changes  = [role_name]
  }
}

resource "aws_organizations_account" "app-a" {
  name              = "app-a"
  email             = "aws+app-a@blueprint-corp.example"
  parent_id         = aws_organizations_organizational_unit.workloads.id
  role_name         = "OrganizationAccountAccessRole"
  close_on_deletion = false

  lifecycle {
    # An account is never destroyed by a plan: a changed email would replace it. AWS does not
    # return role_name after creation, so a change to it is ignored rather than replacing.
    prevent_destroy = true
    ignore_changes  = [role_name]
  }
}

resource "aws_organizations_account" "app-b" {
  name              = "app-b"
  email             = "aws+app-b@blueprint-corp.example"
  parent_id         = aws_organizations_organizational_unit.workloads.id
  role_name         = "OrganizationAccountAccessRole"
  close_on_deletion = false

  lifecycle {
    # An account is never destroyed by a plan: a changed email would replace it. AWS does not
    # return role_name after creation, so a change to it is ignored rather than replacing.
    prevent_destroy = true
    ignore_changes  = [role_name]
  }
}
