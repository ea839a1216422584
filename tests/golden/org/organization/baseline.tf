# Service control policies from lzgen's library (baseline.service_control_policies). Each
# policy's text is in scp/<name>.json; jsonencode(jsondecode(...)) sends it minified, which is
# how Organizations counts its 5,120-character limit.

resource "aws_organizations_policy" "deny-leave-organization" {
  name        = "deny-leave-organization"
  description = "Denies organizations:LeaveOrganization."
  type        = "SERVICE_CONTROL_POLICY"
  content     = jsonencode(jsondecode(file("${path.module}/scp/deny-leave-organization.json")))

  # Organizations takes policies only once the organization exists with the
  # SERVICE_CONTROL_POLICY type enabled, which nothing in the policy references.
  depends_on = [aws_organizations_organization.this]
}

resource "aws_organizations_policy_attachment" "deny-leave-organization_ou_workloads" {
  policy_id = aws_organizations_policy.deny-leave-organization.id
  target_id = aws_organizations_organizational_unit.workloads.id
}

resource "aws_organizations_policy" "deny-root-user" {
  name        = "deny-root-user"
  description = "Denies every action to the root user of member accounts."
  type        = "SERVICE_CONTROL_POLICY"
  content     = jsonencode(jsondecode(file("${path.module}/scp/deny-root-user.json")))

  # Organizations takes policies only once the organization exists with the
  # SERVICE_CONTROL_POLICY type enabled, which nothing in the policy references.
  depends_on = [aws_organizations_organization.this]
}

resource "aws_organizations_policy_attachment" "deny-root-user_ou_workloads" {
  policy_id = aws_organizations_policy.deny-root-user.id
  target_id = aws_organizations_organizational_unit.workloads.id
}

resource "aws_organizations_policy" "protect-security-services" {
  name        = "protect-security-services"
  description = "Denies stopping, deleting or reconfiguring CloudTrail, AWS Config and GuardDuty. lzgen's deployer role is exempt."
  type        = "SERVICE_CONTROL_POLICY"
  content     = jsonencode(jsondecode(file("${path.module}/scp/protect-security-services.json")))

  # Organizations takes policies only once the organization exists with the
  # SERVICE_CONTROL_POLICY type enabled, which nothing in the policy references.
  depends_on = [aws_organizations_organization.this]
}

resource "aws_organizations_policy_attachment" "protect-security-services_ou_workloads" {
  policy_id = aws_organizations_policy.protect-security-services.id
  target_id = aws_organizations_organizational_unit.workloads.id
}

resource "aws_organizations_policy" "allowed-regions" {
  name        = "allowed-regions"
  description = "Denies regional services outside the listed regions; global services (IAM, Organizations, STS, Route 53, CloudFront, billing, support) stay usable. lzgen's deployer role is exempt."
  type        = "SERVICE_CONTROL_POLICY"
  content     = jsonencode(jsondecode(file("${path.module}/scp/allowed-regions.json")))

  # Organizations takes policies only once the organization exists with the
  # SERVICE_CONTROL_POLICY type enabled, which nothing in the policy references.
  depends_on = [aws_organizations_organization.this]
}

resource "aws_organizations_policy_attachment" "allowed-regions_ou_workloads" {
  policy_id = aws_organizations_policy.allowed-regions.id
  target_id = aws_organizations_organizational_unit.workloads.id
}
