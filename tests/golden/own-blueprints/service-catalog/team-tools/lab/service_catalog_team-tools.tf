# Account lab launches the products of Service Catalog portfolio team-tools
# (account management): each through its launch role below, trusted by Service Catalog only.

data "aws_iam_policy_document" "team-tools_launch_sclaunch-queues_trust" {
  statement {
    sid     = "ServiceCatalogLaunches"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["servicecatalog.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "team-tools_launch_sclaunch-queues" {
  name               = "SCLaunch-queues"
  description        = "Launches team-queue of portfolio team-tools"
  assume_role_policy = data.aws_iam_policy_document.team-tools_launch_sclaunch-queues_trust.json
}

# What launching, updating and terminating team-queue needs: its CloudFormation stack,
# its template, and what the template creates (the blueprint's launch_policy).
data "aws_iam_policy_document" "team-tools_team-queue_launch" {
  statement {
    sid       = "ProvisionedStacks"
    actions   = ["cloudformation:CreateChangeSet", "cloudformation:CreateStack", "cloudformation:DeleteChangeSet", "cloudformation:DeleteStack", "cloudformation:DescribeChangeSet", "cloudformation:DescribeStackEvents", "cloudformation:DescribeStacks", "cloudformation:ExecuteChangeSet", "cloudformation:GetTemplateSummary", "cloudformation:ListChangeSets", "cloudformation:ListStackResources", "cloudformation:SetStackPolicy", "cloudformation:TagResource", "cloudformation:UntagResource", "cloudformation:UpdateStack"]
    resources = ["arn:aws:cloudformation:eu-west-1:${local.account_id}:stack/SC-*"]
  }

  statement {
    sid       = "TemplateChecks"
    actions   = ["cloudformation:ValidateTemplate"]
    resources = ["*"]
  }

  statement {
    sid       = "ProvisioningTemplates"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::*/*"]

    condition {
      test     = "StringEquals"
      variable = "s3:ExistingObjectTag/servicecatalog:provisioning"
      values   = ["true"]
    }
  }

  statement {
    sid       = "Queues"
    actions   = ["sqs:CreateQueue", "sqs:DeleteQueue", "sqs:GetQueueAttributes", "sqs:SetQueueAttributes", "sqs:TagQueue", "sqs:UntagQueue"]
    resources = ["arn:aws:sqs:eu-west-1:${local.account_id}:SC-*"]
  }
}

resource "aws_iam_role_policy" "team-tools_team-queue_launch" {
  name   = "launch-team-queue"
  role   = aws_iam_role.team-tools_launch_sclaunch-queues.id
  policy = data.aws_iam_policy_document.team-tools_team-queue_launch.json
}

data "aws_iam_policy_document" "team-tools_launch_sclaunch-core-build-tools_trust" {
  statement {
    sid     = "ServiceCatalogLaunches"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["servicecatalog.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "team-tools_launch_sclaunch-core-build-tools" {
  name               = "SCLaunch-core-build-tools"
  description        = "Launches core-build-tools of portfolio team-tools"
  assume_role_policy = data.aws_iam_policy_document.team-tools_launch_sclaunch-core-build-tools_trust.json
}

# What launching, updating and terminating core-build-tools needs: its CloudFormation stack,
# its template, and what the template creates (the blueprint's launch_policy).
data "aws_iam_policy_document" "team-tools_core-build-tools_launch" {
  statement {
    sid       = "ProvisionedStacks"
    actions   = ["cloudformation:CreateChangeSet", "cloudformation:CreateStack", "cloudformation:DeleteChangeSet", "cloudformation:DeleteStack", "cloudformation:DescribeChangeSet", "cloudformation:DescribeStackEvents", "cloudformation:DescribeStacks", "cloudformation:ExecuteChangeSet", "cloudformation:GetTemplateSummary", "cloudformation:ListChangeSets", "cloudformation:ListStackResources", "cloudformation:SetStackPolicy", "cloudformation:TagResource", "cloudformation:UntagResource", "cloudformation:UpdateStack"]
    resources = ["arn:aws:cloudformation:eu-west-1:${local.account_id}:stack/SC-*"]
  }

  statement {
    sid       = "TemplateChecks"
    actions   = ["cloudformation:ValidateTemplate"]
    resources = ["*"]
  }

  statement {
    sid       = "ProvisioningTemplates"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::*/*"]

    condition {
      test     = "StringEquals"
      variable = "s3:ExistingObjectTag/servicecatalog:provisioning"
      values   = ["true"]
    }
  }

  statement {
    sid       = "KeyCreation"
    actions   = ["kms:CreateKey"]
    resources = ["*"]

    condition {
      test     = "ForAnyValue:StringEquals"
      variable = "aws:CalledVia"
      values   = ["cloudformation.amazonaws.com"]
    }
  }

  statement {
    sid       = "Keys"
    actions   = ["kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:EnableKeyRotation", "kms:Encrypt", "kms:GenerateDataKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags", "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource", "kms:UpdateKeyDescription"]
    resources = ["arn:aws:kms:eu-west-1:${local.account_id}:key/*"]

    condition {
      test     = "ForAnyValue:StringEquals"
      variable = "aws:CalledVia"
      values   = ["cloudformation.amazonaws.com"]
    }
  }

  statement {
    sid       = "KeyAliases"
    actions   = ["kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"]
    resources = ["arn:aws:kms:eu-west-1:${local.account_id}:alias/SC-*", "arn:aws:kms:eu-west-1:${local.account_id}:key/*"]
  }

  statement {
    sid       = "SourceRepository"
    actions   = ["codecommit:CreateRepository", "codecommit:DeleteRepository", "codecommit:GetRepository", "codecommit:ListTagsForResource", "codecommit:TagResource", "codecommit:UntagResource", "codecommit:UpdateRepositoryDescription", "codecommit:UpdateRepositoryEncryptionKey", "codecommit:UpdateRepositoryName"]
    resources = ["arn:aws:codecommit:eu-west-1:${local.account_id}:SC-*"]
  }

  statement {
    sid       = "ImageRepository"
    actions   = ["ecr:CreateRepository", "ecr:DeleteLifecyclePolicy", "ecr:DeleteRepository", "ecr:DescribeRepositories", "ecr:GetLifecyclePolicy", "ecr:ListTagsForResource", "ecr:PutImageScanningConfiguration", "ecr:PutImageTagMutability", "ecr:PutLifecyclePolicy", "ecr:TagResource", "ecr:UntagResource"]
    resources = ["arn:aws:ecr:eu-west-1:${local.account_id}:repository/*"]
  }

  statement {
    sid       = "Buckets"
    actions   = ["s3:CreateBucket", "s3:DeleteBucketPolicy", "s3:GetBucketPolicy", "s3:GetBucketTagging", "s3:GetEncryptionConfiguration", "s3:GetLifecycleConfiguration", "s3:PutBucketLogging", "s3:PutBucketOwnershipControls", "s3:PutBucketPolicy", "s3:PutBucketPublicAccessBlock", "s3:PutBucketTagging", "s3:PutBucketVersioning", "s3:PutEncryptionConfiguration", "s3:PutLifecycleConfiguration"]
    resources = ["arn:aws:s3:::sc-*"]
  }

  statement {
    sid       = "BuildLogs"
    actions   = ["logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:DescribeLogGroups", "logs:ListTagsForResource", "logs:PutRetentionPolicy", "logs:TagResource", "logs:UntagResource", "logs:AssociateKmsKey", "logs:DisassociateKmsKey"]
    resources = ["arn:aws:logs:eu-west-1:${local.account_id}:log-group:SC-*"]
  }

  statement {
    sid       = "LogGroupsList"
    actions   = ["logs:DescribeLogGroups"]
    resources = ["arn:aws:logs:eu-west-1:${local.account_id}:log-group:*"]
  }

  statement {
    sid       = "BuildRole"
    actions   = ["iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePolicy", "iam:GetRole", "iam:GetRolePolicy", "iam:PutRolePolicy", "iam:TagRole", "iam:UntagRole", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy"]
    resources = ["arn:aws:iam::${local.account_id}:role/SC-*"]
  }

  statement {
    sid       = "BuildRolePass"
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::${local.account_id}:role/SC-*"]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["codebuild.amazonaws.com"]
    }
  }

  statement {
    sid       = "BuildProject"
    actions   = ["codebuild:BatchGetProjects", "codebuild:CreateProject", "codebuild:DeleteProject", "codebuild:UpdateProject"]
    resources = ["arn:aws:codebuild:eu-west-1:${local.account_id}:project/SC-*"]
  }
}

resource "aws_iam_role_policy" "team-tools_core-build-tools_launch" {
  name   = "launch-core-build-tools"
  role   = aws_iam_role.team-tools_launch_sclaunch-core-build-tools.id
  policy = data.aws_iam_policy_document.team-tools_core-build-tools_launch.json
}
