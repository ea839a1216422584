# Service control policies: lzgen's core guardrails (lzgen-core-*), attached at the
# organization's root, then the library policies of baseline.service_control_policies, attached
# to baseline.attach. Each policy's text is in scp/<name>.json; jsonencode(jsondecode(...)) sends
# it minified, which is how Organizations counts its 5,120-character limit.

resource "aws_organizations_policy" "lzgen-core-organization" {
  name        = "lzgen-core-organization"
  description = "lzgen core guardrail: accounts cannot leave the organization, deregister delegated administrators, touch lzgen's policies or stop, delete or reconfigure CloudTrail, GuardDuty, Security Hub, AWS Config or IAM Access Analyzer. Deployer and break-glass roles are exempt."
  type        = "SERVICE_CONTROL_POLICY"
  content     = jsonencode(jsondecode(file("${path.module}/scp/lzgen-core-organization.json")))

  # Organizations takes policies only once the organization exists with the
  # SERVICE_CONTROL_POLICY type enabled, which nothing in the policy references.
  depends_on = [aws_organizations_organization.this]
}

resource "aws_organizations_policy_attachment" "lzgen-core-organization_root" {
  policy_id = aws_organizations_policy.lzgen-core-organization.id
  target_id = "r-gl01"
}

resource "aws_organizations_policy" "lzgen-core-identity" {
  name        = "lzgen-core-identity"
  description = "lzgen core guardrail: lzgen's platform roles and every role tagged ManagedBy=lzgen cannot be created, changed or deleted, and no ManagedBy tag can be removed or overwritten on lzgen's resources. Deployer and break-glass roles are exempt."
  type        = "SERVICE_CONTROL_POLICY"
  content     = jsonencode(jsondecode(file("${path.module}/scp/lzgen-core-identity.json")))

  # Organizations takes policies only once the organization exists with the
  # SERVICE_CONTROL_POLICY type enabled, which nothing in the policy references.
  depends_on = [aws_organizations_organization.this]
}

resource "aws_organizations_policy_attachment" "lzgen-core-identity_root" {
  policy_id = aws_organizations_policy.lzgen-core-identity.id
  target_id = "r-gl01"
}

resource "aws_organizations_policy" "lzgen-core-resources" {
  name        = "lzgen-core-resources"
  description = "lzgen core guardrail: the log archive bucket and its objects, lzgen's KMS keys, flow logs, log groups, transit gateways, peerings and RAM shares cannot be deleted or reconfigured. Deployer and break-glass roles are exempt."
  type        = "SERVICE_CONTROL_POLICY"
  content     = jsonencode(jsondecode(file("${path.module}/scp/lzgen-core-resources.json")))

  # Organizations takes policies only once the organization exists with the
  # SERVICE_CONTROL_POLICY type enabled, which nothing in the policy references.
  depends_on = [aws_organizations_organization.this]
}

resource "aws_organizations_policy_attachment" "lzgen-core-resources_root" {
  policy_id = aws_organizations_policy.lzgen-core-resources.id
  target_id = "r-gl01"
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
