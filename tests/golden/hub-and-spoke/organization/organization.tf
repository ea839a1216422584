# The organization exists already and is imported (imports.tf). Trusted access and policy
# types below are authoritative: anything the organization has enabled and this list lacks
# would be disabled, so the org file lists what it keeps (trusted_services, policy_types).
resource "aws_organizations_organization" "this" {
  feature_set = "ALL"
  aws_service_access_principals = [
    "ipam.amazonaws.com",
    "member.org.stacksets.cloudformation.amazonaws.com",
    "ram.amazonaws.com",
    "sso.amazonaws.com",
  ]
  enabled_policy_types = [
    "SERVICE_CONTROL_POLICY",
    "TAG_POLICY",
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
  parent_id = "r-a1b2"

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_organizations_organizational_unit" "workloads" {
  name      = "Workloads"
  parent_id = "r-a1b2"

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_organizations_organizational_unit" "workloads_prod" {
  name      = "Prod"
  parent_id = aws_organizations_organizational_unit.workloads.id

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_organizations_organizational_unit" "workloads_nonprod" {
  name      = "NonProd"
  parent_id = aws_organizations_organizational_unit.workloads.id

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_organizations_account" "app-b" {
  name              = "app-b"
  email             = "aws+app-b@acme.example"
  parent_id         = aws_organizations_organizational_unit.workloads_prod.id
  role_name         = "OrganizationAccountAccessRole"
  close_on_deletion = false

  lifecycle {
    # An account is never destroyed by a plan: a changed email would replace it. AWS does not
    # return role_name after creation, so a change to it is ignored rather than replacing.
    prevent_destroy = true
    ignore_changes  = [role_name]
  }
}

resource "aws_organizations_account" "dev" {
  name              = "dev"
  email             = "aws+dev@acme.example"
  parent_id         = aws_organizations_organizational_unit.workloads_nonprod.id
  role_name         = "OrganizationAccountAccessRole"
  close_on_deletion = false

  lifecycle {
    # An account is never destroyed by a plan: a changed email would replace it. AWS does not
    # return role_name after creation, so a change to it is ignored rather than replacing.
    prevent_destroy = true
    ignore_changes  = [role_name]
  }
}

resource "aws_organizations_account" "identity" {
  name              = "identity"
  email             = "aws+identity@acme.example"
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
