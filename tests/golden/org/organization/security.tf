# The delegated administrator of the security services: the audit account,
# audit (AWS allows no delegation to the management account).
# GuardDuty's and Security Hub's regional designations are made from the audit account's
# stacks, after its own detector and hub exist (README, "Security services").

resource "aws_organizations_delegated_administrator" "access_analyzer" {
  account_id        = aws_organizations_account.audit.id
  service_principal = "access-analyzer.amazonaws.com"

  depends_on = [aws_organizations_organization.this]
}

resource "aws_organizations_delegated_administrator" "config_multiaccountsetup" {
  account_id        = aws_organizations_account.audit.id
  service_principal = "config-multiaccountsetup.amazonaws.com"

  depends_on = [aws_organizations_organization.this]
}

resource "aws_organizations_delegated_administrator" "config" {
  account_id        = aws_organizations_account.audit.id
  service_principal = "config.amazonaws.com"

  depends_on = [aws_organizations_organization.this]
}

resource "aws_organizations_delegated_administrator" "guardduty" {
  account_id        = aws_organizations_account.audit.id
  service_principal = "guardduty.amazonaws.com"

  depends_on = [aws_organizations_organization.this]
}

resource "aws_organizations_delegated_administrator" "securityhub" {
  account_id        = aws_organizations_account.audit.id
  service_principal = "securityhub.amazonaws.com"

  depends_on = [aws_organizations_organization.this]
}
