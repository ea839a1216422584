"""The service control policy library: every shipped policy is valid policy JSON under the
Organizations size limit, for any parameters lzgen accepts; and the Deny evaluator the rules
use reads the library's conditions the way IAM does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lzgen.regions import REGIONS
from lzgen.render import template_dir
from lzgen.scp import (
    CORE,
    LIBRARY,
    SCP_SIZE_LIMIT,
    minified_size,
    policy_document,
    policy_text,
    statement_denies,
    understood,
)

# The longest access role name IAM allows, and every region lzgen knows: the largest policies.
LONGEST_ROLE = "R" * 64
ALL_REGIONS = tuple(sorted(REGIONS))
NAMES = sorted(LIBRARY)
ROLE = "lzgen-deployer"


def _params(name: str) -> dict[str, tuple[str, ...]]:
    return {"regions": ALL_REGIONS} if "regions" in LIBRARY[name].parameters else {}


def test_library_matches_the_shipped_files() -> None:
    core = {Path(c.template).name for c in CORE}  # tests/test_scp_core_guardrails.py's
    shipped = sorted(
        p.name.removesuffix(".j2").removesuffix(".json")
        for p in (template_dir() / "baseline" / "scp").iterdir()
        if p.name not in core
    )
    assert shipped == NAMES
    for name, policy in LIBRARY.items():
        assert (template_dir() / policy.template).is_file(), name
        assert Path(policy.template).name.startswith(f"{name}.json")
        if policy.parameters:  # user parameters need a template; plain JSON has no jinja
            assert policy.template.endswith(".j2"), name
        if not policy.template.endswith(".j2"):
            assert "{" + "{" not in (template_dir() / policy.template).read_text(), name
        assert 0 < len(policy.description) <= 512, name  # Organizations' description limit


@pytest.mark.parametrize("name", NAMES)
def test_every_policy_is_valid_json_under_the_size_limit(name: str) -> None:
    text = policy_text(name, access_role=LONGEST_ROLE, **_params(name))
    document = json.loads(text)
    assert document["Version"] == "2012-10-17"
    statements = document["Statement"]
    assert isinstance(statements, list)
    assert statements
    sids = [s["Sid"] for s in statements]
    assert len(set(sids)) == len(sids), sids
    for statement in statements:
        assert set(statement) <= {"Sid", "Effect", "Action", "NotAction", "Resource", "Condition"}
        assert statement["Effect"] == "Deny", "the library only denies; FullAWSAccess allows"
        assert ("Action" in statement) != ("NotAction" in statement), statement["Sid"]
        assert statement["Resource"] == "*"
        actions = statement.get("Action", statement.get("NotAction"))
        for action in [actions] if isinstance(actions, str) else actions:
            assert action == "*" or ":" in action, action
    # Terraform sends jsonencode(jsondecode(file)): minified, as Organizations counts it
    assert minified_size(document) < SCP_SIZE_LIMIT, f"{name}: {minified_size(document)}"


@pytest.mark.parametrize("name", NAMES)
def test_every_policy_uses_only_conditions_the_evaluator_understands(name: str) -> None:
    assert understood(policy_document(name, access_role=ROLE, **_params(name)))


def test_parametrised_policies_put_user_values_only_into_json_strings() -> None:
    document = policy_document("allowed-regions", access_role=ROLE, regions=("eu-west-1",))
    condition = document["Statement"][0]["Condition"]
    assert condition["StringNotEquals"]["aws:RequestedRegion"] == ["eu-west-1"]
    assert condition["ArnNotLike"]["aws:PrincipalArn"] == f"arn:aws:iam::*:role/{ROLE}"


def _denies(name: str, action: str, principal: str, region: str = "us-east-1") -> bool:
    document = policy_document(name, access_role=ROLE, regions=("us-east-1",))
    return any(statement_denies(s, action, principal, region) for s in document["Statement"])


ACCESS_ROLE = f"arn:aws:iam::222222222222:role/{ROLE}"
OTHER_ROLE = "arn:aws:iam::222222222222:role/Developer"
ROOT = "arn:aws:iam::222222222222:root"


@pytest.mark.parametrize(
    ("name", "action", "principal", "region", "denied"),
    [
        ("deny-root-user", "ec2:RunInstances", ROOT, "us-east-1", True),
        ("deny-root-user", "ec2:RunInstances", ACCESS_ROLE, "us-east-1", False),
        (
            "deny-leave-organization",
            "organizations:LeaveOrganization",
            ACCESS_ROLE,
            "us-east-1",
            True,
        ),
        ("deny-leave-organization", "ec2:CreateVpc", ACCESS_ROLE, "us-east-1", False),
        ("protect-security-services", "cloudtrail:StopLogging", OTHER_ROLE, "us-east-1", True),
        ("protect-security-services", "cloudtrail:StopLogging", ACCESS_ROLE, "us-east-1", False),
        ("protect-security-services", "guardduty:ListDetectors", OTHER_ROLE, "us-east-1", False),
        ("allowed-regions", "ec2:CreateVpc", OTHER_ROLE, "eu-west-1", True),
        ("allowed-regions", "ec2:CreateVpc", OTHER_ROLE, "us-east-1", False),
        ("allowed-regions", "iam:CreateRole", OTHER_ROLE, "eu-west-1", False),  # global
        ("allowed-regions", "ec2:CreateVpc", ACCESS_ROLE, "eu-west-1", False),  # exempt
        ("deny-internet-gateways", "ec2:CreateInternetGateway", ACCESS_ROLE, "us-east-1", True),
        ("deny-internet-gateways", "EC2:createinternetgateway", OTHER_ROLE, "us-east-1", True),
        ("deny-internet-gateways", "ec2:CreateNatGateway", ACCESS_ROLE, "us-east-1", False),
    ],
)
def test_deny_evaluation(name: str, action: str, principal: str, region: str, denied: bool) -> None:
    assert _denies(name, action, principal, region) is denied


def test_unknown_conditions_count_as_applying() -> None:
    statement = {
        "Effect": "Deny",
        "Action": "s3:*",
        "Resource": "*",
        "Condition": {"StringEquals": {"aws:PrincipalTag/team": "x"}},
    }
    assert not understood({"Statement": [statement]})
    assert statement_denies(statement, "s3:CreateBucket", ACCESS_ROLE, "us-east-1")
