"""The core guardrails (scp.CORE), attached at the organization's root whenever ``baseline:``
exists: each policy fits the SCP size limit at the longest parameters, the root stays within
Organizations' 5 attached policies, and the Deny evaluator shows what they deny an account's
administrator and that they deny the deployer and break-glass roles nothing. The plan-JSON test
at the end checks the organization stack of examples/org.yaml attaches them at the root."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import OfflinePlans, tree_group
from helpers import org
from lzgen.load import load_text
from lzgen.pipeline import check_document, render_tree
from lzgen.plan.guardrails import core_parameters
from lzgen.plan.log_archive import log_bucket_name
from lzgen.render import template_dir
from lzgen.rules.limits.scp_attachments import FULL_AWS_ACCESS, POLICIES_PER_TARGET
from lzgen.scp import (
    CORE,
    MANAGED_TAG,
    SCP_SIZE_LIMIT,
    CoreParameters,
    Request,
    core_document,
    denies,
    minified_size,
    understood,
)

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "org.yaml"

# the longest names lzgen accepts: IAM role names of 64 characters, a bucket name of 63
LONGEST = CoreParameters(
    deployer_role="D" * 64,
    break_glass_role="B" * 64,
    protected_roles=("A" * 64, "P" * 64, "lzgen-log-reader"),
    log_bucket="l" * 63,
    trail="t" * 128,
)


def _example_parameters() -> CoreParameters:
    checked = check_document(load_text(EXAMPLE.read_text(encoding="utf-8"), "org.yaml"))
    assert checked.org is not None
    assert checked.org.baseline is not None
    return core_parameters(checked.org, checked.org.baseline)


PARAMS = _example_parameters()
DOCUMENTS = {p.name: core_document(p, PARAMS) for p in CORE}
ACCOUNT = "222222222222"
ADMIN = f"arn:aws:iam::{ACCOUNT}:role/Admin"
DEPLOYER = f"arn:aws:iam::{ACCOUNT}:role/{PARAMS.deployer_role}"
BREAK_GLASS = f"arn:aws:iam::{ACCOUNT}:role/{PARAMS.break_glass_role}"
TRAIL = f"arn:aws:cloudtrail:us-east-1:111111111111:trail/{PARAMS.trail}"
BUCKET = f"arn:aws:s3:::{PARAMS.log_bucket}"
LZGEN = dict([MANAGED_TAG])  # the tags every resource lzgen creates carries


def _denied(request: Request) -> bool:
    return any(denies(s, request) for d in DOCUMENTS.values() for s in d["Statement"])


# --- the policies themselves ----------------------------------------------------------------


def test_core_policies_are_shipped_and_named_apart_from_the_library() -> None:
    for policy in CORE:
        assert policy.name.startswith("lzgen-core-"), policy.name
        assert Path(policy.template).name.startswith("core-"), policy.template
        assert (template_dir() / policy.template).is_file(), policy.template
        assert 0 < len(policy.description) <= 512, policy.name  # Organizations' limit


@pytest.mark.parametrize("policy", CORE, ids=lambda p: p.name)
def test_each_core_policy_fits_the_size_limit_at_the_longest_parameters(policy: Any) -> None:
    document = core_document(policy, LONGEST)
    assert minified_size(document) < SCP_SIZE_LIMIT, f"{policy.name}: {minified_size(document)}"


@pytest.mark.parametrize("policy", CORE, ids=lambda p: p.name)
def test_each_core_statement_denies_and_exempts_exactly_the_two_roles(policy: Any) -> None:
    document = core_document(policy, LONGEST)
    assert document["Version"] == "2012-10-17"
    assert understood(document)
    sids = [s["Sid"] for s in document["Statement"]]
    assert len(set(sids)) == len(sids), sids
    exempt = ["arn:aws:iam::*:role/" + "D" * 64, "arn:aws:iam::*:role/" + "B" * 64]
    for statement in document["Statement"]:
        assert statement["Effect"] == "Deny", statement["Sid"]
        assert statement["Condition"]["ArnNotLike"] == {"aws:PrincipalArn": exempt}
        assert "NotAction" not in statement


def test_the_root_keeps_room_within_the_attachment_limit() -> None:
    """FullAWSAccess and the core set at the root: Organizations attaches at most 5."""
    assert FULL_AWS_ACCESS + len(CORE) <= POLICIES_PER_TARGET


def test_the_break_glass_role_is_also_protected_and_exempt_once_when_it_is_the_deployer() -> None:
    document = core_document(CORE[1], PARAMS)
    (platform,) = [s for s in document["Statement"] if s["Sid"] == "ProtectPlatformRoles"]
    assert f"arn:aws:iam::*:role/{PARAMS.break_glass_role}" in platform["Resource"]
    same = CoreParameters("x", "x", ("y",), "bucket", "trail")
    assert same.context()["exempt"] == ["arn:aws:iam::*:role/x"]


def test_the_example_protects_its_roles_and_bucket() -> None:
    assert PARAMS.deployer_role == "lzgen-deployer"
    assert PARAMS.break_glass_role == "lzgen-break-glass"
    assert set(PARAMS.protected_roles) == {
        "OrganizationAccountAccessRole",
        "lzgen-pipeline",
        "lzgen-log-reader",
    }
    assert PARAMS.log_bucket == "log-archive-111111111111-example-corp"


def test_the_guarded_tag_is_the_one_every_provider_sets() -> None:
    """The tag conditions only protect what carries the tag: every rendered provider's
    default_tags set it."""
    checked = check_document(load_text(EXAMPLE.read_text(encoding="utf-8"), "org.yaml"))
    assert checked.plan is not None
    files = render_tree(checked.plan, "0" * 64)
    providers = [text for path, text in files.items() if path.endswith("providers.tf")]
    assert providers
    key, value = MANAGED_TAG
    for text in providers:
        blocks = text.count('provider "aws"')
        assert len(re.findall(rf'^\s+{key}\s+= "{value}"$', text, re.MULTILINE)) == blocks


# --- what an account's administrator may not do -------------------------------------------


@pytest.mark.parametrize(
    ("action", "resource", "tags"),
    [
        ("s3:DeleteBucketPolicy", BUCKET, None),
        ("s3:PutBucketPolicy", BUCKET, None),
        ("s3:DeleteBucket", BUCKET, None),
        ("s3:PutLifecycleConfiguration", BUCKET, None),
        ("s3:DeleteObject", f"{BUCKET}/AWSLogs/o-x/{ACCOUNT}/CloudTrail/a.json.gz", None),
        ("s3:BypassGovernanceRetention", f"{BUCKET}/any", None),
        ("cloudtrail:StopLogging", TRAIL, None),
        ("cloudtrail:DeleteTrail", TRAIL, None),
        ("cloudtrail:PutEventSelectors", TRAIL, None),
        ("cloudtrail:UpdateTrail", None, None),
        ("guardduty:DeleteDetector", None, None),
        ("ec2:CreateDefaultVpc", None, None),  # the baseline removed it: it stays away
        ("ec2:CreateDefaultSubnet", None, None),
        ("guardduty:DisassociateFromAdministratorAccount", None, None),
        ("guardduty:DisassociateFromMasterAccount", None, None),
        ("guardduty:UpdateDetector", None, None),
        ("securityhub:DisableSecurityHub", None, None),
        ("config:StopConfigurationRecorder", None, None),
        ("config:DeleteDeliveryChannel", None, None),
        ("access-analyzer:DeleteAnalyzer", None, LZGEN),
        ("organizations:LeaveOrganization", None, None),
        ("organizations:DeregisterDelegatedAdministrator", None, None),
        ("organizations:DetachPolicy", None, LZGEN),
        ("iam:UpdateAssumeRolePolicy", f"arn:aws:iam::{ACCOUNT}:role/lzgen-deployer", {}),
        ("iam:DeleteRole", f"arn:aws:iam::{ACCOUNT}:role/lzgen-deployer", {}),
        ("iam:PutRolePolicy", f"arn:aws:iam::{ACCOUNT}:role/lzgen-deployer", {}),
        ("iam:AttachRolePolicy", f"arn:aws:iam::{ACCOUNT}:role/OrganizationAccountAccessRole", {}),
        ("iam:DeleteRole", f"arn:aws:iam::{ACCOUNT}:role/lzgen-log-reader", {}),
        # nobody may make the break-glass role trust them, or create it where it is missing
        ("iam:UpdateAssumeRolePolicy", f"arn:aws:iam::{ACCOUNT}:role/lzgen-break-glass", {}),
        ("iam:CreateRole", f"arn:aws:iam::{ACCOUNT}:role/lzgen-break-glass", {}),
        ("iam:DeleteRolePolicy", f"arn:aws:iam::{ACCOUNT}:role/vpc-flow-logs", LZGEN),
        ("kms:ScheduleKeyDeletion", f"arn:aws:kms:us-east-1:{ACCOUNT}:key/k", LZGEN),
        ("kms:DisableKey", None, LZGEN),
        ("kms:PutKeyPolicy", None, LZGEN),
        ("ec2:DeleteFlowLogs", None, LZGEN),
        ("logs:DeleteLogGroup", None, LZGEN),
        ("logs:PutRetentionPolicy", None, LZGEN),
        ("ec2:DeleteTransitGateway", None, LZGEN),
        ("ec2:DeleteTransitGatewayRoute", None, LZGEN),
        ("ec2:DeleteTransitGatewayVpcAttachment", None, LZGEN),
        ("ec2:CreateTransitGatewayRoute", None, LZGEN),
        ("ec2:DisassociateTransitGatewayRouteTable", None, LZGEN),
        ("ec2:DeleteVpcPeeringConnection", None, LZGEN),
        ("ram:DeleteResourceShare", None, LZGEN),
        ("ram:AssociateResourceShare", None, LZGEN),
    ],
)
def test_an_account_administrator_is_denied(
    action: str, resource: str | None, tags: dict[str, str] | None
) -> None:
    assert _denied(Request(action, ADMIN, "us-east-1", resource, tags))
    assert _denied(Request(action, ADMIN, "eu-west-1", resource, tags))


@pytest.mark.parametrize(
    ("action", "keys"),
    [
        ("ec2:DeleteTags", ["ManagedBy"]),
        ("ec2:CreateTags", ["ManagedBy", "team"]),  # overwriting it
        ("kms:UntagResource", ["ManagedBy"]),
        ("logs:UntagResource", ["ManagedBy"]),
        ("ram:UntagResource", ["ManagedBy"]),
    ],
)
def test_nobody_takes_the_managed_by_tag_off_lzgen_resources(action: str, keys: list[str]) -> None:
    assert _denied(Request(action, ADMIN, "us-east-1", None, LZGEN, keys))
    assert not _denied(Request(action, ADMIN, "us-east-1", None, LZGEN, ["team"]))
    assert not _denied(Request(action, ADMIN, "us-east-1", None, {}, keys))


def test_nobody_deletes_every_tag_of_an_lzgen_resource_at_once() -> None:
    """ec2:DeleteTags without tag keys deletes them all (aws:TagKeys is then absent)."""
    assert _denied(Request("ec2:DeleteTags", ADMIN, "us-east-1", None, LZGEN, ()))
    assert not _denied(Request("ec2:DeleteTags", ADMIN, "us-east-1", None, {}, ()))
    assert not _denied(Request("ec2:DeleteTags", DEPLOYER, "us-east-1", None, LZGEN, ()))


@pytest.mark.parametrize(
    ("action", "resource", "tags"),
    [
        # the account's own resources stay the account's
        ("kms:ScheduleKeyDeletion", f"arn:aws:kms:us-east-1:{ACCOUNT}:key/mine", {}),
        ("logs:DeleteLogGroup", None, {"ManagedBy": "team-a"}),
        ("ec2:DeleteFlowLogs", None, {}),
        ("s3:DeleteBucketPolicy", "arn:aws:s3:::team-a-data", None),
        ("s3:DeleteObject", "arn:aws:s3:::team-a-data/x", None),
        ("iam:DeleteRole", f"arn:aws:iam::{ACCOUNT}:role/team-a-app", {}),
        ("iam:CreateRole", f"arn:aws:iam::{ACCOUNT}:role/team-a-app", {}),
        ("ec2:DeleteTransitGatewayRoute", None, {}),
        ("ram:DeleteResourceShare", None, {}),
        ("config:DeleteConfigRule", None, None),
        ("access-analyzer:DeleteAnalyzer", None, {}),
        # reading is never denied
        ("s3:GetObject", f"{BUCKET}/AWSLogs/x", None),
        ("guardduty:ListDetectors", None, None),
        ("cloudtrail:LookupEvents", None, None),
        # an account's own trail is its own
        ("cloudtrail:StopLogging", f"arn:aws:cloudtrail:us-east-1:{ACCOUNT}:trail/team-a", None),
        ("iam:GetRole", f"arn:aws:iam::{ACCOUNT}:role/lzgen-deployer", LZGEN),
        ("ec2:CreateVpc", None, None),
    ],
)
def test_an_account_administrator_keeps_its_own_resources(
    action: str, resource: str | None, tags: dict[str, str] | None
) -> None:
    assert not _denied(Request(action, ADMIN, "us-east-1", resource, tags))


# --- what the deployer and break-glass roles may do -----------------------------------------

# what lzgen's stacks do in member accounts, beyond every action a core statement names
LZGEN_ACTIONS = (
    "s3:CreateBucket",
    "s3:PutBucketPolicy",
    "s3:PutBucketVersioning",
    "s3:PutBucketObjectLockConfiguration",
    "s3:PutLifecycleConfiguration",
    "s3:PutEncryptionConfiguration",
    "s3:DeleteBucketPolicy",
    "kms:CreateKey",
    "kms:PutKeyPolicy",
    "kms:TagResource",
    "kms:EnableKeyRotation",
    "iam:CreateRole",
    "iam:PutRolePolicy",
    "iam:UpdateAssumeRolePolicy",
    "iam:DeleteRole",
    "iam:TagRole",
    "ec2:CreateFlowLogs",
    "ec2:CreateTags",
    "ec2:DeleteTags",
    "logs:CreateLogGroup",
    "logs:PutRetentionPolicy",
    "ec2:CreateTransitGateway",
    "ec2:CreateTransitGatewayRoute",
    "ec2:DeleteTransitGatewayRoute",
    "ec2:CreateTransitGatewayVpcAttachment",
    "ram:CreateResourceShare",
    "ram:AssociateResourceShare",
    "guardduty:CreateDetector",
    "guardduty:UpdateDetector",
    "securityhub:EnableSecurityHub",
    "config:PutConfigurationRecorder",
    "cloudtrail:UpdateTrail",
    "access-analyzer:CreateAnalyzer",
    "organizations:RegisterDelegatedAdministrator",
)


def _named_actions() -> list[str]:
    """Every action the core statements name, wildcards made concrete."""
    found = {
        a.replace("*", "Role")
        for d in DOCUMENTS.values()
        for s in d["Statement"]
        for a in ([s["Action"]] if isinstance(s["Action"], str) else s["Action"])
    }
    return sorted(found)


@pytest.mark.parametrize("principal", [DEPLOYER, BREAK_GLASS], ids=["deployer", "break-glass"])
def test_the_exempt_roles_are_denied_nothing(principal: str) -> None:
    resources = (None, BUCKET, f"{BUCKET}/x", f"arn:aws:iam::{ACCOUNT}:role/lzgen-deployer")
    for action in (*LZGEN_ACTIONS, *_named_actions()):
        for resource in resources:
            # unknown tags and tag keys: every tag condition counts as holding
            assert not _denied(Request(action, principal, "us-east-1", resource)), action
            assert not _denied(Request(action, principal, "ap-south-1", resource, LZGEN)), action


def test_a_role_named_like_an_exempt_one_under_a_path_is_not_exempt() -> None:
    pathed = f"arn:aws:iam::{ACCOUNT}:role/team/{PARAMS.deployer_role}"
    assert _denied(Request("cloudtrail:StopLogging", pathed, "us-east-1"))


# --- the evaluator's resource and tag matching ----------------------------------------------


def test_resources_and_tags_unknown_count_as_matching() -> None:
    statement = {
        "Effect": "Deny",
        "Action": "kms:DisableKey",
        "Resource": "arn:aws:kms:*:*:key/*",
        "Condition": {"StringEquals": {"aws:ResourceTag/ManagedBy": "lzgen"}},
    }
    assert understood({"Statement": [statement]})
    assert denies(statement, Request("kms:DisableKey", ADMIN, "us-east-1"))
    assert denies(
        statement, Request("kms:DisableKey", ADMIN, "us-east-1", None, {"managedby": "lzgen"})
    )
    assert not denies(statement, Request("kms:DisableKey", ADMIN, "us-east-1", None, {}))
    assert not denies(statement, Request("kms:DisableKey", ADMIN, "us-east-1", "arn:aws:s3:::b"))


def test_not_resource_is_not_understood() -> None:
    statement = {"Effect": "Deny", "Action": "s3:*", "NotResource": "arn:aws:s3:::b"}
    assert not understood({"Statement": [statement]})


# --- where they are attached ----------------------------------------------------------------


def _organization_baseline_tf(text: str) -> str:
    checked = check_document(load_text(text, "org.yaml"))
    assert checked.plan is not None, [(d.code, d.message) for d in checked.diagnostics]
    return render_tree(checked.plan, "0" * 64)["organization/baseline.tf"]


def _root_attachments(tf: str) -> dict[str, str]:
    pattern = re.compile(
        r'resource "aws_organizations_policy_attachment" "([^"]+)" \{\n'
        r"  policy_id = aws_organizations_policy\.([^.]+)\.id\n  target_id = ([^\n]+)\n\}"
    )
    return {
        policy: target
        for address, policy, target in pattern.findall(tf)
        if address == f"{policy}_root"
    }


def test_an_existing_organization_gets_the_core_set_on_its_root_id() -> None:
    tf = _organization_baseline_tf(org("baseline: { log_archive_account: network }\n"))
    assert _root_attachments(tf) == {p.name: '"r-ex01"' for p in CORE}


def test_a_new_organization_gets_the_core_set_on_its_root() -> None:
    tf = _organization_baseline_tf(EXAMPLE.read_text(encoding="utf-8"))
    assert _root_attachments(tf) == {
        p.name: "aws_organizations_organization.this.roots[0].id" for p in CORE
    }


def test_no_baseline_no_service_control_policies() -> None:
    checked = check_document(load_text(org(), "org.yaml"))
    assert checked.plan is not None
    assert "organization/baseline.tf" not in render_tree(checked.plan, "0" * 64)


def test_the_bucket_the_core_set_protects_is_the_log_archive_bucket() -> None:
    checked = check_document(load_text(EXAMPLE.read_text(encoding="utf-8"), "org.yaml"))
    assert checked.org is not None
    (bucket,) = DOCUMENTS["lzgen-core-resources"]["Statement"][0]["Resource"][:1]
    assert bucket == f"arn:aws:s3:::{log_bucket_name(checked.org)}"


# --- examples/org.yaml's organization stack, from its offline plans (tests/test_terraform.py) -


@pytest.mark.terraform
@tree_group("org")
def test_the_organization_stack_attaches_the_core_set_at_the_root(
    offline_plans: OfflinePlans,
) -> None:
    plan = offline_plans.at("org", "organization")
    config, planned = plan.config, plan.planned
    exempt = sorted(
        f"arn:aws:iam::*:role/{r}" for r in (PARAMS.deployer_role, PARAMS.break_glass_role)
    )
    for policy in CORE:
        address = f"aws_organizations_policy.{policy.name}"
        content = json.loads(planned[address]["content"])
        assert len(planned[address]["content"]) < SCP_SIZE_LIMIT
        assert content == DOCUMENTS[policy.name]
        for statement in content["Statement"]:
            assert sorted(statement["Condition"]["ArnNotLike"]["aws:PrincipalArn"]) == exempt
        attachment = config[f"aws_organizations_policy_attachment.{policy.name}_root"]
        refs = attachment["expressions"]["target_id"]["references"]
        assert "aws_organizations_organization.this" in refs, refs
        assert f"{address}.id" in attachment["expressions"]["policy_id"]["references"]
