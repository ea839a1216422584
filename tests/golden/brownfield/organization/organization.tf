# The organization exists already and is imported (imports.tf). Trusted access and policy
# types below are authoritative: anything the organization has enabled and this list lacks
# would be disabled, so the org file lists what it keeps (trusted_services, policy_types).
resource "aws_organizations_organization" "this" {
  feature_set = "ALL"
  aws_service_access_principals = [
    "config.amazonaws.com",
    "member.org.stacksets.cloudformation.amazonaws.com",
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

resource "aws_organizations_organizational_unit" "infrastructure" {
  name      = "Infrastructure"
  parent_id = "r-br01"

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_organizations_organizational_unit" "workloads" {
  name      = "Workloads"
  parent_id = "r-br01"

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_organizations_organizational_unit" "sandbox" {
  name      = "Sandbox"
  parent_id = "r-br01"

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_organizations_account" "sandbox" {
  name              = "sandbox"
  email             = "aws+sandbox@brownco.example"
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
