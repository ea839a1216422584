
# CIS AWS Foundations Benchmark monitoring (Security Hub CloudWatch.1-14, and CIS 4.15 for AWS
# Organizations): a metric filter per control on the organization trail's log group, and an
# alarm on each metric that notifies the security alarms topic. The patterns are CIS's, exactly.
# The key policy is inline (jsonencode): it is a resource policy on this key, where "*" means
# the key itself.
resource "aws_kms_key" "security_alarms" {
  description             = "Security alarms topic lzgen-security-alarms"
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
      # CloudWatch publishes the alarms to the encrypted topic, and to no other topic.
      {
        Sid       = "CloudWatchPublishesToTheAlarmsTopic"
        Effect    = "Allow"
        Principal = { Service = "cloudwatch.amazonaws.com" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey*"]
        Resource  = "*"
        Condition = {
          StringEquals = { "kms:EncryptionContext:aws:sns:topicArn" = "arn:aws:sns:eu-west-1:100000000001:lzgen-security-alarms" }
        }
      },
    ]
  })

  tags = {
    Name = "security-alarms"
  }
}

resource "aws_kms_alias" "security_alarms" {
  name          = "alias/lzgen/security-alarms"
  target_key_id = aws_kms_key.security_alarms.key_id
}

resource "aws_sns_topic" "security_alarms" {
  name              = "lzgen-security-alarms"
  kms_master_key_id = aws_kms_key.security_alarms.arn
}

data "aws_iam_policy_document" "security_alarms_topic" {
  statement {
    sid       = "ThisAccountsAlarmsPublish"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.security_alarms.arn]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["100000000001"]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:cloudwatch:eu-west-1:100000000001:alarm:lzgen-cis-*"]
    }
  }
}

resource "aws_sns_topic_policy" "security_alarms" {
  arn    = aws_sns_topic.security_alarms.arn
  policy = data.aws_iam_policy_document.security_alarms_topic.json
}

# CloudWatch.1: the root user was used
resource "aws_cloudwatch_log_metric_filter" "cis_root-user-usage" {
  name           = "lzgen-cis-root-user-usage"
  log_group_name = aws_cloudwatch_log_group.organization_trail.name
  pattern        = "{$.userIdentity.type=\"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !=\"AwsServiceEvent\"}"

  metric_transformation {
    name      = "RootUserUsage"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "cis_root-user-usage" {
  alarm_name          = "lzgen-cis-root-user-usage"
  alarm_description   = "CloudWatch.1: the root user was used"
  namespace           = "CISBenchmark"
  metric_name         = aws_cloudwatch_log_metric_filter.cis_root-user-usage.metric_transformation[0].name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.security_alarms.arn]
}

# CloudWatch.2: API calls were denied
resource "aws_cloudwatch_log_metric_filter" "cis_unauthorized-api-calls" {
  name           = "lzgen-cis-unauthorized-api-calls"
  log_group_name = aws_cloudwatch_log_group.organization_trail.name
  pattern        = "{($.errorCode=\"*UnauthorizedOperation\") || ($.errorCode=\"AccessDenied*\")}"

  metric_transformation {
    name      = "UnauthorizedAPICalls"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "cis_unauthorized-api-calls" {
  alarm_name          = "lzgen-cis-unauthorized-api-calls"
  alarm_description   = "CloudWatch.2: API calls were denied"
  namespace           = "CISBenchmark"
  metric_name         = aws_cloudwatch_log_metric_filter.cis_unauthorized-api-calls.metric_transformation[0].name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.security_alarms.arn]
}

# CloudWatch.3: an IAM user signed in to the console without MFA
resource "aws_cloudwatch_log_metric_filter" "cis_console-sign-in-without-mfa" {
  name           = "lzgen-cis-console-sign-in-without-mfa"
  log_group_name = aws_cloudwatch_log_group.organization_trail.name
  pattern        = "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") && ($.userIdentity.type = \"IAMUser\") && ($.responseElements.ConsoleLogin = \"Success\") }"

  metric_transformation {
    name      = "ConsoleSignInWithoutMfa"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "cis_console-sign-in-without-mfa" {
  alarm_name          = "lzgen-cis-console-sign-in-without-mfa"
  alarm_description   = "CloudWatch.3: an IAM user signed in to the console without MFA"
  namespace           = "CISBenchmark"
  metric_name         = aws_cloudwatch_log_metric_filter.cis_console-sign-in-without-mfa.metric_transformation[0].name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.security_alarms.arn]
}

# CloudWatch.4: an IAM policy changed
resource "aws_cloudwatch_log_metric_filter" "cis_iam-policy-changes" {
  name           = "lzgen-cis-iam-policy-changes"
  log_group_name = aws_cloudwatch_log_group.organization_trail.name
  pattern        = "{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}"

  metric_transformation {
    name      = "IAMPolicyChanges"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "cis_iam-policy-changes" {
  alarm_name          = "lzgen-cis-iam-policy-changes"
  alarm_description   = "CloudWatch.4: an IAM policy changed"
  namespace           = "CISBenchmark"
  metric_name         = aws_cloudwatch_log_metric_filter.cis_iam-policy-changes.metric_transformation[0].name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.security_alarms.arn]
}

# CloudWatch.5: a CloudTrail trail changed
resource "aws_cloudwatch_log_metric_filter" "cis_cloudtrail-changes" {
  name           = "lzgen-cis-cloudtrail-changes"
  log_group_name = aws_cloudwatch_log_group.organization_trail.name
  pattern        = "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}"

  metric_transformation {
    name      = "CloudTrailChanges"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "cis_cloudtrail-changes" {
  alarm_name          = "lzgen-cis-cloudtrail-changes"
  alarm_description   = "CloudWatch.5: a CloudTrail trail changed"
  namespace           = "CISBenchmark"
  metric_name         = aws_cloudwatch_log_metric_filter.cis_cloudtrail-changes.metric_transformation[0].name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.security_alarms.arn]
}

# CloudWatch.6: console sign-in failed
resource "aws_cloudwatch_log_metric_filter" "cis_console-authentication-failures" {
  name           = "lzgen-cis-console-authentication-failures"
  log_group_name = aws_cloudwatch_log_group.organization_trail.name
  pattern        = "{($.eventName=ConsoleLogin) && ($.errorMessage=\"Failed authentication\")}"

  metric_transformation {
    name      = "ConsoleAuthenticationFailures"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "cis_console-authentication-failures" {
  alarm_name          = "lzgen-cis-console-authentication-failures"
  alarm_description   = "CloudWatch.6: console sign-in failed"
  namespace           = "CISBenchmark"
  metric_name         = aws_cloudwatch_log_metric_filter.cis_console-authentication-failures.metric_transformation[0].name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.security_alarms.arn]
}

# CloudWatch.7: a customer managed key was disabled or scheduled for deletion
resource "aws_cloudwatch_log_metric_filter" "cis_kms-key-disabled-or-deleted" {
  name           = "lzgen-cis-kms-key-disabled-or-deleted"
  log_group_name = aws_cloudwatch_log_group.organization_trail.name
  pattern        = "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}"

  metric_transformation {
    name      = "KmsKeyDisabledOrScheduledForDeletion"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "cis_kms-key-disabled-or-deleted" {
  alarm_name          = "lzgen-cis-kms-key-disabled-or-deleted"
  alarm_description   = "CloudWatch.7: a customer managed key was disabled or scheduled for deletion"
  namespace           = "CISBenchmark"
  metric_name         = aws_cloudwatch_log_metric_filter.cis_kms-key-disabled-or-deleted.metric_transformation[0].name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.security_alarms.arn]
}

# CloudWatch.8: an S3 bucket policy, ACL, CORS, lifecycle or replication changed
resource "aws_cloudwatch_log_metric_filter" "cis_s3-bucket-policy-changes" {
  name           = "lzgen-cis-s3-bucket-policy-changes"
  log_group_name = aws_cloudwatch_log_group.organization_trail.name
  pattern        = "{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}"

  metric_transformation {
    name      = "S3BucketPolicyChanges"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "cis_s3-bucket-policy-changes" {
  alarm_name          = "lzgen-cis-s3-bucket-policy-changes"
  alarm_description   = "CloudWatch.8: an S3 bucket policy, ACL, CORS, lifecycle or replication changed"
  namespace           = "CISBenchmark"
  metric_name         = aws_cloudwatch_log_metric_filter.cis_s3-bucket-policy-changes.metric_transformation[0].name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.security_alarms.arn]
}

# CloudWatch.9: the AWS Config recorder or delivery channel changed
resource "aws_cloudwatch_log_metric_filter" "cis_config-changes" {
  name           = "lzgen-cis-config-changes"
  log_group_name = aws_cloudwatch_log_group.organization_trail.name
  pattern        = "{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}"

  metric_transformation {
    name      = "AWSConfigChanges"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "cis_config-changes" {
  alarm_name          = "lzgen-cis-config-changes"
  alarm_description   = "CloudWatch.9: the AWS Config recorder or delivery channel changed"
  namespace           = "CISBenchmark"
  metric_name         = aws_cloudwatch_log_metric_filter.cis_config-changes.metric_transformation[0].name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.security_alarms.arn]
}

# CloudWatch.10: a security group changed
resource "aws_cloudwatch_log_metric_filter" "cis_security-group-changes" {
  name           = "lzgen-cis-security-group-changes"
  log_group_name = aws_cloudwatch_log_group.organization_trail.name
  pattern        = "{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}"

  metric_transformation {
    name      = "SecurityGroupChanges"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "cis_security-group-changes" {
  alarm_name          = "lzgen-cis-security-group-changes"
  alarm_description   = "CloudWatch.10: a security group changed"
  namespace           = "CISBenchmark"
  metric_name         = aws_cloudwatch_log_metric_filter.cis_security-group-changes.metric_transformation[0].name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.security_alarms.arn]
}

# CloudWatch.11: a network ACL changed
resource "aws_cloudwatch_log_metric_filter" "cis_nacl-changes" {
  name           = "lzgen-cis-nacl-changes"
  log_group_name = aws_cloudwatch_log_group.organization_trail.name
  pattern        = "{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}"

  metric_transformation {
    name      = "NetworkAclChanges"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "cis_nacl-changes" {
  alarm_name          = "lzgen-cis-nacl-changes"
  alarm_description   = "CloudWatch.11: a network ACL changed"
  namespace           = "CISBenchmark"
  metric_name         = aws_cloudwatch_log_metric_filter.cis_nacl-changes.metric_transformation[0].name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.security_alarms.arn]
}

# CloudWatch.12: a customer or internet gateway changed
resource "aws_cloudwatch_log_metric_filter" "cis_network-gateway-changes" {
  name           = "lzgen-cis-network-gateway-changes"
  log_group_name = aws_cloudwatch_log_group.organization_trail.name
  pattern        = "{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}"

  metric_transformation {
    name      = "NetworkGatewayChanges"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "cis_network-gateway-changes" {
  alarm_name          = "lzgen-cis-network-gateway-changes"
  alarm_description   = "CloudWatch.12: a customer or internet gateway changed"
  namespace           = "CISBenchmark"
  metric_name         = aws_cloudwatch_log_metric_filter.cis_network-gateway-changes.metric_transformation[0].name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.security_alarms.arn]
}

# CloudWatch.13: a route table changed
resource "aws_cloudwatch_log_metric_filter" "cis_route-table-changes" {
  name           = "lzgen-cis-route-table-changes"
  log_group_name = aws_cloudwatch_log_group.organization_trail.name
  pattern        = "{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}"

  metric_transformation {
    name      = "RouteTableChanges"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "cis_route-table-changes" {
  alarm_name          = "lzgen-cis-route-table-changes"
  alarm_description   = "CloudWatch.13: a route table changed"
  namespace           = "CISBenchmark"
  metric_name         = aws_cloudwatch_log_metric_filter.cis_route-table-changes.metric_transformation[0].name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.security_alarms.arn]
}

# CloudWatch.14: a VPC or VPC peering changed
resource "aws_cloudwatch_log_metric_filter" "cis_vpc-changes" {
  name           = "lzgen-cis-vpc-changes"
  log_group_name = aws_cloudwatch_log_group.organization_trail.name
  pattern        = "{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}"

  metric_transformation {
    name      = "VpcChanges"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "cis_vpc-changes" {
  alarm_name          = "lzgen-cis-vpc-changes"
  alarm_description   = "CloudWatch.14: a VPC or VPC peering changed"
  namespace           = "CISBenchmark"
  metric_name         = aws_cloudwatch_log_metric_filter.cis_vpc-changes.metric_transformation[0].name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.security_alarms.arn]
}

# CIS 4.15: AWS Organizations changed
resource "aws_cloudwatch_log_metric_filter" "cis_organizations-changes" {
  name           = "lzgen-cis-organizations-changes"
  log_group_name = aws_cloudwatch_log_group.organization_trail.name
  pattern        = "{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = \"AcceptHandshake\") || ($.eventName = \"AttachPolicy\") || ($.eventName = \"CreateAccount\") || ($.eventName = \"CreateOrganizationalUnit\") || ($.eventName = \"CreatePolicy\") || ($.eventName = \"DeclineHandshake\") || ($.eventName = \"DeleteOrganization\") || ($.eventName = \"DeleteOrganizationalUnit\") || ($.eventName = \"DeletePolicy\") || ($.eventName = \"DetachPolicy\") || ($.eventName = \"DisablePolicyType\") || ($.eventName = \"EnablePolicyType\") || ($.eventName = \"InviteAccountToOrganization\") || ($.eventName = \"LeaveOrganization\") || ($.eventName = \"MoveAccount\") || ($.eventName = \"RemoveAccountFromOrganization\") || ($.eventName = \"UpdatePolicy\") || ($.eventName = \"UpdateOrganizationalUnit\")) }"

  metric_transformation {
    name      = "OrganizationsChanges"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "cis_organizations-changes" {
  alarm_name          = "lzgen-cis-organizations-changes"
  alarm_description   = "CIS 4.15: AWS Organizations changed"
  namespace           = "CISBenchmark"
  metric_name         = aws_cloudwatch_log_metric_filter.cis_organizations-changes.metric_transformation[0].name
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  actions_enabled     = true
  alarm_actions       = [aws_sns_topic.security_alarms.arn]
}
