# The organization exists already and is imported (imports.tf). Trusted access and policy
# types below are authoritative: anything the organization has enabled and this list lacks
# would be disabled, so the org file lists what it keeps (trusted_services, policy_types).
resource "aws_organizations_organization" "this" {
  feature_set = "ALL"
  aws_service_access_principals = [
    "member.org.stacksets.cloudformation.amazonaws.com",
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
  parent_id = "r-br01"

  lifecycle {
    prevent_destroy = true
  }
}
