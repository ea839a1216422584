# The log archive: one bucket for the organization's logs, encrypted with its own KMS key,
# versioned, never public, written to only by this organization's CloudTrail trail and by VPC
# flow log delivery for the accounts of the file whose VPCs send their flow logs here.
# Immutable: object lock on every version, and no principal but the roles below may delete or
# reconfigure the bucket or its key (baseline.log_retention, baseline.break_glass_role).
locals {
  organization_id = data.terraform_remote_state.organization.outputs.organization_id
  # the role that applies this stack, and the break-glass role
  log_archive_exempt_roles = [
    "arn:aws:iam::${local.account_id}:role/lzgen-deployer",
    "arn:aws:iam::${local.account_id}:role/lzgen-break-glass",
  ]
  # the accounts whose AWS Config recorders deliver here (security.config)
  config_accounts = [
    "200000000002",
    data.terraform_remote_state.organization.outputs.account_ids["payments"],
    "300000000003",
    data.terraform_remote_state.organization.outputs.account_ids["sandbox"],
    "400000000004",
    data.terraform_remote_state.organization.outputs.account_ids["audit"],
    "100000000001",
  ]
  # the GuardDuty administrator, whose detectors export the organization's findings here
  guardduty_account = data.terraform_remote_state.organization.outputs.account_ids["audit"]
}

# The key policy is inline (jsonencode): it is a resource policy on this key, where "*" means
# the key itself.
resource "aws_kms_key" "log_archive" {
  description             = "Log archive bucket log-archive-100000000001-globex"
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
      # Disabling or deleting the key, or loosening its policy, would make every log object
      # it encrypts unreadable.
      {
        Sid       = "DenyKeyDestructionExceptExemptRoles"
        Effect    = "Deny"
        Principal = { AWS = "*" }
        Action    = ["kms:DisableKey", "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion"]
        Resource  = "*"
        Condition = {
          ArnNotLike = { "aws:PrincipalArn" = local.log_archive_exempt_roles }
        }
      },
      {
        Sid       = "AuditReaderDecrypts"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${local.account_id}:role/lzgen-log-reader" }
        Action    = "kms:Decrypt"
        Resource  = "*"
      },
      # The trail encrypts its log files with its own key; objects it writes without naming
      # a key take this bucket's default.
      {
        Sid       = "OrganizationTrailEncrypts"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = ["kms:GenerateDataKey*", "kms:DescribeKey"]
        Resource  = "*"
        Condition = {
          StringEquals = { "aws:SourceArn" = "arn:aws:cloudtrail:eu-west-1:100000000001:trail/globex-organization-trail" }
        }
      },
      # AWS Config encrypts the configuration snapshots and history of these accounts.
      {
        Sid       = "ConfigDeliveryOfTheseAccounts"
        Effect    = "Allow"
        Principal = { Service = "config.amazonaws.com" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = "*"
        Condition = {
          StringEquals = { "aws:SourceAccount" = local.config_accounts }
        }
      },
      # GuardDuty encrypts the findings the administrator's detectors export.
      {
        Sid       = "GuardDutyFindingsExport"
        Effect    = "Allow"
        Principal = { Service = "guardduty.amazonaws.com" }
        Action    = "kms:GenerateDataKey"
        Resource  = "*"
        Condition = {
          StringEquals = { "aws:SourceAccount" = local.guardduty_account }
          ArnLike      = { "aws:SourceArn" = "arn:aws:guardduty:*:${local.guardduty_account}:detector/*" }
        }
      },
    ]
  })

  tags = {
    Name = "log-archive"
  }

  # the reader's ARN is written out so the policy is known at plan time; KMS requires that
  # every principal of a key policy exists
  depends_on = [aws_iam_role.log_reader]
}

resource "aws_kms_alias" "log_archive" {
  name          = "alias/lzgen/log-archive"
  target_key_id = aws_kms_key.log_archive.key_id
}

resource "aws_s3_bucket" "log_archive" {
  # checkov:skip=CKV_AWS_18: the log archive: access logging needs a second bucket that fails this check in turn (and cannot use SSE-KMS); TLS-only policy, versioning and the organization trail record every access
  # checkov:skip=CKV_AWS_144: the log archive: cross-region replication is a data-residency and cost decision the org file does not make; versioning and prevent_destroy guard deletion
  bucket              = "log-archive-100000000001-globex"
  force_destroy       = false
  object_lock_enabled = true

  tags = {
    Name = "log-archive-100000000001-globex"
  }

  lifecycle {
    prevent_destroy = true
    # a bucket created without object lock gets it from the configuration below, in place
    ignore_changes = [object_lock_enabled]
  }
}

resource "aws_s3_bucket_ownership_controls" "log_archive" {
  bucket = aws_s3_bucket.log_archive.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "log_archive" {
  bucket                  = aws_s3_bucket.log_archive.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "log_archive" {
  bucket = aws_s3_bucket.log_archive.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "log_archive" {
  bucket = aws_s3_bucket.log_archive.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.log_archive.arn
    }
  }
}


# Object lock in governance mode: no version can be overwritten or deleted during the
# retention period, except by a principal allowed s3:BypassGovernanceRetention (the bucket
# policy denies it to all but the exempt roles).
resource "aws_s3_bucket_object_lock_configuration" "log_archive" {
  bucket              = aws_s3_bucket.log_archive.id
  object_lock_enabled = "Enabled"

  rule {
    default_retention {
      mode = "GOVERNANCE"
      days = 365
    }
  }

  depends_on = [aws_s3_bucket_versioning.log_archive]
}

# Log objects move to cheaper storage as they age; they are kept until you decide otherwise.
# Versions made noncurrent expire once their retention (365 days) is over.
resource "aws_s3_bucket_lifecycle_configuration" "log_archive" {
  bucket = aws_s3_bucket.log_archive.id

  rule {
    id     = "abort-incomplete-multipart-uploads"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  rule {
    id     = "age-log-objects"
    status = "Enabled"

    filter {}

    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }

    transition {
      days          = 90
      storage_class = "GLACIER_IR"
    }

    transition {
      days          = 365
      storage_class = "DEEP_ARCHIVE"
    }

    noncurrent_version_expiration {
      noncurrent_days = 365
    }
  }

  depends_on = [aws_s3_bucket_versioning.log_archive]
}

# New log objects are events on the default event bus, for whoever wants to react to them.
resource "aws_s3_bucket_notification" "log_archive" {
  bucket      = aws_s3_bucket.log_archive.id
  eventbridge = true
}

data "aws_iam_policy_document" "log_archive_bucket" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.log_archive.arn,
      "${aws_s3_bucket.log_archive.arn}/*",
    ]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  statement {
    sid     = "DenyPrincipalsOutsideThisOrganization"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.log_archive.arn,
      "${aws_s3_bucket.log_archive.arn}/*",
    ]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "StringNotEquals"
      variable = "aws:PrincipalOrgID"
      values   = [local.organization_id]
    }

    condition {
      test     = "BoolIfExists"
      variable = "aws:PrincipalIsAWSService"
      values   = ["false"]
    }
  }

  # Nothing deletes a log object or loosens a protection of this bucket but the role that
  # applies this stack and the break-glass role (the account's root user can still delete
  # this policy: keep its credentials locked away).
  statement {
    sid    = "DenyDestructiveActionsExceptExemptRoles"
    effect = "Deny"
    actions = [
      "s3:BypassGovernanceRetention",
      "s3:DeleteBucket",
      "s3:DeleteBucketPolicy",
      "s3:DeleteObject",
      "s3:DeleteObjectVersion",
      "s3:PutBucketAcl",
      "s3:PutBucketObjectLockConfiguration",
      "s3:PutBucketOwnershipControls",
      "s3:PutBucketPolicy",
      "s3:PutBucketPublicAccessBlock",
      "s3:PutBucketVersioning",
      "s3:PutEncryptionConfiguration",
      "s3:PutLifecycleConfiguration",
      "s3:PutObjectLegalHold",
      "s3:PutObjectRetention",
      "s3:PutReplicationConfiguration",
    ]
    resources = [
      aws_s3_bucket.log_archive.arn,
      "${aws_s3_bucket.log_archive.arn}/*",
    ]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "ArnNotLike"
      variable = "aws:PrincipalArn"
      values   = local.log_archive_exempt_roles
    }
  }

  statement {
    sid       = "AuditReaderLists"
    actions   = ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketVersions"]
    resources = [aws_s3_bucket.log_archive.arn]

    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.log_reader.arn]
    }
  }

  statement {
    sid       = "AuditReaderReads"
    actions   = ["s3:GetObject", "s3:GetObjectVersion"]
    resources = ["${aws_s3_bucket.log_archive.arn}/*"]

    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.log_reader.arn]
    }
  }

  statement {
    sid       = "OrganizationTrailChecksAcl"
    actions   = ["s3:GetBucketAcl"]
    resources = [aws_s3_bucket.log_archive.arn]

    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = ["arn:aws:cloudtrail:eu-west-1:100000000001:trail/globex-organization-trail"]
    }
  }

  statement {
    sid     = "OrganizationTrailWrites"
    actions = ["s3:PutObject"]
    resources = [
      "${aws_s3_bucket.log_archive.arn}/AWSLogs/100000000001/*",
      "${aws_s3_bucket.log_archive.arn}/AWSLogs/${local.organization_id}/*",
    ]

    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = ["arn:aws:cloudtrail:eu-west-1:100000000001:trail/globex-organization-trail"]
    }

    condition {
      test     = "StringEquals"
      variable = "s3:x-amz-acl"
      values   = ["bucket-owner-full-control"]
    }
  }

  # AWS Config delivery (aws:SourceAccount, as AWS documents for Config's service principal)
  # for the accounts with recorders, each into its own prefix.
  statement {
    sid       = "ConfigDeliveryChecksBucket"
    actions   = ["s3:GetBucketAcl", "s3:ListBucket"]
    resources = [aws_s3_bucket.log_archive.arn]

    principals {
      type        = "Service"
      identifiers = ["config.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = local.config_accounts
    }
  }

  statement {
    sid     = "ConfigDeliveryWrites"
    actions = ["s3:PutObject"]
    resources = [
      for account in local.config_accounts :
      "${aws_s3_bucket.log_archive.arn}/AWSLogs/${account}/Config/*"
    ]

    principals {
      type        = "Service"
      identifiers = ["config.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = local.config_accounts
    }

    condition {
      test     = "StringEquals"
      variable = "s3:x-amz-acl"
      values   = ["bucket-owner-full-control"]
    }
  }

  # GuardDuty findings export from the administrator's detectors, into its own prefix.
  statement {
    sid       = "GuardDutyExportChecksBucket"
    actions   = ["s3:GetBucketLocation"]
    resources = [aws_s3_bucket.log_archive.arn]

    principals {
      type        = "Service"
      identifiers = ["guardduty.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.guardduty_account]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:guardduty:*:${local.guardduty_account}:detector/*"]
    }
  }

  statement {
    sid       = "GuardDutyExportWrites"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.log_archive.arn}/AWSLogs/${local.guardduty_account}/GuardDuty/*"]

    principals {
      type        = "Service"
      identifiers = ["guardduty.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.guardduty_account]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:guardduty:*:${local.guardduty_account}:detector/*"]
    }
  }
}

resource "aws_s3_bucket_policy" "log_archive" {
  bucket = aws_s3_bucket.log_archive.id
  policy = data.aws_iam_policy_document.log_archive_bucket.json

  depends_on = [aws_s3_bucket_public_access_block.log_archive]
}
