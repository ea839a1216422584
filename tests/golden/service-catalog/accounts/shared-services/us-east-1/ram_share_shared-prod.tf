# Subnets of VPC shared-prod shared through AWS RAM with accounts of this organization.

resource "aws_ram_resource_share" "shared-prod_app" {
  name                      = "shared-prod-app"
  allow_external_principals = false

  tags = {
    Name = "shared-prod-app"
  }
}

resource "aws_ram_resource_association" "shared-prod_app_a" {
  resource_share_arn = aws_ram_resource_share.shared-prod_app.arn
  resource_arn       = aws_subnet.shared-prod_app_a.arn
}

resource "aws_ram_resource_association" "shared-prod_app_b" {
  resource_share_arn = aws_ram_resource_share.shared-prod_app.arn
  resource_arn       = aws_subnet.shared-prod_app_b.arn
}

resource "aws_ram_resource_association" "shared-prod_app_c" {
  resource_share_arn = aws_ram_resource_share.shared-prod_app.arn
  resource_arn       = aws_subnet.shared-prod_app_c.arn
}

# OU Workloads
resource "aws_ram_principal_association" "shared-prod_app_ou_workloads" {
  resource_share_arn = aws_ram_resource_share.shared-prod_app.arn
  principal          = data.terraform_remote_state.organization.outputs.ou_arns["Workloads"]
}
