# Service control policies from lzgen's library (baseline.service_control_policies). Each
# policy's text is in scp/<name>.json; jsonencode(jsondecode(...)) sends it minified, which is
# how Organizations counts its 5,120-character limit.

resource "aws_organizations_policy" "deny-root-user" {
  name        = "deny-root-user"
  description = "Denies every action to the root user of member accounts."
  type        = "SERVICE_CONTROL_POLICY"
  content     = jsonencode(jsondecode(file("${path.module}/scp/deny-root-user.json")))

  # Organizations takes policies only once the organization exists with the
  # SERVICE_CONTROL_POLICY type enabled, which nothing in the policy references.
  depends_on = [aws_organizations_organization.this]
}

resource "aws_organizations_policy_attachment" "deny-root-user_ou_workloads_nonprod" {
  policy_id = aws_organizations_policy.deny-root-user.id
  target_id = aws_organizations_organizational_unit.workloads_nonprod.id
}

resource "aws_organizations_policy_attachment" "deny-root-user_account_analytics" {
  policy_id = aws_organizations_policy.deny-root-user.id
  target_id = "300000000003"
}

resource "aws_organizations_policy" "deny-internet-gateways" {
  name        = "deny-internet-gateways"
  description = "Denies creating and attaching internet gateways (IPv4 and egress-only): accounts reach the internet only through a network hub. Applies to lzgen too."
  type        = "SERVICE_CONTROL_POLICY"
  content     = jsonencode(jsondecode(file("${path.module}/scp/deny-internet-gateways.json")))

  # Organizations takes policies only once the organization exists with the
  # SERVICE_CONTROL_POLICY type enabled, which nothing in the policy references.
  depends_on = [aws_organizations_organization.this]
}

resource "aws_organizations_policy_attachment" "deny-internet-gateways_ou_workloads_nonprod" {
  policy_id = aws_organizations_policy.deny-internet-gateways.id
  target_id = aws_organizations_organizational_unit.workloads_nonprod.id
}

resource "aws_organizations_policy_attachment" "deny-internet-gateways_account_analytics" {
  policy_id = aws_organizations_policy.deny-internet-gateways.id
  target_id = "300000000003"
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

resource "aws_organizations_policy_attachment" "allowed-regions_ou_workloads_nonprod" {
  policy_id = aws_organizations_policy.allowed-regions.id
  target_id = aws_organizations_organizational_unit.workloads_nonprod.id
}

resource "aws_organizations_policy_attachment" "allowed-regions_account_analytics" {
  policy_id = aws_organizations_policy.allowed-regions.id
  target_id = "300000000003"
}
