# The organization itself, created by the first apply.
resource "aws_organizations_organization" "this" {
  feature_set = "ALL"
  aws_service_access_principals = [
    "access-analyzer.amazonaws.com",
    "cloudtrail.amazonaws.com",
    "config-multiaccountsetup.amazonaws.com",
    "config.amazonaws.com",
    "guardduty.amazonaws.com",
    "malware-protection.guardduty.amazonaws.com",
    "member.org.stacksets.cloudformation.amazonaws.com",
    "securityhub.amazonaws.com",
    "sso.amazonaws.com",
  ]
  enabled_policy_types = [
    "SERVICE_CONTROL_POLICY",
  ]

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_organizations_organizational_unit" "infrastructure" {
  name      = "Infrastructure"
  parent_id = aws_organizations_organization.this.roots[0].id

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_organizations_organizational_unit" "security" {
  name      = "Security"
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

resource "aws_organizations_account" "network" {
  name              = "network"
  email             = "aws+network@example.com"
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
  email             = "aws+app-a@example.com"
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

resource "aws_organizations_account" "log-archive" {
  name              = "log-archive"
  email             = "aws+log-archive@example.com"
  parent_id         = aws_organizations_organizational_unit.security.id
  role_name         = "OrganizationAccountAccessRole"
  close_on_deletion = false

  lifecycle {
    # An account is never destroyed by a plan: a changed email would replace it. AWS does not
    # return role_name after creation, so a change to it is ignored rather than replacing.
    prevent_destroy = true
    ignore_changes  = [role_name]
  }
}

resource "aws_organizations_account" "audit" {
  name              = "audit"
  email             = "aws+audit@example.com"
  parent_id         = aws_organizations_organizational_unit.security.id
  role_name         = "OrganizationAccountAccessRole"
  close_on_deletion = false

  lifecycle {
    # An account is never destroyed by a plan: a changed email would replace it. AWS does not
    # return role_name after creation, so a change to it is ignored rather than replacing.
    prevent_destroy = true
    ignore_changes  = [role_name]
  }
}
