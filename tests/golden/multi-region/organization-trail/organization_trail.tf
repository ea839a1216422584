# The organization trail: every account, every region, management and global service events,
# log file validation. Log files go to the log archive bucket encrypted with this stack's KMS
# key; events also go to a CloudWatch Logs group here, for metric filters and alarms.

locals {
  log_archive_account_id = "400000000004"
}

# The key policy is inline (jsonencode): it is a resource policy on this key, where "*" means
# the key itself.
resource "aws_kms_key" "organization_trail" {
  description             = "Organization trail globex-organization-trail"
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
      {
        Sid       = "OrganizationTrailEncrypts"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "kms:GenerateDataKey*"
        Resource  = "*"
        Condition = {
          StringEquals = { "aws:SourceArn" = "arn:aws:cloudtrail:eu-west-1:100000000001:trail/globex-organization-trail" }
          StringLike   = { "kms:EncryptionContext:aws:cloudtrail:arn" = "arn:aws:cloudtrail:*:100000000001:trail/*" }
        }
      },
      {
        Sid       = "OrganizationTrailDescribesKey"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "kms:DescribeKey"
        Resource  = "*"
        Condition = {
          StringEquals = { "aws:SourceArn" = "arn:aws:cloudtrail:eu-west-1:100000000001:trail/globex-organization-trail" }
        }
      },
      {
        Sid       = "LogArchiveAccountReadsTrailLogs"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${local.log_archive_account_id}:root" }
        Action    = ["kms:Decrypt", "kms:ReEncryptFrom"]
        Resource  = "*"
        Condition = {
          StringEquals = { "kms:CallerAccount" = local.log_archive_account_id }
          StringLike   = { "kms:EncryptionContext:aws:cloudtrail:arn" = "arn:aws:cloudtrail:*:100000000001:trail/*" }
        }
      },
      {
        Sid       = "CloudWatchLogsUsesForTheTrailGroup"
        Effect    = "Allow"
        Principal = { Service = "logs.eu-west-1.amazonaws.com" }
        Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
        Resource  = "*"
        Condition = {
          ArnEquals = { "kms:EncryptionContext:aws:logs:arn" = "arn:aws:logs:eu-west-1:100000000001:log-group:/lzgen/organization-trail" }
        }
      },
    ]
  })

  tags = {
    Name = "organization-trail"
  }
}

resource "aws_kms_alias" "organization_trail" {
  name          = "alias/lzgen/organization-trail"
  target_key_id = aws_kms_key.organization_trail.key_id
}

resource "aws_cloudwatch_log_group" "organization_trail" {
  name              = "/lzgen/organization-trail"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.organization_trail.arn
}

data "aws_iam_policy_document" "organization_trail_logs_trust" {
  statement {
    sid     = "ThisOrganizationTrail"
    actions = ["sts:AssumeRole"]

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
}

resource "aws_iam_role" "organization_trail_logs" {
  name               = "lzgen-organization-trail-logs"
  description        = "The organization trail delivers events to its log group"
  assume_role_policy = data.aws_iam_policy_document.organization_trail_logs_trust.json
}

data "aws_iam_policy_document" "organization_trail_logs_delivery" {
  statement {
    sid       = "DeliverToTheTrailGroupOnly"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.organization_trail.arn}:log-stream:*"]
  }
}

resource "aws_iam_role_policy" "organization_trail_logs" {
  name   = "deliver-to-log-group"
  role   = aws_iam_role.organization_trail_logs.id
  policy = data.aws_iam_policy_document.organization_trail_logs_delivery.json
}

resource "aws_cloudtrail" "organization" {
  # checkov:skip=CKV_AWS_252: an SNS message per log file of every account and region has no consumer; new objects go to EventBridge from the log archive bucket instead
  name                          = "globex-organization-trail"
  s3_bucket_name                = "log-archive-100000000001-globex"
  is_organization_trail         = true
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  enable_logging                = true
  kms_key_id                    = aws_kms_key.organization_trail.arn
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.organization_trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.organization_trail_logs.arn

  depends_on = [aws_iam_role_policy.organization_trail_logs]
}
