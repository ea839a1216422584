# The bootstrap: what every other stack needs before its first init. Apply it first, with the
# management account's own administrator credentials and local state, then migrate its state
# into the bucket it creates (README, First apply).

# The state bucket's key; the pipeline role and this account's administrators use it.
resource "aws_kms_key" "state" {
  description             = "Terraform state bucket globex-terraform-state"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministers"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::100000000001:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
    ]
  })

  tags = {
    Name = "terraform-state"
  }
}

resource "aws_kms_alias" "state" {
  name          = "alias/lzgen/terraform-state"
  target_key_id = aws_kms_key.state.key_id
}

resource "aws_s3_bucket" "state" {
  # checkov:skip=CKV_AWS_18: Terraform state: access logging needs a second bucket that fails this check in turn (and cannot use SSE-KMS); TLS-only policy, versioning and the organization trail record every access
  # checkov:skip=CKV_AWS_144: Terraform state: cross-region replication is a data-residency and cost decision the org file does not make; versioning and prevent_destroy guard deletion
  bucket        = "globex-terraform-state"
  force_destroy = false

  tags = {
    Name = "globex-terraform-state"
  }

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket_ownership_controls" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "state" {
  bucket                  = aws_s3_bucket.state.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Every state version is kept, so a bad apply can be rolled back.
resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.state.arn
    }
  }
}

# Old state versions go after 90 days; failed multipart uploads after 7.
resource "aws_s3_bucket_lifecycle_configuration" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    id     = "expire-noncurrent-state-versions"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 90
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.state]
}

# State writes are events on the default event bus, for whoever audits them.
resource "aws_s3_bucket_notification" "state" {
  bucket      = aws_s3_bucket.state.id
  eventbridge = true
}

# TLS only. Terraform's S3 backend locks with a lock object next to the state (use_lockfile),
# so no DynamoDB table is needed.
resource "aws_s3_bucket_policy" "state" {
  bucket = aws_s3_bucket.state.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.state.arn, "${aws_s3_bucket.state.arn}/*"]
        Condition = {
          Bool = { "aws:SecureTransport" = "false" }
        }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.state]
}

# The pipeline role: every stack runs as it. In the management account it acts directly; in a
# member account it assumes the deployer role (lzgen-deployer), which trusts only this role.
resource "aws_iam_role" "pipeline" {
  name                 = "lzgen-pipeline"
  description          = "Runs the lzgen stacks of globex"
  max_session_duration = 3600
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "Operators"
        Effect    = "Allow"
        Principal = { AWS = ["arn:aws:iam::100000000001:role/PlatformAdmin"] }
        Action    = "sts:AssumeRole"
      },
    ]
  })
}

# Deploying a landing zone means creating the organization, its policies, roles, keys and
# networks: the pipeline role administers the management account. What is narrow is who may
# assume it (above), and the deployer role in member accounts trusts only it.
resource "aws_iam_role_policy_attachment" "pipeline_administrator" {
  # checkov:skip=CKV_AWS_274: the one role that deploys the landing zone administers the management account; its trust (named roles or CI's OIDC subjects, one-hour sessions) is what is narrow
  role       = aws_iam_role.pipeline.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
