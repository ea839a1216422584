# Service Catalog portfolio platform-blueprints of Platform Team, published from account shared-services.
# Blueprint templates are copied next to this file (blueprints/) and uploaded from there; each
# version's artifact names its template's object version, so a changed template is a new
# object version and never overwrites what a launched product was built from.

# The template bucket's key.
resource "aws_kms_key" "platform-blueprints" {
  description             = "Service Catalog portfolio platform-blueprints: blueprint templates"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministers"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
    ]
  })
}

resource "aws_kms_alias" "platform-blueprints" {
  name          = "alias/lzgen/service-catalog/platform-blueprints"
  target_key_id = aws_kms_key.platform-blueprints.key_id
}

resource "aws_s3_bucket" "platform-blueprints" {
  # checkov:skip=CKV_AWS_18: blueprint templates: access logging needs a second bucket that fails this check in turn (and cannot use SSE-KMS); TLS-only policy, versioning and the organization trail record every access
  # checkov:skip=CKV_AWS_144: blueprint templates: the rendered tree is their source of truth, and Service Catalog keeps its own copy of every published version
  bucket = "lzgen-sc-platform-blueprints-${local.account_id}-us-east-1"
}

resource "aws_s3_bucket_ownership_controls" "platform-blueprints" {
  bucket = aws_s3_bucket.platform-blueprints.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "platform-blueprints" {
  bucket                  = aws_s3_bucket.platform-blueprints.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Every template version is kept: an artifact names the object version it was made from.
resource "aws_s3_bucket_versioning" "platform-blueprints" {
  bucket = aws_s3_bucket.platform-blueprints.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "platform-blueprints" {
  bucket = aws_s3_bucket.platform-blueprints.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.platform-blueprints.arn
    }
  }
}

# Templates superseded for a year go; failed multipart uploads after 7 days.
resource "aws_s3_bucket_lifecycle_configuration" "platform-blueprints" {
  bucket = aws_s3_bucket.platform-blueprints.id

  rule {
    id     = "expire-superseded-templates"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 365
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.platform-blueprints]
}

# Template uploads are events on the default event bus, for whoever audits them.
resource "aws_s3_bucket_notification" "platform-blueprints" {
  bucket      = aws_s3_bucket.platform-blueprints.id
  eventbridge = true
}

# TLS only.
resource "aws_s3_bucket_policy" "platform-blueprints" {
  bucket = aws_s3_bucket.platform-blueprints.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.platform-blueprints.arn, "${aws_s3_bucket.platform-blueprints.arn}/*"]
        Condition = {
          Bool = { "aws:SecureTransport" = "false" }
        }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.platform-blueprints]
}

resource "aws_s3_object" "platform-blueprints_core-build-tools_v1" {
  bucket       = aws_s3_bucket.platform-blueprints.id
  key          = "blueprints/core-build-tools/v1.yaml"
  source       = "${path.module}/blueprints/core-build-tools/v1.yaml"
  source_hash  = filemd5("${path.module}/blueprints/core-build-tools/v1.yaml")
  content_type = "application/x-yaml"
  kms_key_id   = aws_kms_key.platform-blueprints.arn

  depends_on = [aws_s3_bucket_versioning.platform-blueprints]
}

resource "aws_s3_object" "platform-blueprints_ecs-fargate-service_v1" {
  bucket       = aws_s3_bucket.platform-blueprints.id
  key          = "blueprints/ecs-fargate-service/v1.yaml"
  source       = "${path.module}/blueprints/ecs-fargate-service/v1.yaml"
  source_hash  = filemd5("${path.module}/blueprints/ecs-fargate-service/v1.yaml")
  content_type = "application/x-yaml"
  kms_key_id   = aws_kms_key.platform-blueprints.arn

  depends_on = [aws_s3_bucket_versioning.platform-blueprints]
}

resource "aws_s3_object" "platform-blueprints_private-api-fargate_v1" {
  bucket       = aws_s3_bucket.platform-blueprints.id
  key          = "blueprints/private-api-fargate/v1.yaml"
  source       = "${path.module}/blueprints/private-api-fargate/v1.yaml"
  source_hash  = filemd5("${path.module}/blueprints/private-api-fargate/v1.yaml")
  content_type = "application/x-yaml"
  kms_key_id   = aws_kms_key.platform-blueprints.arn

  depends_on = [aws_s3_bucket_versioning.platform-blueprints]
}

resource "aws_s3_object" "platform-blueprints_private-rest-api_v1" {
  bucket       = aws_s3_bucket.platform-blueprints.id
  key          = "blueprints/private-rest-api/v1.yaml"
  source       = "${path.module}/blueprints/private-rest-api/v1.yaml"
  source_hash  = filemd5("${path.module}/blueprints/private-rest-api/v1.yaml")
  content_type = "application/x-yaml"
  kms_key_id   = aws_kms_key.platform-blueprints.arn

  depends_on = [aws_s3_bucket_versioning.platform-blueprints]
}

resource "aws_servicecatalog_portfolio" "platform-blueprints" {
  name          = "platform-blueprints"
  description   = "Governed ways to build and release applications"
  provider_name = "Platform Team"
}

# Product core-build-tools: v1; launched as role SCLaunch-core-build-tools of the launching account.
resource "aws_servicecatalog_product" "platform-blueprints_core-build-tools" {
  name        = "core-build-tools"
  description = "Source repository, CodeBuild image build, ECR repository and artifact bucket of one application"
  owner       = "Platform Team"
  distributor = "Platform Team"
  type        = "CLOUD_FORMATION_TEMPLATE"

  support_email = "platform@example.com"

  provisioning_artifact_parameters {
    name         = "v1"
    description  = "First release"
    type         = "CLOUD_FORMATION_TEMPLATE"
    template_url = "https://${aws_s3_bucket.platform-blueprints.bucket_regional_domain_name}/${aws_s3_object.platform-blueprints_core-build-tools_v1.key}?versionId=${aws_s3_object.platform-blueprints_core-build-tools_v1.version_id}"
  }

  # The product's first version is created with it; a later change to that version's template
  # would replace the product (and orphan what was launched from it): publish a new version.
  lifecycle {
    ignore_changes = [provisioning_artifact_parameters]
  }
}

resource "aws_servicecatalog_product_portfolio_association" "platform-blueprints_core-build-tools" {
  portfolio_id = aws_servicecatalog_portfolio.platform-blueprints.id
  product_id   = aws_servicecatalog_product.platform-blueprints_core-build-tools.id
}

resource "aws_servicecatalog_constraint" "platform-blueprints_core-build-tools_launch" {
  description  = "Launch as role SCLaunch-core-build-tools of the launching account"
  portfolio_id = aws_servicecatalog_portfolio.platform-blueprints.id
  product_id   = aws_servicecatalog_product.platform-blueprints_core-build-tools.id
  type         = "LAUNCH"
  parameters = jsonencode({
    LocalRoleName = "SCLaunch-core-build-tools"
  })

  depends_on = [
    aws_servicecatalog_product_portfolio_association.platform-blueprints_core-build-tools,
    aws_iam_role.platform-blueprints_launch_sclaunch-core-build-tools,
  ]
}

# Product ecs-fargate-service: v1; launched as role SCLaunch-ecs-fargate-service of the launching account.
resource "aws_servicecatalog_product" "platform-blueprints_ecs-fargate-service" {
  name        = "ecs-fargate-service"
  description = "An ECS service on Fargate in private subnets, with a pipeline that builds and deploys every commit"
  owner       = "Platform Team"
  distributor = "Platform Team"
  type        = "CLOUD_FORMATION_TEMPLATE"

  support_email = "platform@example.com"

  provisioning_artifact_parameters {
    name         = "v1"
    description  = "First release"
    type         = "CLOUD_FORMATION_TEMPLATE"
    template_url = "https://${aws_s3_bucket.platform-blueprints.bucket_regional_domain_name}/${aws_s3_object.platform-blueprints_ecs-fargate-service_v1.key}?versionId=${aws_s3_object.platform-blueprints_ecs-fargate-service_v1.version_id}"
  }

  # The product's first version is created with it; a later change to that version's template
  # would replace the product (and orphan what was launched from it): publish a new version.
  lifecycle {
    ignore_changes = [provisioning_artifact_parameters]
  }
}

resource "aws_servicecatalog_product_portfolio_association" "platform-blueprints_ecs-fargate-service" {
  portfolio_id = aws_servicecatalog_portfolio.platform-blueprints.id
  product_id   = aws_servicecatalog_product.platform-blueprints_ecs-fargate-service.id
}

resource "aws_servicecatalog_constraint" "platform-blueprints_ecs-fargate-service_launch" {
  description  = "Launch as role SCLaunch-ecs-fargate-service of the launching account"
  portfolio_id = aws_servicecatalog_portfolio.platform-blueprints.id
  product_id   = aws_servicecatalog_product.platform-blueprints_ecs-fargate-service.id
  type         = "LAUNCH"
  parameters = jsonencode({
    LocalRoleName = "SCLaunch-ecs-fargate-service"
  })

  depends_on = [
    aws_servicecatalog_product_portfolio_association.platform-blueprints_ecs-fargate-service,
    aws_iam_role.platform-blueprints_launch_sclaunch-ecs-fargate-service,
  ]
}

# Parameters pinned to this landing zone: VpcId, Subnets, ClusterName, DesiredCount.
resource "aws_servicecatalog_constraint" "platform-blueprints_ecs-fargate-service_template" {
  description  = "Parameters pinned by lzgen: VpcId, Subnets, ClusterName, DesiredCount"
  portfolio_id = aws_servicecatalog_portfolio.platform-blueprints.id
  product_id   = aws_servicecatalog_product.platform-blueprints_ecs-fargate-service.id
  type         = "TEMPLATE"
  parameters = jsonencode({
    Rules = {
      VpcIdPinned = {
        Assertions = [
          {
            Assert            = { "Fn::Contains" = [[data.terraform_remote_state.shared-services_us-east-1.outputs.shared-prod_vpc_id], { Ref = "VpcId" }] }
            AssertDescription = "VpcId is VPC shared-prod"
          },
        ]
      }
      SubnetsPinned = {
        Assertions = [
          {
            Assert            = { "Fn::EachMemberIn" = [{ Ref = "Subnets" }, data.terraform_remote_state.shared-services_us-east-1.outputs.shared-prod_subnet_ids["app"]] }
            AssertDescription = "Subnets lists only subnets of tier app of VPC shared-prod"
          },
        ]
      }
      ClusterNamePinned = {
        Assertions = [
          {
            Assert            = { "Fn::Contains" = [["apps"], { Ref = "ClusterName" }] }
            AssertDescription = "ClusterName is ECS cluster apps of the launching account"
          },
        ]
      }
      DesiredCountPinned = {
        Assertions = [
          {
            Assert            = { "Fn::Contains" = [["1", "2", "3"], { Ref = "DesiredCount" }] }
            AssertDescription = "DesiredCount is one of 1, 2, 3"
          },
        ]
      }
    }
  })

  depends_on = [aws_servicecatalog_product_portfolio_association.platform-blueprints_ecs-fargate-service]
}

# Product private-api-fargate: v1; launched as role SCLaunch-private-api-fargate of the launching account.
resource "aws_servicecatalog_product" "platform-blueprints_private-api-fargate" {
  name        = "private-api-fargate"
  description = "An IAM-authorized API Gateway REST API proxying through a VPC link and an internal NLB to an ECS service on Fargate"
  owner       = "Platform Team"
  distributor = "Platform Team"
  type        = "CLOUD_FORMATION_TEMPLATE"

  support_email = "platform@example.com"

  provisioning_artifact_parameters {
    name         = "v1"
    description  = "First release"
    type         = "CLOUD_FORMATION_TEMPLATE"
    template_url = "https://${aws_s3_bucket.platform-blueprints.bucket_regional_domain_name}/${aws_s3_object.platform-blueprints_private-api-fargate_v1.key}?versionId=${aws_s3_object.platform-blueprints_private-api-fargate_v1.version_id}"
  }

  # The product's first version is created with it; a later change to that version's template
  # would replace the product (and orphan what was launched from it): publish a new version.
  lifecycle {
    ignore_changes = [provisioning_artifact_parameters]
  }
}

resource "aws_servicecatalog_product_portfolio_association" "platform-blueprints_private-api-fargate" {
  portfolio_id = aws_servicecatalog_portfolio.platform-blueprints.id
  product_id   = aws_servicecatalog_product.platform-blueprints_private-api-fargate.id
}

resource "aws_servicecatalog_constraint" "platform-blueprints_private-api-fargate_launch" {
  description  = "Launch as role SCLaunch-private-api-fargate of the launching account"
  portfolio_id = aws_servicecatalog_portfolio.platform-blueprints.id
  product_id   = aws_servicecatalog_product.platform-blueprints_private-api-fargate.id
  type         = "LAUNCH"
  parameters = jsonencode({
    LocalRoleName = "SCLaunch-private-api-fargate"
  })

  depends_on = [
    aws_servicecatalog_product_portfolio_association.platform-blueprints_private-api-fargate,
    aws_iam_role.platform-blueprints_launch_sclaunch-private-api-fargate,
  ]
}

# Parameters pinned to this landing zone: VpcId, Subnets, ClusterName.
resource "aws_servicecatalog_constraint" "platform-blueprints_private-api-fargate_template" {
  description  = "Parameters pinned by lzgen: VpcId, Subnets, ClusterName"
  portfolio_id = aws_servicecatalog_portfolio.platform-blueprints.id
  product_id   = aws_servicecatalog_product.platform-blueprints_private-api-fargate.id
  type         = "TEMPLATE"
  parameters = jsonencode({
    Rules = {
      VpcIdPinned = {
        Assertions = [
          {
            Assert            = { "Fn::Contains" = [[data.terraform_remote_state.shared-services_us-east-1.outputs.shared-prod_vpc_id], { Ref = "VpcId" }] }
            AssertDescription = "VpcId is VPC shared-prod"
          },
        ]
      }
      SubnetsPinned = {
        Assertions = [
          {
            Assert            = { "Fn::EachMemberIn" = [{ Ref = "Subnets" }, data.terraform_remote_state.shared-services_us-east-1.outputs.shared-prod_subnet_ids["app"]] }
            AssertDescription = "Subnets lists only subnets of tier app of VPC shared-prod"
          },
        ]
      }
      ClusterNamePinned = {
        Assertions = [
          {
            Assert            = { "Fn::Contains" = [["apps"], { Ref = "ClusterName" }] }
            AssertDescription = "ClusterName is ECS cluster apps of the launching account"
          },
        ]
      }
    }
  })

  depends_on = [aws_servicecatalog_product_portfolio_association.platform-blueprints_private-api-fargate]
}

# Product private-rest-api: v1; launched as role SCLaunch-private-rest-api of the launching account.
resource "aws_servicecatalog_product" "platform-blueprints_private-rest-api" {
  name        = "private-rest-api"
  description = "A PRIVATE API Gateway REST API reachable only through its own execute-api interface endpoint"
  owner       = "Platform Team"
  distributor = "Platform Team"
  type        = "CLOUD_FORMATION_TEMPLATE"

  support_email = "platform@example.com"

  provisioning_artifact_parameters {
    name         = "v1"
    description  = "First release"
    type         = "CLOUD_FORMATION_TEMPLATE"
    template_url = "https://${aws_s3_bucket.platform-blueprints.bucket_regional_domain_name}/${aws_s3_object.platform-blueprints_private-rest-api_v1.key}?versionId=${aws_s3_object.platform-blueprints_private-rest-api_v1.version_id}"
  }

  # The product's first version is created with it; a later change to that version's template
  # would replace the product (and orphan what was launched from it): publish a new version.
  lifecycle {
    ignore_changes = [provisioning_artifact_parameters]
  }
}

resource "aws_servicecatalog_product_portfolio_association" "platform-blueprints_private-rest-api" {
  portfolio_id = aws_servicecatalog_portfolio.platform-blueprints.id
  product_id   = aws_servicecatalog_product.platform-blueprints_private-rest-api.id
}

resource "aws_servicecatalog_constraint" "platform-blueprints_private-rest-api_launch" {
  description  = "Launch as role SCLaunch-private-rest-api of the launching account"
  portfolio_id = aws_servicecatalog_portfolio.platform-blueprints.id
  product_id   = aws_servicecatalog_product.platform-blueprints_private-rest-api.id
  type         = "LAUNCH"
  parameters = jsonencode({
    LocalRoleName = "SCLaunch-private-rest-api"
  })

  depends_on = [
    aws_servicecatalog_product_portfolio_association.platform-blueprints_private-rest-api,
    aws_iam_role.platform-blueprints_launch_sclaunch-private-rest-api,
  ]
}

# Parameters pinned to this landing zone: VpcId, Subnets.
resource "aws_servicecatalog_constraint" "platform-blueprints_private-rest-api_template" {
  description  = "Parameters pinned by lzgen: VpcId, Subnets"
  portfolio_id = aws_servicecatalog_portfolio.platform-blueprints.id
  product_id   = aws_servicecatalog_product.platform-blueprints_private-rest-api.id
  type         = "TEMPLATE"
  parameters = jsonencode({
    Rules = {
      VpcIdPinned = {
        Assertions = [
          {
            Assert            = { "Fn::Contains" = [[data.terraform_remote_state.shared-services_us-east-1.outputs.shared-prod_vpc_id], { Ref = "VpcId" }] }
            AssertDescription = "VpcId is VPC shared-prod"
          },
        ]
      }
      SubnetsPinned = {
        Assertions = [
          {
            Assert            = { "Fn::EachMemberIn" = [{ Ref = "Subnets" }, data.terraform_remote_state.shared-services_us-east-1.outputs.shared-prod_subnet_ids["app"]] }
            AssertDescription = "Subnets lists only subnets of tier app of VPC shared-prod"
          },
        ]
      }
    }
  })

  depends_on = [aws_servicecatalog_product_portfolio_association.platform-blueprints_private-rest-api]
}

# OU Workloads, through Organizations: every account in it (and below) sees the portfolio.
resource "aws_servicecatalog_portfolio_share" "platform-blueprints_ou_workloads" {
  portfolio_id     = aws_servicecatalog_portfolio.platform-blueprints.id
  type             = "ORGANIZATIONAL_UNIT"
  principal_id     = data.terraform_remote_state.organization.outputs.ou_arns["Workloads"]
  share_principals = true
}

resource "aws_servicecatalog_portfolio_share" "platform-blueprints_app-a" {
  portfolio_id     = aws_servicecatalog_portfolio.platform-blueprints.id
  type             = "ORGANIZATION_MEMBER_ACCOUNT"
  principal_id     = data.terraform_remote_state.organization.outputs.account_ids["app-a"]
  share_principals = true
}

# Role ProductTeam of every account the portfolio reaches (shared by name) may launch.
resource "aws_servicecatalog_principal_portfolio_association" "platform-blueprints_principal_productteam" {
  portfolio_id   = aws_servicecatalog_portfolio.platform-blueprints.id
  principal_arn  = "arn:aws:iam:::role/ProductTeam"
  principal_type = "IAM_PATTERN"
}
