# Service Catalog portfolio team-tools of Platform Team, published from account management.
# Blueprint templates are copied next to this file (blueprints/) and uploaded from there; each
# version's artifact names its template's object version, so a changed template is a new
# object version and never overwrites what a launched product was built from.

# The template bucket's key.
resource "aws_kms_key" "team-tools" {
  description             = "Service Catalog portfolio team-tools: blueprint templates"
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

resource "aws_kms_alias" "team-tools" {
  name          = "alias/lzgen/service-catalog/team-tools"
  target_key_id = aws_kms_key.team-tools.key_id
}

resource "aws_s3_bucket" "team-tools" {
  # checkov:skip=CKV_AWS_18: blueprint templates: access logging needs a second bucket that fails this check in turn (and cannot use SSE-KMS); TLS-only policy, versioning and the organization trail record every access
  # checkov:skip=CKV_AWS_144: blueprint templates: the rendered tree is their source of truth, and Service Catalog keeps its own copy of every published version
  bucket = "lzgen-sc-team-tools-${local.account_id}-eu-west-1"
}

resource "aws_s3_bucket_ownership_controls" "team-tools" {
  bucket = aws_s3_bucket.team-tools.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "team-tools" {
  bucket                  = aws_s3_bucket.team-tools.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Every template version is kept: an artifact names the object version it was made from.
resource "aws_s3_bucket_versioning" "team-tools" {
  bucket = aws_s3_bucket.team-tools.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "team-tools" {
  bucket = aws_s3_bucket.team-tools.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.team-tools.arn
    }
  }
}

# Templates superseded for a year go; failed multipart uploads after 7 days.
resource "aws_s3_bucket_lifecycle_configuration" "team-tools" {
  bucket = aws_s3_bucket.team-tools.id

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

  depends_on = [aws_s3_bucket_versioning.team-tools]
}

# Template uploads are events on the default event bus, for whoever audits them.
resource "aws_s3_bucket_notification" "team-tools" {
  bucket      = aws_s3_bucket.team-tools.id
  eventbridge = true
}

# TLS only.
resource "aws_s3_bucket_policy" "team-tools" {
  bucket = aws_s3_bucket.team-tools.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.team-tools.arn, "${aws_s3_bucket.team-tools.arn}/*"]
        Condition = {
          Bool = { "aws:SecureTransport" = "false" }
        }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.team-tools]
}

resource "aws_s3_object" "team-tools_team-queue_v1" {
  bucket       = aws_s3_bucket.team-tools.id
  key          = "blueprints/team-queue/v1.yaml"
  source       = "${path.module}/blueprints/team-queue/v1.yaml"
  source_hash  = filemd5("${path.module}/blueprints/team-queue/v1.yaml")
  content_type = "application/x-yaml"
  kms_key_id   = aws_kms_key.team-tools.arn

  depends_on = [aws_s3_bucket_versioning.team-tools]
}

resource "aws_s3_object" "team-tools_team-queue_v2" {
  bucket       = aws_s3_bucket.team-tools.id
  key          = "blueprints/team-queue/v2.yaml"
  source       = "${path.module}/blueprints/team-queue/v2.yaml"
  source_hash  = filemd5("${path.module}/blueprints/team-queue/v2.yaml")
  content_type = "application/x-yaml"
  kms_key_id   = aws_kms_key.team-tools.arn

  depends_on = [aws_s3_bucket_versioning.team-tools]
}

resource "aws_s3_object" "team-tools_core-build-tools_v1" {
  bucket       = aws_s3_bucket.team-tools.id
  key          = "blueprints/core-build-tools/v1.yaml"
  source       = "${path.module}/blueprints/core-build-tools/v1.yaml"
  source_hash  = filemd5("${path.module}/blueprints/core-build-tools/v1.yaml")
  content_type = "application/x-yaml"
  kms_key_id   = aws_kms_key.team-tools.arn

  depends_on = [aws_s3_bucket_versioning.team-tools]
}

resource "aws_servicecatalog_portfolio" "team-tools" {
  name          = "team-tools"
  description   = "Blueprints of Platform Team"
  provider_name = "Platform Team"
}

# Product team-queue: v1, v2; launched as role SCLaunch-queues of the launching account.
resource "aws_servicecatalog_product" "team-tools_team-queue" {
  name        = "team-queue"
  description = "An encrypted SQS queue with a dead-letter queue, a team's own blueprint"
  owner       = "Product Team A"
  distributor = "Platform Team"
  type        = "CLOUD_FORMATION_TEMPLATE"

  support_email = "team-a@example.com"

  provisioning_artifact_parameters {
    name         = "v1"
    description  = "First release"
    type         = "CLOUD_FORMATION_TEMPLATE"
    template_url = "https://${aws_s3_bucket.team-tools.bucket_regional_domain_name}/${aws_s3_object.team-tools_team-queue_v1.key}?versionId=${aws_s3_object.team-tools_team-queue_v1.version_id}"
  }

  # The product's first version is created with it; a later change to that version's template
  # would replace the product (and orphan what was launched from it): publish a new version.
  lifecycle {
    ignore_changes = [provisioning_artifact_parameters]
  }
}

resource "aws_servicecatalog_provisioning_artifact" "team-tools_team-queue_v2" {
  product_id   = aws_servicecatalog_product.team-tools_team-queue.id
  name         = "v2"
  description  = "Longer message retention allowed"
  type         = "CLOUD_FORMATION_TEMPLATE"
  template_url = "https://${aws_s3_bucket.team-tools.bucket_regional_domain_name}/${aws_s3_object.team-tools_team-queue_v2.key}?versionId=${aws_s3_object.team-tools_team-queue_v2.version_id}"
}

resource "aws_servicecatalog_product_portfolio_association" "team-tools_team-queue" {
  portfolio_id = aws_servicecatalog_portfolio.team-tools.id
  product_id   = aws_servicecatalog_product.team-tools_team-queue.id
}

resource "aws_servicecatalog_constraint" "team-tools_team-queue_launch" {
  description  = "Launch as role SCLaunch-queues of the launching account"
  portfolio_id = aws_servicecatalog_portfolio.team-tools.id
  product_id   = aws_servicecatalog_product.team-tools_team-queue.id
  type         = "LAUNCH"
  parameters = jsonencode({
    LocalRoleName = "SCLaunch-queues"
  })

  depends_on = [
    aws_servicecatalog_product_portfolio_association.team-tools_team-queue,
    aws_iam_role.team-tools_launch_sclaunch-queues,
  ]
}

# Parameters pinned to this landing zone: RetentionSeconds.
resource "aws_servicecatalog_constraint" "team-tools_team-queue_template" {
  description  = "Parameters pinned by lzgen: RetentionSeconds"
  portfolio_id = aws_servicecatalog_portfolio.team-tools.id
  product_id   = aws_servicecatalog_product.team-tools_team-queue.id
  type         = "TEMPLATE"
  parameters = jsonencode({
    Rules = {
      RetentionSecondsPinned = {
        Assertions = [
          {
            Assert            = { "Fn::Contains" = [["86400", "345600"], { Ref = "RetentionSeconds" }] }
            AssertDescription = "RetentionSeconds is one of 86400, 345600"
          },
        ]
      }
    }
  })

  depends_on = [aws_servicecatalog_product_portfolio_association.team-tools_team-queue]
}

# Product core-build-tools: v1; launched as role SCLaunch-core-build-tools of the launching account.
resource "aws_servicecatalog_product" "team-tools_core-build-tools" {
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
    template_url = "https://${aws_s3_bucket.team-tools.bucket_regional_domain_name}/${aws_s3_object.team-tools_core-build-tools_v1.key}?versionId=${aws_s3_object.team-tools_core-build-tools_v1.version_id}"
  }

  # The product's first version is created with it; a later change to that version's template
  # would replace the product (and orphan what was launched from it): publish a new version.
  lifecycle {
    ignore_changes = [provisioning_artifact_parameters]
  }
}

resource "aws_servicecatalog_product_portfolio_association" "team-tools_core-build-tools" {
  portfolio_id = aws_servicecatalog_portfolio.team-tools.id
  product_id   = aws_servicecatalog_product.team-tools_core-build-tools.id
}

resource "aws_servicecatalog_constraint" "team-tools_core-build-tools_launch" {
  description  = "Launch as role SCLaunch-core-build-tools of the launching account"
  portfolio_id = aws_servicecatalog_portfolio.team-tools.id
  product_id   = aws_servicecatalog_product.team-tools_core-build-tools.id
  type         = "LAUNCH"
  parameters = jsonencode({
    LocalRoleName = "SCLaunch-core-build-tools"
  })

  depends_on = [
    aws_servicecatalog_product_portfolio_association.team-tools_core-build-tools,
    aws_iam_role.team-tools_launch_sclaunch-core-build-tools,
  ]
}

# OU Sandbox, through Organizations: every account in it (and below) sees the portfolio.
resource "aws_servicecatalog_portfolio_share" "team-tools_ou_sandbox" {
  portfolio_id     = aws_servicecatalog_portfolio.team-tools.id
  type             = "ORGANIZATIONAL_UNIT"
  principal_id     = data.terraform_remote_state.organization.outputs.ou_arns["Sandbox"]
  share_principals = true
}

# Role aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Developer_* of every account the portfolio reaches (shared by name) may launch.
resource "aws_servicecatalog_principal_portfolio_association" "team-tools_principal_aws-reserved-sso-amazonaws-com-eu-west-1-awsreservedsso-developer" {
  portfolio_id   = aws_servicecatalog_portfolio.team-tools.id
  principal_arn  = "arn:aws:iam:::role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Developer_*"
  principal_type = "IAM_PATTERN"
}
