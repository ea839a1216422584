
# Service Catalog shares portfolios through Organizations (trusted access in organization.tf).
resource "aws_servicecatalog_organizations_access" "this" {
  enabled = true

  depends_on = [aws_organizations_organization.this]
}
