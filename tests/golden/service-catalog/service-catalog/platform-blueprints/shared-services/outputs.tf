output "platform-blueprints_portfolio_id" {
  description = "Service Catalog portfolio platform-blueprints."
  value       = aws_servicecatalog_portfolio.platform-blueprints.id
}

output "platform-blueprints_product_ids" {
  description = "Product ids by blueprint name."
  value = {
    "core-build-tools"    = aws_servicecatalog_product.platform-blueprints_core-build-tools.id
    "ecs-fargate-service" = aws_servicecatalog_product.platform-blueprints_ecs-fargate-service.id
    "private-api-fargate" = aws_servicecatalog_product.platform-blueprints_private-api-fargate.id
    "private-rest-api"    = aws_servicecatalog_product.platform-blueprints_private-rest-api.id
  }
}
