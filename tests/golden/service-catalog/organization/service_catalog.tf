
# Service Catalog shares portfolios through Organizations (trusted access in organization.tf).
resource "aws_servicecatalog_organizations_access" "this" {
  enabled = true

  depends_on = [aws_organizations_organization.this]
}

# Account shared-services publishes portfolios and shares them with OUs: only the management
# account and Service Catalog's delegated administrators may.
resource "aws_organizations_delegated_administrator" "service-catalog_shared-services" {
  account_id        = aws_organizations_account.shared-services.id
  service_principal = "servicecatalog.amazonaws.com"

  depends_on = [aws_servicecatalog_organizations_access.this]
}
