"""The CIS AWS Foundations Benchmark metric filters and alarms (Security Hub CloudWatch.1-14,
and CIS 4.15 for AWS Organizations) on the organization trail's CloudWatch Logs group, in the
organization-trail stack (management account, home region): one SNS topic, encrypted with its
own KMS key, notified by every alarm, with the e-mail subscriptions of ``baseline.alarms``.

The filter patterns are CIS's, character for character: Security Hub fails a control whose
filter differs by as much as a space.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lzgen.plan.baseline import TRAIL_LOG_GROUP
from lzgen.plan.index import PlanIndex
from lzgen.plan.log_archive import log_archive
from lzgen.plan.naming import ident
from lzgen.plan.stack import MANAGEMENT
from lzgen.plan.types import ORGANIZATION_TRAIL, FileSpec, ProviderSpec, StackPart

ALARM_TOPIC = "lzgen-security-alarms"
METRIC_NAMESPACE = "CISBenchmark"
ALARM_PREFIX = "lzgen-cis-"


@dataclass(frozen=True)
class CisFilter:
    key: str  # metric filter and alarm lzgen-cis-<key>, resources cis_<key>
    control: str  # Security Hub control id (CIS recommendation for Organizations)
    metric: str
    description: str
    pattern: str


def _events(*names: str) -> str:
    return " || ".join(f"($.eventName={n})" for n in names)


FILTERS: tuple[CisFilter, ...] = (
    CisFilter(
        "root-user-usage",
        "CloudWatch.1",
        "RootUserUsage",
        "the root user was used",
        '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && '
        '$.eventType !="AwsServiceEvent"}',
    ),
    CisFilter(
        "unauthorized-api-calls",
        "CloudWatch.2",
        "UnauthorizedAPICalls",
        "API calls were denied",
        '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
    ),
    CisFilter(
        "console-sign-in-without-mfa",
        "CloudWatch.3",
        "ConsoleSignInWithoutMfa",
        "an IAM user signed in to the console without MFA",
        '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && '
        '($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
    ),
    CisFilter(
        "iam-policy-changes",
        "CloudWatch.4",
        "IAMPolicyChanges",
        "an IAM policy changed",
        "{"
        + _events(
            "DeleteGroupPolicy",
            "DeleteRolePolicy",
            "DeleteUserPolicy",
            "PutGroupPolicy",
            "PutRolePolicy",
            "PutUserPolicy",
            "CreatePolicy",
            "DeletePolicy",
            "CreatePolicyVersion",
            "DeletePolicyVersion",
            "AttachRolePolicy",
            "DetachRolePolicy",
            "AttachUserPolicy",
            "DetachUserPolicy",
            "AttachGroupPolicy",
            "DetachGroupPolicy",
        )
        + "}",
    ),
    CisFilter(
        "cloudtrail-changes",
        "CloudWatch.5",
        "CloudTrailChanges",
        "a CloudTrail trail changed",
        "{"
        + _events("CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging")
        + "}",
    ),
    CisFilter(
        "console-authentication-failures",
        "CloudWatch.6",
        "ConsoleAuthenticationFailures",
        "console sign-in failed",
        '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}',
    ),
    CisFilter(
        "kms-key-disabled-or-deleted",
        "CloudWatch.7",
        "KmsKeyDisabledOrScheduledForDeletion",
        "a customer managed key was disabled or scheduled for deletion",
        "{($.eventSource=kms.amazonaws.com) && ("
        + _events("DisableKey", "ScheduleKeyDeletion")
        + ")}",
    ),
    CisFilter(
        "s3-bucket-policy-changes",
        "CloudWatch.8",
        "S3BucketPolicyChanges",
        "an S3 bucket policy, ACL, CORS, lifecycle or replication changed",
        "{($.eventSource=s3.amazonaws.com) && ("
        + _events(
            "PutBucketAcl",
            "PutBucketPolicy",
            "PutBucketCors",
            "PutBucketLifecycle",
            "PutBucketReplication",
            "DeleteBucketPolicy",
            "DeleteBucketCors",
            "DeleteBucketLifecycle",
            "DeleteBucketReplication",
        )
        + ")}",
    ),
    CisFilter(
        "config-changes",
        "CloudWatch.9",
        "AWSConfigChanges",
        "the AWS Config recorder or delivery channel changed",
        "{($.eventSource=config.amazonaws.com) && ("
        + _events(
            "StopConfigurationRecorder",
            "DeleteDeliveryChannel",
            "PutDeliveryChannel",
            "PutConfigurationRecorder",
        )
        + ")}",
    ),
    CisFilter(
        "security-group-changes",
        "CloudWatch.10",
        "SecurityGroupChanges",
        "a security group changed",
        "{"
        + _events(
            "AuthorizeSecurityGroupIngress",
            "AuthorizeSecurityGroupEgress",
            "RevokeSecurityGroupIngress",
            "RevokeSecurityGroupEgress",
            "CreateSecurityGroup",
            "DeleteSecurityGroup",
        )
        + "}",
    ),
    CisFilter(
        "nacl-changes",
        "CloudWatch.11",
        "NetworkAclChanges",
        "a network ACL changed",
        "{"
        + _events(
            "CreateNetworkAcl",
            "CreateNetworkAclEntry",
            "DeleteNetworkAcl",
            "DeleteNetworkAclEntry",
            "ReplaceNetworkAclEntry",
            "ReplaceNetworkAclAssociation",
        )
        + "}",
    ),
    CisFilter(
        "network-gateway-changes",
        "CloudWatch.12",
        "NetworkGatewayChanges",
        "a customer or internet gateway changed",
        "{"
        + _events(
            "CreateCustomerGateway",
            "DeleteCustomerGateway",
            "AttachInternetGateway",
            "CreateInternetGateway",
            "DeleteInternetGateway",
            "DetachInternetGateway",
        )
        + "}",
    ),
    CisFilter(
        "route-table-changes",
        "CloudWatch.13",
        "RouteTableChanges",
        "a route table changed",
        "{"
        + _events(
            "CreateRoute",
            "CreateRouteTable",
            "ReplaceRoute",
            "ReplaceRouteTableAssociation",
            "DeleteRouteTable",
            "DeleteRoute",
            "DisassociateRouteTable",
        )
        + "}",
    ),
    CisFilter(
        "vpc-changes",
        "CloudWatch.14",
        "VpcChanges",
        "a VPC or VPC peering changed",
        "{"
        + _events(
            "CreateVpc",
            "DeleteVpc",
            "ModifyVpcAttribute",
            "AcceptVpcPeeringConnection",
            "CreateVpcPeeringConnection",
            "DeleteVpcPeeringConnection",
            "RejectVpcPeeringConnection",
            "AttachClassicLinkVpc",
            "DetachClassicLinkVpc",
            "DisableVpcClassicLink",
            "EnableVpcClassicLink",
        )
        + "}",
    ),
    CisFilter(
        "organizations-changes",
        "CIS 4.15",
        "OrganizationsChanges",
        "AWS Organizations changed",
        "{ ($.eventSource = organizations.amazonaws.com) && ("
        + " || ".join(
            f'($.eventName = "{n}")'
            for n in (
                "AcceptHandshake",
                "AttachPolicy",
                "CreateAccount",
                "CreateOrganizationalUnit",
                "CreatePolicy",
                "DeclineHandshake",
                "DeleteOrganization",
                "DeleteOrganizationalUnit",
                "DeletePolicy",
                "DetachPolicy",
                "DisablePolicyType",
                "EnablePolicyType",
                "InviteAccountToOrganization",
                "LeaveOrganization",
                "MoveAccount",
                "RemoveAccountFromOrganization",
                "UpdatePolicy",
                "UpdateOrganizationalUnit",
            )
        )
        + ") }",
    ),
)


def _subscriptions(emails: list[str]) -> list[dict[str, str]]:
    """Each address once, its resource named after it (``security-alarms_ops-example-com``);
    two addresses that differ only in punctuation get the second a numbered name."""
    found: list[dict[str, str]] = []
    for address in dict.fromkeys(emails):
        name, taken = ident("security-alarms", address), {s["id"] for s in found}
        number = 2
        while name in taken:
            name, number = ident("security-alarms", address, str(number)), number + 1
        found.append({"id": name, "address": address})
    return found


def plan_cis_alarms(index: PlanIndex) -> list[StackPart]:
    org = index.org
    baseline = org.baseline
    if baseline is None or log_archive(org) is None:
        return []
    if not (baseline.organization_trail and baseline.alarms.enabled):
        return []
    o = org.organization
    context: dict[str, Any] = {
        "filters": [
            {
                "id": ident("cis", f.key),
                "key": f.key,
                "control": f.control,
                "metric": f.metric,
                "description": f.description,
                "pattern": f.pattern,
            }
            for f in FILTERS
        ],
        "log_group": TRAIL_LOG_GROUP,
        "namespace": METRIC_NAMESPACE,
        "prefix": ALARM_PREFIX,
        "topic": ALARM_TOPIC,
        "topic_arn": f"arn:aws:sns:{o.home_region}:{o.management_account_id}:{ALARM_TOPIC}",
        "alarm_arns": f"arn:aws:cloudwatch:{o.home_region}:{o.management_account_id}:alarm:"
        f"{ALARM_PREFIX}*",
        "management_account_id": o.management_account_id,
        "emails": _subscriptions(baseline.alarms.emails),
    }
    files = (FileSpec("cis_alarms.tf", "baseline/cis_alarms.tf.j2", {"alarms": context}),)
    # key, alias, topic, topic policy, the subscriptions, a filter and an alarm per control
    resources = 4 + len(context["emails"]) + 2 * len(FILTERS)
    return [
        StackPart(
            ORGANIZATION_TRAIL,
            files,
            resources,
            providers=(ProviderSpec(None, MANAGEMENT, o.home_region),),
        )
    ]
