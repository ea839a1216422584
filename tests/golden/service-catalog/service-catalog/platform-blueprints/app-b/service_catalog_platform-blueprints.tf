# Account app-b launches the products of Service Catalog portfolio platform-blueprints
# (account shared-services): each through its launch role below, trusted by Service Catalog only.

data "aws_iam_policy_document" "platform-blueprints_launch_sclaunch-core-build-tools_trust" {
  statement {
    sid     = "ServiceCatalogLaunches"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["servicecatalog.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "platform-blueprints_launch_sclaunch-core-build-tools" {
  name               = "SCLaunch-core-build-tools"
  description        = "Launches core-build-tools of portfolio platform-blueprints"
  assume_role_policy = data.aws_iam_policy_document.platform-blueprints_launch_sclaunch-core-build-tools_trust.json
}

# What launching, updating and terminating core-build-tools needs: its CloudFormation stack,
# its template, and what the template creates (the blueprint's launch_policy).
data "aws_iam_policy_document" "platform-blueprints_core-build-tools_launch" {
  statement {
    sid       = "ProvisionedStacks"
    actions   = ["cloudformation:CreateChangeSet", "cloudformation:CreateStack", "cloudformation:DeleteChangeSet", "cloudformation:DeleteStack", "cloudformation:DescribeChangeSet", "cloudformation:DescribeStackEvents", "cloudformation:DescribeStacks", "cloudformation:ExecuteChangeSet", "cloudformation:GetTemplateSummary", "cloudformation:ListChangeSets", "cloudformation:ListStackResources", "cloudformation:SetStackPolicy", "cloudformation:TagResource", "cloudformation:UntagResource", "cloudformation:UpdateStack"]
    resources = ["arn:aws:cloudformation:us-east-1:${local.account_id}:stack/SC-*"]
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
    resources = ["arn:aws:kms:us-east-1:${local.account_id}:key/*"]

    condition {
      test     = "ForAnyValue:StringEquals"
      variable = "aws:CalledVia"
      values   = ["cloudformation.amazonaws.com"]
    }
  }

  statement {
    sid       = "KeyAliases"
    actions   = ["kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"]
    resources = ["arn:aws:kms:us-east-1:${local.account_id}:alias/SC-*", "arn:aws:kms:us-east-1:${local.account_id}:key/*"]
  }

  statement {
    sid       = "SourceRepository"
    actions   = ["codecommit:CreateRepository", "codecommit:DeleteRepository", "codecommit:GetRepository", "codecommit:ListTagsForResource", "codecommit:TagResource", "codecommit:UntagResource", "codecommit:UpdateRepositoryDescription", "codecommit:UpdateRepositoryEncryptionKey", "codecommit:UpdateRepositoryName"]
    resources = ["arn:aws:codecommit:us-east-1:${local.account_id}:SC-*"]
  }

  statement {
    sid       = "ImageRepository"
    actions   = ["ecr:CreateRepository", "ecr:DeleteLifecyclePolicy", "ecr:DeleteRepository", "ecr:DescribeRepositories", "ecr:GetLifecyclePolicy", "ecr:ListTagsForResource", "ecr:PutImageScanningConfiguration", "ecr:PutImageTagMutability", "ecr:PutLifecyclePolicy", "ecr:TagResource", "ecr:UntagResource"]
    resources = ["arn:aws:ecr:us-east-1:${local.account_id}:repository/*"]
  }

  statement {
    sid       = "Buckets"
    actions   = ["s3:CreateBucket", "s3:DeleteBucketPolicy", "s3:GetBucketPolicy", "s3:GetBucketTagging", "s3:GetEncryptionConfiguration", "s3:GetLifecycleConfiguration", "s3:PutBucketLogging", "s3:PutBucketOwnershipControls", "s3:PutBucketPolicy", "s3:PutBucketPublicAccessBlock", "s3:PutBucketTagging", "s3:PutBucketVersioning", "s3:PutEncryptionConfiguration", "s3:PutLifecycleConfiguration"]
    resources = ["arn:aws:s3:::sc-*"]
  }

  statement {
    sid       = "BuildLogs"
    actions   = ["logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:DescribeLogGroups", "logs:ListTagsForResource", "logs:PutRetentionPolicy", "logs:TagResource", "logs:UntagResource", "logs:AssociateKmsKey", "logs:DisassociateKmsKey"]
    resources = ["arn:aws:logs:us-east-1:${local.account_id}:log-group:SC-*"]
  }

  statement {
    sid       = "LogGroupsList"
    actions   = ["logs:DescribeLogGroups"]
    resources = ["arn:aws:logs:us-east-1:${local.account_id}:log-group:*"]
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
    resources = ["arn:aws:codebuild:us-east-1:${local.account_id}:project/SC-*"]
  }
}

resource "aws_iam_role_policy" "platform-blueprints_core-build-tools_launch" {
  name   = "launch-core-build-tools"
  role   = aws_iam_role.platform-blueprints_launch_sclaunch-core-build-tools.id
  policy = data.aws_iam_policy_document.platform-blueprints_core-build-tools_launch.json
}

data "aws_iam_policy_document" "platform-blueprints_launch_sclaunch-ecs-fargate-service_trust" {
  statement {
    sid     = "ServiceCatalogLaunches"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["servicecatalog.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "platform-blueprints_launch_sclaunch-ecs-fargate-service" {
  name               = "SCLaunch-ecs-fargate-service"
  description        = "Launches ecs-fargate-service of portfolio platform-blueprints"
  assume_role_policy = data.aws_iam_policy_document.platform-blueprints_launch_sclaunch-ecs-fargate-service_trust.json
}

# What launching, updating and terminating ecs-fargate-service needs: its CloudFormation stack,
# its template, and what the template creates (the blueprint's launch_policy).
data "aws_iam_policy_document" "platform-blueprints_ecs-fargate-service_launch" {
  statement {
    sid       = "ProvisionedStacks"
    actions   = ["cloudformation:CreateChangeSet", "cloudformation:CreateStack", "cloudformation:DeleteChangeSet", "cloudformation:DeleteStack", "cloudformation:DescribeChangeSet", "cloudformation:DescribeStackEvents", "cloudformation:DescribeStacks", "cloudformation:ExecuteChangeSet", "cloudformation:GetTemplateSummary", "cloudformation:ListChangeSets", "cloudformation:ListStackResources", "cloudformation:SetStackPolicy", "cloudformation:TagResource", "cloudformation:UntagResource", "cloudformation:UpdateStack"]
    resources = ["arn:aws:cloudformation:us-east-1:${local.account_id}:stack/SC-*"]
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
    actions   = ["kms:DescribeKey", "kms:EnableKeyRotation", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags", "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource", "kms:UpdateKeyDescription"]
    resources = ["arn:aws:kms:us-east-1:${local.account_id}:key/*"]

    condition {
      test     = "ForAnyValue:StringEquals"
      variable = "aws:CalledVia"
      values   = ["cloudformation.amazonaws.com"]
    }
  }

  statement {
    sid       = "ServiceLogs"
    actions   = ["logs:AssociateKmsKey", "logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:DisassociateKmsKey", "logs:ListTagsForResource", "logs:PutRetentionPolicy", "logs:TagResource", "logs:UntagResource"]
    resources = ["arn:aws:logs:us-east-1:${local.account_id}:log-group:SC-*"]
  }

  statement {
    sid       = "LogGroupsList"
    actions   = ["logs:DescribeLogGroups"]
    resources = ["arn:aws:logs:us-east-1:${local.account_id}:log-group:*"]
  }

  statement {
    sid       = "Roles"
    actions   = ["iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePolicy", "iam:GetRole", "iam:GetRolePolicy", "iam:PutRolePolicy", "iam:TagRole", "iam:UntagRole", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription"]
    resources = ["arn:aws:iam::${local.account_id}:role/SC-*"]
  }

  statement {
    sid       = "RolesPass"
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::${local.account_id}:role/SC-*"]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["codepipeline.amazonaws.com", "ecs-tasks.amazonaws.com", "events.amazonaws.com"]
    }
  }

  statement {
    sid       = "SecurityGroupCreation"
    actions   = ["ec2:CreateSecurityGroup"]
    resources = ["arn:aws:ec2:us-east-1:${local.account_id}:security-group/*", "arn:aws:ec2:us-east-1:*:vpc/*"]
  }

  statement {
    sid       = "SecurityGroups"
    actions   = ["ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateTags", "ec2:DeleteSecurityGroup", "ec2:DeleteTags", "ec2:RevokeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress"]
    resources = ["arn:aws:ec2:us-east-1:${local.account_id}:security-group/*"]
  }

  statement {
    sid       = "NetworkReads"
    actions   = ["ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs"]
    resources = ["*"]
  }

  statement {
    sid       = "TaskDefinitions"
    actions   = ["ecs:DeregisterTaskDefinition", "ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"]
    resources = ["*"]

    condition {
      test     = "ForAnyValue:StringEquals"
      variable = "aws:CalledVia"
      values   = ["cloudformation.amazonaws.com"]
    }
  }

  statement {
    sid       = "Services"
    actions   = ["ecs:CreateService", "ecs:DeleteService", "ecs:DescribeServices", "ecs:TagResource", "ecs:UntagResource", "ecs:UpdateService"]
    resources = ["arn:aws:ecs:us-east-1:${local.account_id}:service/*/*", "arn:aws:ecs:us-east-1:${local.account_id}:task-definition/SC-*"]
  }

  statement {
    sid       = "Pipelines"
    actions   = ["codepipeline:CreatePipeline", "codepipeline:DeletePipeline", "codepipeline:GetPipeline", "codepipeline:GetPipelineState", "codepipeline:ListTagsForResource", "codepipeline:TagResource", "codepipeline:UntagResource", "codepipeline:UpdatePipeline"]
    resources = ["arn:aws:codepipeline:us-east-1:${local.account_id}:SC-*"]
  }

  statement {
    sid       = "PipelineTriggers"
    actions   = ["events:DeleteRule", "events:DescribeRule", "events:PutRule", "events:PutTargets", "events:RemoveTargets"]
    resources = ["arn:aws:events:us-east-1:${local.account_id}:rule/SC-*"]
  }

  statement {
    sid       = "BuildToolsExports"
    actions   = ["cloudformation:ListExports"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "platform-blueprints_ecs-fargate-service_launch" {
  name   = "launch-ecs-fargate-service"
  role   = aws_iam_role.platform-blueprints_launch_sclaunch-ecs-fargate-service.id
  policy = data.aws_iam_policy_document.platform-blueprints_ecs-fargate-service_launch.json
}

data "aws_iam_policy_document" "platform-blueprints_launch_sclaunch-private-api-fargate_trust" {
  statement {
    sid     = "ServiceCatalogLaunches"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["servicecatalog.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "platform-blueprints_launch_sclaunch-private-api-fargate" {
  name               = "SCLaunch-private-api-fargate"
  description        = "Launches private-api-fargate of portfolio platform-blueprints"
  assume_role_policy = data.aws_iam_policy_document.platform-blueprints_launch_sclaunch-private-api-fargate_trust.json
}

# What launching, updating and terminating private-api-fargate needs: its CloudFormation stack,
# its template, and what the template creates (the blueprint's launch_policy).
data "aws_iam_policy_document" "platform-blueprints_private-api-fargate_launch" {
  statement {
    sid       = "ProvisionedStacks"
    actions   = ["cloudformation:CreateChangeSet", "cloudformation:CreateStack", "cloudformation:DeleteChangeSet", "cloudformation:DeleteStack", "cloudformation:DescribeChangeSet", "cloudformation:DescribeStackEvents", "cloudformation:DescribeStacks", "cloudformation:ExecuteChangeSet", "cloudformation:GetTemplateSummary", "cloudformation:ListChangeSets", "cloudformation:ListStackResources", "cloudformation:SetStackPolicy", "cloudformation:TagResource", "cloudformation:UntagResource", "cloudformation:UpdateStack"]
    resources = ["arn:aws:cloudformation:us-east-1:${local.account_id}:stack/SC-*"]
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
    actions   = ["kms:DescribeKey", "kms:EnableKeyRotation", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags", "kms:PutKeyPolicy", "kms:TagResource", "kms:UntagResource", "kms:UpdateKeyDescription"]
    resources = ["arn:aws:kms:us-east-1:${local.account_id}:key/*"]

    condition {
      test     = "ForAnyValue:StringEquals"
      variable = "aws:CalledVia"
      values   = ["cloudformation.amazonaws.com"]
    }
  }

  statement {
    sid       = "LogGroups"
    actions   = ["logs:AssociateKmsKey", "logs:CreateLogGroup", "logs:DisassociateKmsKey", "logs:GetDataProtectionPolicy", "logs:ListTagsForResource", "logs:PutRetentionPolicy", "logs:TagResource", "logs:UntagResource"]
    resources = ["arn:aws:logs:us-east-1:${local.account_id}:log-group:SC-*"]
  }

  statement {
    sid       = "LogReads"
    actions   = ["logs:DescribeIndexPolicies", "logs:DescribeLogGroups", "logs:DescribeResourcePolicies"]
    resources = ["*"]
  }

  statement {
    sid       = "Roles"
    actions   = ["iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePolicy", "iam:GetRole", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies", "iam:ListRolePolicies", "iam:PutRolePolicy", "iam:TagRole", "iam:UntagRole", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription"]
    resources = ["arn:aws:iam::${local.account_id}:role/SC-*"]
  }

  statement {
    sid       = "RolesPass"
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::${local.account_id}:role/SC-*"]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }

  statement {
    sid       = "LoadBalancingServiceRole"
    actions   = ["iam:CreateServiceLinkedRole"]
    resources = ["arn:aws:iam::${local.account_id}:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing"]

    condition {
      test     = "StringEquals"
      variable = "iam:AWSServiceName"
      values   = ["elasticloadbalancing.amazonaws.com"]
    }
  }

  statement {
    sid       = "SecurityGroupCreation"
    actions   = ["ec2:CreateSecurityGroup"]
    resources = ["arn:aws:ec2:us-east-1:${local.account_id}:security-group/*", "arn:aws:ec2:us-east-1:*:vpc/*"]
  }

  statement {
    sid       = "SecurityGroups"
    actions   = ["ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateTags", "ec2:DeleteSecurityGroup", "ec2:DeleteTags", "ec2:RevokeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress", "ec2:UpdateSecurityGroupRuleDescriptionsEgress", "ec2:UpdateSecurityGroupRuleDescriptionsIngress"]
    resources = ["arn:aws:ec2:us-east-1:${local.account_id}:security-group/*"]
  }

  statement {
    sid       = "NetworkReads"
    actions   = ["ec2:DescribeInstances", "ec2:DescribeIpamPools", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcEndpointServiceConfigurations", "ec2:DescribeVpcs"]
    resources = ["*"]
  }

  statement {
    sid       = "LoadBalancers"
    actions   = ["elasticloadbalancing:AddTags", "elasticloadbalancing:CreateListener", "elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:ModifyCapacityReservation", "elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:RemoveTags", "elasticloadbalancing:SetIpAddressType", "elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets"]
    resources = ["arn:aws:elasticloadbalancing:us-east-1:${local.account_id}:loadbalancer/net/SC-*/*"]
  }

  statement {
    sid       = "Listeners"
    actions   = ["elasticloadbalancing:AddTags", "elasticloadbalancing:DeleteListener", "elasticloadbalancing:ModifyListener", "elasticloadbalancing:ModifyListenerAttributes", "elasticloadbalancing:RemoveTags"]
    resources = ["arn:aws:elasticloadbalancing:us-east-1:${local.account_id}:listener/net/SC-*/*/*"]
  }

  statement {
    sid       = "TargetGroups"
    actions   = ["elasticloadbalancing:AddTags", "elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:DeregisterTargets", "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes", "elasticloadbalancing:RegisterTargets", "elasticloadbalancing:RemoveTags"]
    resources = ["arn:aws:elasticloadbalancing:us-east-1:${local.account_id}:targetgroup/SC-*/*"]
  }

  statement {
    sid       = "LoadBalancingReads"
    actions   = ["elasticloadbalancing:DescribeCapacityReservation", "elasticloadbalancing:DescribeListenerAttributes", "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeTargetGroupAttributes", "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetHealth"]
    resources = ["*"]
  }

  statement {
    sid       = "VpcLinkEndpointServices"
    actions   = ["ec2:CreateVpcEndpointServiceConfiguration", "ec2:DeleteVpcEndpointServiceConfigurations", "ec2:ModifyVpcEndpointServicePermissions"]
    resources = ["arn:aws:ec2:us-east-1:${local.account_id}:vpc-endpoint-service/*"]
  }

  statement {
    sid       = "Api"
    actions   = ["apigateway:DELETE", "apigateway:GET", "apigateway:PATCH", "apigateway:POST", "apigateway:PUT", "apigateway:UpdateRestApiPolicy"]
    resources = ["arn:aws:apigateway:us-east-1::/restapis", "arn:aws:apigateway:us-east-1::/restapis/*", "arn:aws:apigateway:us-east-1::/vpclinks", "arn:aws:apigateway:us-east-1::/vpclinks/*", "arn:aws:apigateway:us-east-1::/tags/*"]
  }

  statement {
    sid       = "TaskDefinitions"
    actions   = ["ecs:DeregisterTaskDefinition", "ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"]
    resources = ["*"]

    condition {
      test     = "ForAnyValue:StringEquals"
      variable = "aws:CalledVia"
      values   = ["cloudformation.amazonaws.com"]
    }
  }

  statement {
    sid       = "Services"
    actions   = ["ecs:CreateService", "ecs:DeleteService", "ecs:DescribeServiceDeployments", "ecs:DescribeServices", "ecs:ListServiceDeployments", "ecs:ListTagsForResource", "ecs:TagResource", "ecs:UntagResource", "ecs:UpdateService"]
    resources = ["arn:aws:ecs:us-east-1:${local.account_id}:service/*/*", "arn:aws:ecs:us-east-1:${local.account_id}:service-deployment/*/*/*", "arn:aws:ecs:us-east-1:${local.account_id}:task-definition/SC-*"]
  }
}

resource "aws_iam_role_policy" "platform-blueprints_private-api-fargate_launch" {
  name   = "launch-private-api-fargate"
  role   = aws_iam_role.platform-blueprints_launch_sclaunch-private-api-fargate.id
  policy = data.aws_iam_policy_document.platform-blueprints_private-api-fargate_launch.json
}

data "aws_iam_policy_document" "platform-blueprints_launch_sclaunch-private-rest-api_trust" {
  statement {
    sid     = "ServiceCatalogLaunches"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["servicecatalog.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "platform-blueprints_launch_sclaunch-private-rest-api" {
  name               = "SCLaunch-private-rest-api"
  description        = "Launches private-rest-api of portfolio platform-blueprints"
  assume_role_policy = data.aws_iam_policy_document.platform-blueprints_launch_sclaunch-private-rest-api_trust.json
}

# What launching, updating and terminating private-rest-api needs: its CloudFormation stack,
# its template, and what the template creates (the blueprint's launch_policy).
data "aws_iam_policy_document" "platform-blueprints_private-rest-api_launch" {
  statement {
    sid       = "ProvisionedStacks"
    actions   = ["cloudformation:CreateChangeSet", "cloudformation:CreateStack", "cloudformation:DeleteChangeSet", "cloudformation:DeleteStack", "cloudformation:DescribeChangeSet", "cloudformation:DescribeStackEvents", "cloudformation:DescribeStacks", "cloudformation:ExecuteChangeSet", "cloudformation:GetTemplateSummary", "cloudformation:ListChangeSets", "cloudformation:ListStackResources", "cloudformation:SetStackPolicy", "cloudformation:TagResource", "cloudformation:UntagResource", "cloudformation:UpdateStack"]
    resources = ["arn:aws:cloudformation:us-east-1:${local.account_id}:stack/SC-*"]
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
    actions   = ["kms:DescribeKey", "kms:EnableKeyRotation", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags", "kms:PutKeyPolicy", "kms:TagResource", "kms:UntagResource", "kms:UpdateKeyDescription"]
    resources = ["arn:aws:kms:us-east-1:${local.account_id}:key/*"]

    condition {
      test     = "ForAnyValue:StringEquals"
      variable = "aws:CalledVia"
      values   = ["cloudformation.amazonaws.com"]
    }
  }

  statement {
    sid       = "LogGroups"
    actions   = ["logs:AssociateKmsKey", "logs:CreateLogGroup", "logs:DisassociateKmsKey", "logs:GetDataProtectionPolicy", "logs:ListTagsForResource", "logs:PutRetentionPolicy", "logs:TagResource", "logs:UntagResource"]
    resources = ["arn:aws:logs:us-east-1:${local.account_id}:log-group:SC-*"]
  }

  statement {
    sid       = "LogReads"
    actions   = ["logs:DescribeIndexPolicies", "logs:DescribeLogGroups", "logs:DescribeResourcePolicies"]
    resources = ["*"]
  }

  statement {
    sid       = "SecurityGroupCreation"
    actions   = ["ec2:CreateSecurityGroup"]
    resources = ["arn:aws:ec2:us-east-1:${local.account_id}:security-group/*", "arn:aws:ec2:us-east-1:*:vpc/*"]
  }

  statement {
    sid       = "SecurityGroups"
    actions   = ["ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateTags", "ec2:DeleteSecurityGroup", "ec2:DeleteTags", "ec2:RevokeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress", "ec2:UpdateSecurityGroupRuleDescriptionsEgress", "ec2:UpdateSecurityGroupRuleDescriptionsIngress"]
    resources = ["arn:aws:ec2:us-east-1:${local.account_id}:security-group/*"]
  }

  statement {
    sid       = "EndpointCreation"
    actions   = ["ec2:CreateVpcEndpoint"]
    resources = ["arn:aws:ec2:us-east-1:${local.account_id}:vpc-endpoint/*"]

    condition {
      test     = "StringEquals"
      variable = "ec2:VpceServiceName"
      values   = ["com.amazonaws.us-east-1.execute-api"]
    }
  }

  statement {
    sid       = "EndpointPlacement"
    actions   = ["ec2:CreateVpcEndpoint", "ec2:ModifyVpcEndpoint"]
    resources = ["arn:aws:ec2:us-east-1:${local.account_id}:security-group/*", "arn:aws:ec2:us-east-1:*:vpc/*", "arn:aws:ec2:us-east-1:*:subnet/*"]
  }

  statement {
    sid       = "Endpoints"
    actions   = ["ec2:CreateTags", "ec2:DeleteTags", "ec2:DeleteVpcEndpoints", "ec2:ModifyVpcEndpoint"]
    resources = ["arn:aws:ec2:us-east-1:${local.account_id}:vpc-endpoint/*"]
  }

  statement {
    sid       = "NetworkReads"
    actions   = ["ec2:DescribeInstances", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcEndpoints", "ec2:DescribeVpcs"]
    resources = ["*"]
  }

  statement {
    sid       = "PrivateApis"
    actions   = ["apigateway:PATCH", "apigateway:POST", "apigateway:PUT"]
    resources = ["arn:aws:apigateway:us-east-1::/restapis", "arn:aws:apigateway:us-east-1::/restapis/??????????"]

    condition {
      test     = "ForAllValues:StringEqualsIfExists"
      variable = "apigateway:Request/EndpointType"
      values   = ["PRIVATE"]
    }

    condition {
      test     = "ForAllValues:StringEqualsIfExists"
      variable = "apigateway:Resource/EndpointType"
      values   = ["PRIVATE"]
    }
  }

  statement {
    sid       = "ApiPolicy"
    actions   = ["apigateway:UpdateRestApiPolicy"]
    resources = ["arn:aws:apigateway:us-east-1::/restapis", "arn:aws:apigateway:us-east-1::/restapis/??????????"]
  }

  statement {
    sid       = "ApiLifecycle"
    actions   = ["apigateway:DELETE", "apigateway:GET"]
    resources = ["arn:aws:apigateway:us-east-1::/restapis", "arn:aws:apigateway:us-east-1::/restapis/??????????"]
  }

  statement {
    sid       = "ApiParts"
    actions   = ["apigateway:DELETE", "apigateway:GET", "apigateway:PATCH", "apigateway:POST", "apigateway:PUT"]
    resources = ["arn:aws:apigateway:us-east-1::/restapis/*/*", "arn:aws:apigateway:us-east-1::/tags/*"]
  }
}

resource "aws_iam_role_policy" "platform-blueprints_private-rest-api_launch" {
  name   = "launch-private-rest-api"
  role   = aws_iam_role.platform-blueprints_launch_sclaunch-private-rest-api.id
  policy = data.aws_iam_policy_document.platform-blueprints_private-rest-api_launch.json
}

# Product team role ProductTeam: this account's administrators assume it to launch products.
data "aws_iam_policy_document" "platform-blueprints_principal_productteam_trust" {
  statement {
    sid     = "AccountAdministrators"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${local.account_id}:root"]
    }
  }
}

resource "aws_iam_role" "platform-blueprints_principal_productteam" {
  # checkov:skip=CKV_AWS_61: a product team role of the account: the trusted account's own IAM policies say which of its roles assume this one; IAM refuses a trust naming a role that does not exist yet, and lzgen creates none there
  name               = "ProductTeam"
  description        = "Launches the products of Service Catalog portfolio platform-blueprints"
  assume_role_policy = data.aws_iam_policy_document.platform-blueprints_principal_productteam_trust.json
}

resource "aws_iam_role_policy_attachment" "platform-blueprints_principal_productteam" {
  role       = aws_iam_role.platform-blueprints_principal_productteam.name
  policy_arn = "arn:aws:iam::aws:policy/AWSServiceCatalogEndUserFullAccess"
}

# API Gateway writes a REST API stage's logs to CloudWatch with this account's role, set once per
# account and region: the API blueprints of this portfolio log their stages' access.
data "aws_iam_policy_document" "platform-blueprints_apigateway-logs_trust" {
  statement {
    sid     = "ApiGatewayLogs"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["apigateway.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "platform-blueprints_apigateway-logs" {
  name               = "lzgen-apigateway-logs-us-east-1"
  description        = "API Gateway writes CloudWatch logs of this account's REST APIs in us-east-1"
  assume_role_policy = data.aws_iam_policy_document.platform-blueprints_apigateway-logs_trust.json
}

resource "aws_iam_role_policy_attachment" "platform-blueprints_apigateway-logs" {
  role       = aws_iam_role.platform-blueprints_apigateway-logs.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"
}

resource "aws_api_gateway_account" "platform-blueprints_apigateway-logs" {
  cloudwatch_role_arn = aws_iam_role.platform-blueprints_apigateway-logs.arn

  depends_on = [aws_iam_role_policy_attachment.platform-blueprints_apigateway-logs]
}
