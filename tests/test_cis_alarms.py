"""CIS metric filters and alarms on the organization trail's log group (organization-trail
stack): the exact CIS patterns (Security Hub CloudWatch.1-14, CIS 4.15), one alarm per filter
to an SNS topic encrypted with its own key, e-mail subscriptions from ``baseline.alarms``.

Rule snippets follow test_rules.py (``FAILING`` counts for its every-code check); the plan-JSON
tests plan only the organization and organization-trail stacks of examples/org.yaml.
"""

from __future__ import annotations

import json

import pytest

from conftest import OfflinePlans, Plan, tree_group
from helpers import diagnose, org
from lzgen.load import load_text
from lzgen.pipeline import check_document, render_tree
from lzgen.plan.cis_alarms import ALARM_TOPIC, FILTERS
from lzgen.plan.types import ORGANIZATION_TRAIL

Expected = list[tuple[str, int, int]]

FAILING: list[tuple[str, str, Expected]] = [
    (
        "LZ7021-alarm-emails-without-a-trail",
        """
        baseline:
          log_archive_account: network
          organization_trail: false
          alarms: { emails: [soc@example.com] }
        """,
        [("LZ7021", 4, 21)],
    ),
]

PASSING: list[tuple[str, str]] = [
    (
        "no-trail-no-alarms-block",
        "baseline: { log_archive_account: network, organization_trail: false }\n",
    ),
    (
        "alarms-with-the-trail",
        "baseline: { log_archive_account: network, alarms: { emails: [soc@example.com] } }\n",
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in FAILING])
def test_failing_snippet(snippet: str, expected: Expected) -> None:
    assert diagnose(org(snippet)) == expected


@pytest.mark.parametrize("snippet", [pytest.param(s, id=i) for i, s in PASSING])
def test_passing_snippet(snippet: str) -> None:
    assert diagnose(org(snippet)) == []


def test_a_bad_email_is_a_shape_error() -> None:
    found = diagnose(org("baseline: { log_archive_account: network, alarms: { emails: [soc] } }\n"))
    assert found
    assert all(code.startswith("LZ1") for code, _, _ in found)


# The patterns as the Security Hub user guide prints them (CloudWatch.1-14) and CIS 4.15
# (AWS Organizations changes): Security Hub fails a control whose filter differs at all.
CIS_PATTERNS = {
    "CloudWatch.1": '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',  # noqa: E501
    "CloudWatch.2": '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
    "CloudWatch.3": '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',  # noqa: E501
    "CloudWatch.4": "{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}",  # noqa: E501
    "CloudWatch.5": "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}",  # noqa: E501
    "CloudWatch.6": '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}',
    "CloudWatch.7": "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}",  # noqa: E501
    "CloudWatch.8": "{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}",  # noqa: E501
    "CloudWatch.9": "{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}",  # noqa: E501
    "CloudWatch.10": "{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}",  # noqa: E501
    "CloudWatch.11": "{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}",  # noqa: E501
    "CloudWatch.12": "{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}",  # noqa: E501
    "CloudWatch.13": "{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}",  # noqa: E501
    "CloudWatch.14": "{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}",  # noqa: E501
    "CIS 4.15": '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',  # noqa: E501
}


def test_the_filters_are_cis_exactly() -> None:
    assert {f.control: f.pattern for f in FILTERS} == CIS_PATTERNS
    assert len({f.key for f in FILTERS}) == len(FILTERS)
    assert len({f.metric for f in FILTERS}) == len(FILTERS)


# --- plan level ----------------------------------------------------------------------------


def _trail_files(text: str) -> dict[str, str]:
    checked = check_document(load_text(text, "org.yaml"))
    assert checked.plan is not None, [(d.code, d.line, d.message) for d in checked.diagnostics]
    files = render_tree(checked.plan, "0" * 64)
    return {p: t for p, t in files.items() if p.startswith(f"{ORGANIZATION_TRAIL}/")}


def test_alarms_are_on_by_default_with_the_trail() -> None:
    files = _trail_files(org("baseline: { log_archive_account: network }\n"))
    alarms = files[f"{ORGANIZATION_TRAIL}/cis_alarms.tf"]
    assert alarms.count('resource "aws_cloudwatch_log_metric_filter" "cis_') == len(FILTERS)
    assert alarms.count('resource "aws_cloudwatch_metric_alarm" "cis_') == len(FILTERS)
    assert f'name              = "{ALARM_TOPIC}"' in alarms
    assert "kms_master_key_id = aws_kms_key.security_alarms.arn" in alarms
    assert "aws_sns_topic_subscription" not in alarms  # no addresses, no subscriptions


@pytest.mark.parametrize(
    "baseline",
    [
        "{ log_archive_account: network, organization_trail: false }",
        "{ log_archive_account: network, alarms: { enabled: false } }",
    ],
    ids=["no-trail", "disabled"],
)
def test_no_alarms_without_the_trail_or_when_disabled(baseline: str) -> None:
    files = _trail_files(org(f"baseline: {baseline}\n"))
    assert f"{ORGANIZATION_TRAIL}/cis_alarms.tf" not in files


def test_subscriptions_are_the_files_addresses_once_each() -> None:
    text = org(
        "baseline:\n  log_archive_account: network\n"
        "  alarms: { emails: [soc@example.com, ops@example.com, soc@example.com] }\n"
    )
    checked = check_document(load_text(text, "org.yaml"))
    assert checked.plan is not None
    stack = next(s for s in checked.plan.stacks if s.path == ORGANIZATION_TRAIL)
    spec = next(f for f in stack.files if f.path == "cis_alarms.tf")
    assert spec.context["alarms"]["emails"] == [
        {"id": "security-alarms_soc-example-com", "address": "soc@example.com"},
        {"id": "security-alarms_ops-example-com", "address": "ops@example.com"},
    ]
    # trail 6 + key, alias, topic, policy + 2 subscriptions + a filter and an alarm per control
    assert stack.resource_count == 6 + 4 + 2 + 2 * len(FILTERS)


# --- plan JSON (terraform, two stacks) -----------------------------------------------------


@pytest.fixture
def trail_plan(offline_plans: OfflinePlans) -> Plan:
    return offline_plans.at("org", ORGANIZATION_TRAIL)


@pytest.mark.terraform
@tree_group("org")
def test_plan_has_a_filter_and_an_alarm_per_control(trail_plan: Plan) -> None:
    filters = trail_plan.of_type("aws_cloudwatch_log_metric_filter")
    alarms = trail_plan.of_type("aws_cloudwatch_metric_alarm")
    assert len(filters) == len(alarms) == len(FILTERS)
    for f in FILTERS:
        values = trail_plan.planned[f"aws_cloudwatch_log_metric_filter.cis_{f.key}"]
        assert values["pattern"] == f.pattern
        assert values["log_group_name"] == "/lzgen/organization-trail"
        (transformation,) = values["metric_transformation"]
        assert (transformation["name"], transformation["value"]) == (f.metric, "1")
        alarm = trail_plan.planned[f"aws_cloudwatch_metric_alarm.cis_{f.key}"]
        assert alarm["metric_name"] == f.metric
        assert alarm["namespace"] == transformation["namespace"]
        assert (alarm["threshold"], alarm["comparison_operator"]) == (
            1,
            "GreaterThanOrEqualToThreshold",
        )
        assert alarm["actions_enabled"] is True
        assert trail_plan.resources(
            f"aws_cloudwatch_metric_alarm.cis_{f.key}", "alarm_actions"
        ) == ["aws_sns_topic.security_alarms"]


@pytest.mark.terraform
@tree_group("org")
def test_plan_topic_is_encrypted_with_a_key_cloudwatch_may_use(trail_plan: Plan) -> None:
    topic = "aws_sns_topic.security_alarms"
    assert trail_plan.planned[topic]["name"] == ALARM_TOPIC
    assert trail_plan.one(topic, "kms_master_key_id") == "aws_kms_key.security_alarms"
    key = trail_plan.planned["aws_kms_key.security_alarms"]
    assert key["enable_key_rotation"] is True
    policy = json.loads(key["policy"])
    (cloudwatch,) = [
        s for s in policy["Statement"] if s["Principal"] == {"Service": "cloudwatch.amazonaws.com"}
    ]
    assert sorted(cloudwatch["Action"]) == ["kms:Decrypt", "kms:GenerateDataKey*"]
    assert cloudwatch["Condition"] == {
        "StringEquals": {
            "kms:EncryptionContext:aws:sns:topicArn": (
                f"arn:aws:sns:us-east-1:111111111111:{ALARM_TOPIC}"
            )
        }
    }
    subscriptions = trail_plan.of_type("aws_sns_topic_subscription")
    assert subscriptions == [
        "aws_sns_topic_subscription.security-alarms_security-alarms-example-com"
    ]
    (subscription,) = [
        v for a, v in trail_plan.planned.items() if a.startswith("aws_sns_topic_subscription.")
    ]
    assert (subscription["protocol"], subscription["endpoint"]) == (
        "email",
        "security-alarms@example.com",
    )
