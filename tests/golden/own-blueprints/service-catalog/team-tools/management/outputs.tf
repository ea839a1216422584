output "team-tools_portfolio_id" {
  description = "Service Catalog portfolio team-tools."
  value       = aws_servicecatalog_portfolio.team-tools.id
}

output "team-tools_product_ids" {
  description = "Product ids by blueprint name."
  value = {
    "team-queue"       = aws_servicecatalog_product.team-tools_team-queue.id
    "core-build-tools" = aws_servicecatalog_product.team-tools_core-build-tools.id
  }
}
