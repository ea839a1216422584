# The audit account's read-only role on the log archive (security.audit_account: audit):
# list and read log objects, decrypt them with the log archive key (and the trail's log files
# with the organization trail's key). Granted here, and again in the bucket and key policies.
locals {
  audit_account_id = data.terraform_remote_state.organization.outputs.account_ids["audit"]
}

# The audit account decides which of its roles read (its own IAM policies grant
# sts:AssumeRole on this role); its IAM users and root user never do.
data "aws_iam_policy_document" "log_reader_trust" {
  statement {
    sid     = "AuditAccountRoles"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${local.audit_account_id}:root"]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:PrincipalArn"
      values   = ["arn:aws:iam::${local.audit_account_id}:role/*"]
    }
  }
}

resource "aws_iam_role" "log_reader" {
  # checkov:skip=CKV_AWS_61: the audit account reads the log archive: the trusted account's own IAM policies say which of its roles assume this one; IAM refuses a trust naming a role that does not exist yet, and lzgen creates none there
  name                 = "lzgen-log-reader"
  description          = "The audit account reads the log archive"
  assume_role_policy   = data.aws_iam_policy_document.log_reader_trust.json
  max_session_duration = 3600
}

data "aws_iam_policy_document" "log_reader" {
  statement {
    sid       = "ListLogArchive"
    actions   = ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketVersions"]
    resources = [aws_s3_bucket.log_archive.arn]
  }

  statement {
    sid       = "ReadLogObjects"
    actions   = ["s3:GetObject", "s3:GetObjectVersion"]
    resources = ["${aws_s3_bucket.log_archive.arn}/*"]
  }

  statement {
    sid       = "DecryptWithTheLogArchiveKey"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.log_archive.arn]
  }

  # the trail's log files are encrypted with the organization-trail stack's key, whose policy
  # admits this account for them
  statement {
    sid       = "DecryptTrailLogFiles"
    actions   = ["kms:Decrypt"]
    resources = ["arn:aws:kms:us-east-1:111111111111:key/*"]

    condition {
      test     = "StringLike"
      variable = "kms:EncryptionContext:aws:cloudtrail:arn"
      values   = ["arn:aws:cloudtrail:*:111111111111:trail/example-corp-organization-trail"]
    }
  }
}

resource "aws_iam_role_policy" "log_reader" {
  name   = "read-log-archive"
  role   = aws_iam_role.log_reader.id
  policy = data.aws_iam_policy_document.log_reader.json
}
