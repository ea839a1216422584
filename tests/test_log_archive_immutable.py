"""The immutable log archive: object lock in the file's mode (GOVERNANCE, 365 days, when
``baseline.log_retention`` is absent), a lifecycle that follows the retention, denies of
destructive actions to every principal but the deployer (or pipeline) role and the break-glass
role, and the audit account's read-only role when ``security:`` exists.

Rule snippets follow test_rules.py (``FAILING`` counts for its every-code check); plan-level
tests render in-process; the plan-JSON tests plan only the organization, log archive and
organization-trail stacks of examples/org.yaml (with a ``security:`` block added).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from conftest import EXAMPLES_DIR, OfflinePlans, Plan, tree_group
from helpers import diagnose, diagnostics, org, rendered
from lzgen.load import load_text
from lzgen.offline import placeholder
from lzgen.pipeline import check_document
from lzgen.plan.log_retention import DENIED_BUCKET_ACTIONS, DENIED_KEY_ACTIONS, LOG_READER_ROLE
from lzgen.plan.types import Stack

ARCHIVE = "accounts/network/us-east-1"  # the snippets' log archive: BASE's existing account

Expected = list[tuple[str, int, int]]

FAILING: list[tuple[str, str, Expected]] = [
    (
        "LZ7020-expiry-before-retention",
        """
        baseline:
          log_archive_account: network
          log_retention: { mode: COMPLIANCE, days: 400, expire_days: 365 }
        """,
        [("LZ7020", 3, 62)],
    ),
    (
        "LZ7020-expiry-before-default-retention",
        """
        baseline:
          log_archive_account: network
          log_retention:
            expire_days: 90
        """,
        [("LZ7020", 4, 18)],
    ),
]

PASSING: list[tuple[str, str]] = [
    ("no-retention-block", "baseline: { log_archive_account: network }\n"),
    (
        "expiry-on-the-retention-day",
        """
        baseline:
          log_archive_account: network
          log_retention: { mode: GOVERNANCE, days: 365, expire_days: 365 }
        """,
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in FAILING])
def test_failing_snippet(snippet: str, expected: Expected) -> None:
    assert diagnose(org(snippet)) == expected


@pytest.mark.parametrize("snippet", [pytest.param(s, id=i) for i, s in PASSING])
def test_passing_snippet(snippet: str) -> None:
    assert diagnose(org(snippet)) == []


def test_expiry_message_and_hint_name_both_numbers() -> None:
    (d,) = diagnostics(org(FAILING[0][1]))
    assert d.path == "baseline.log_retention.expire_days"
    assert "365 days" in d.message
    assert "400-day" in d.message
    assert "400 or more" in d.hint


@pytest.mark.parametrize(
    "snippet",
    [
        "baseline: { log_archive_account: network, object_lock_days: 365 }\n",
        "baseline: { log_archive_account: network, log_retention: { mode: LEGAL } }\n",
        "baseline: { log_archive_account: network, log_retention: { days: 0 } }\n",
    ],
    ids=["object-lock-days-is-gone", "unknown-mode", "zero-days"],
)
def test_bad_retention_is_a_shape_error(snippet: str) -> None:
    codes = [code for code, _, _ in diagnose(org(snippet))]
    assert codes, snippet
    assert all(code.startswith("LZ1") for code in codes), codes


# --- plan level (rendered in-process) ----------------------------------------------------------


def _stacks(text: str) -> dict[str, Stack]:
    checked = check_document(load_text(text, "org.yaml"))
    assert checked.plan is not None, [(d.code, d.line, d.message) for d in checked.diagnostics]
    return {s.path: s for s in checked.plan.stacks}


def _archive_context(text: str) -> dict[str, Any]:
    stack = _stacks(text)[ARCHIVE]
    spec = next(f for f in stack.files if f.path == "log_archive.tf")
    context: dict[str, Any] = spec.context["archive"]
    return context


def test_default_is_governance_for_a_year_with_logs_kept() -> None:
    context = _archive_context(org("baseline: { log_archive_account: network }\n"))
    assert context["retention"] == {"mode": "GOVERNANCE", "days": 365}
    assert context["lifecycle"] == {
        "transitions": [
            {"storage_class": "STANDARD_IA", "days": 30},
            {"storage_class": "GLACIER_IR", "days": 90},
            {"storage_class": "DEEP_ARCHIVE", "days": 365},
        ],
        "expire_days": None,
        "noncurrent_days": 365,
    }
    assert context["exempt_roles"] == ["lzgen-deployer", "lzgen-break-glass"]
    assert context["reader"] is None


def test_transitions_stop_before_the_objects_expire() -> None:
    context = _archive_context(
        org(
            """
            baseline:
              log_archive_account: network
              log_retention: { mode: COMPLIANCE, days: 90, expire_days: 180 }
            """
        )
    )
    assert context["retention"] == {"mode": "COMPLIANCE", "days": 90}
    assert [t["storage_class"] for t in context["lifecycle"]["transitions"]] == [
        "STANDARD_IA",
        "GLACIER_IR",
    ]
    assert context["lifecycle"]["expire_days"] == 180
    assert context["lifecycle"]["noncurrent_days"] == 90


def test_a_log_archive_in_the_management_account_exempts_the_pipeline_role() -> None:
    text = org(
        """
        accounts:
          - { name: mgmt, email: aws+mgmt@example.com, ou: Infrastructure, id: "111111111111" }
        baseline: { log_archive_account: mgmt, break_glass_role: Emergency }
        """
    )
    stacks = _stacks(text)
    spec = next(f for f in stacks["accounts/mgmt/us-east-1"].files if f.path == "log_archive.tf")
    assert spec.context["archive"]["exempt_roles"] == ["lzgen-pipeline", "Emergency"]


def test_rendered_denies_and_object_lock() -> None:
    text = org(
        """
        baseline:
          log_archive_account: network
          log_retention: { mode: COMPLIANCE, days: 730 }
        """
    )
    tf = rendered(text)[f"{ARCHIVE}/log_archive.tf"]
    assert 'mode = "COMPLIANCE"' in tf
    assert "days = 730" in tf
    assert 'object_lock_enabled = "Enabled"' in tf
    assert "ignore_changes = [object_lock_enabled]" in tf
    for action in DENIED_BUCKET_ACTIONS:
        assert f'      "{action}",\n' in tf, action
    assert ", ".join(f'"{a}"' for a in DENIED_KEY_ACTIONS) in tf
    assert '"arn:aws:iam::${local.account_id}:role/lzgen-deployer",' in tf
    assert '"arn:aws:iam::${local.account_id}:role/lzgen-break-glass",' in tf
    assert "noncurrent_days = 730" in tf
    assert "expiration {" not in tf.replace("noncurrent_version_expiration {", "")
    assert "log_reader" not in tf


def test_the_reader_exists_only_with_a_security_block() -> None:
    without = rendered(org("baseline: { log_archive_account: network }\n"))
    assert f"{ARCHIVE}/log_reader.tf" not in without
    text = org(
        """
        baseline: { log_archive_account: network }
        security: { audit_account: app-a }
        """
    )
    files = rendered(text)
    reader = files[f"{ARCHIVE}/log_reader.tf"]
    assert f'name                 = "{LOG_READER_ROLE}"' in reader
    # app-a is created by lzgen: its id comes from the organization stack
    assert 'data.terraform_remote_state.organization.outputs.account_ids["app-a"]' in reader
    assert '"arn:aws:kms:us-east-1:111111111111:key/*"' in reader
    archive = files[f"{ARCHIVE}/log_archive.tf"]
    assert archive.count("identifiers = [aws_iam_role.log_reader.arn]") == 2
    assert (
        'Principal = { AWS = "arn:aws:iam::${local.account_id}:role/lzgen-log-reader" }' in archive
    )
    assert "depends_on = [aws_iam_role.log_reader]" in archive


# --- plan JSON: examples/org.yaml's offline plans (shared with tests/test_terraform.py) -------

ORG_YAML = EXAMPLES_DIR / "org.yaml"
STACKS = ("organization", "accounts/log-archive/us-east-1", "organization-trail")


def audit_account() -> str:
    """examples/org.yaml's audit account."""
    data = yaml.safe_load(ORG_YAML.read_text(encoding="utf-8"))
    return str(data["security"]["audit_account"])


@pytest.fixture
def archive_plans(offline_plans: OfflinePlans) -> dict[str, Plan]:
    return {path: offline_plans.at("org", path) for path in STACKS}


@pytest.mark.terraform
@tree_group("org")
def test_plan_locks_every_object_and_ages_them(archive_plans: dict[str, Plan]) -> None:
    plan = archive_plans["accounts/log-archive/us-east-1"]
    assert plan.planned["aws_s3_bucket.log_archive"]["object_lock_enabled"] is True
    lock = plan.planned["aws_s3_bucket_object_lock_configuration.log_archive"]
    assert lock["object_lock_enabled"] == "Enabled"
    assert lock["rule"][0]["default_retention"] == [
        {"mode": "GOVERNANCE", "days": 365, "years": None}
    ]
    rules = {
        r["id"]: r
        for r in plan.planned["aws_s3_bucket_lifecycle_configuration.log_archive"]["rule"]
    }
    aging = rules["age-log-objects"]
    # a set in the provider's schema: compare sorted by age
    assert sorted((t["days"], t["storage_class"]) for t in aging["transition"]) == [
        (30, "STANDARD_IA"),
        (90, "GLACIER_IR"),
        (365, "DEEP_ARCHIVE"),
    ]
    assert aging["expiration"][0]["days"] == 2555  # examples/org.yaml: seven years
    assert aging["noncurrent_version_expiration"][0]["noncurrent_days"] == 365
    assert rules["abort-incomplete-multipart-uploads"]["status"] == "Enabled"


@pytest.mark.terraform
@tree_group("org")
def test_plan_reader_is_trusted_by_the_audit_account_only(archive_plans: dict[str, Plan]) -> None:
    plan = archive_plans["accounts/log-archive/us-east-1"]
    role = plan.planned["aws_iam_role.log_reader"]
    assert role["name"] == LOG_READER_ROLE
    trust = json.loads(role["assume_role_policy"])
    (statement,) = trust["Statement"]
    assert statement["Action"] == "sts:AssumeRole"
    # examples/org.yaml's audit account is created by lzgen: its id is the organization
    # stack's output (a placeholder offline)
    audit_id = placeholder(f"account_ids.{audit_account()}")
    assert statement["Principal"] == {"AWS": f"arn:aws:iam::{audit_id}:root"}
    # roles of the audit account only: not its IAM users, not its root user
    assert statement["Condition"] == {
        "ArnLike": {"aws:PrincipalArn": f"arn:aws:iam::{audit_id}:role/*"}
    }
    # the reader's own policy names the bucket and key (known after apply): configuration
    policy = plan.config["data.aws_iam_policy_document.log_reader"]["expressions"]["statement"]
    actions = sorted(a for s in policy for a in s["actions"]["constant_value"])
    assert actions == [
        "kms:Decrypt",
        "kms:Decrypt",
        "s3:GetBucketLocation",
        "s3:GetObject",
        "s3:GetObjectVersion",
        "s3:ListBucket",
        "s3:ListBucketVersions",
    ]
    # the key policy names the reader by ARN (known at plan time), created first
    key = plan.planned["aws_kms_key.log_archive"]
    (reader,) = [
        s for s in json.loads(key["policy"])["Statement"] if s["Sid"] == "AuditReaderDecrypts"
    ]
    archive_id = placeholder("account_ids.log-archive")
    assert reader["Principal"] == {"AWS": f"arn:aws:iam::{archive_id}:role/{LOG_READER_ROLE}"}
    assert reader["Action"] == "kms:Decrypt"
    assert plan.config["aws_kms_key.log_archive"]["depends_on"] == ["aws_iam_role.log_reader"]
    deny = next(
        s
        for s in json.loads(key["policy"])["Statement"]
        if s["Sid"] == "DenyKeyDestructionExceptExemptRoles"
    )
    assert deny["Effect"] == "Deny"
    assert sorted(deny["Action"]) == sorted(DENIED_KEY_ACTIONS)
    assert deny["Condition"]["ArnNotLike"]["aws:PrincipalArn"] == [
        f"arn:aws:iam::{archive_id}:role/lzgen-deployer",
        f"arn:aws:iam::{archive_id}:role/lzgen-break-glass",
    ]


@pytest.mark.terraform
@tree_group("org")
def test_plan_bucket_policy_denies_destruction_but_to_the_exempt_roles(
    archive_plans: dict[str, Plan],
) -> None:
    plan = archive_plans["accounts/log-archive/us-east-1"]
    statements = plan.config["data.aws_iam_policy_document.log_archive_bucket"]["expressions"][
        "statement"
    ]
    by_sid = {s["sid"]["constant_value"]: s for s in statements}
    deny = by_sid["DenyDestructiveActionsExceptExemptRoles"]
    assert deny["effect"]["constant_value"] == "Deny"
    assert sorted(deny["actions"]["constant_value"]) == sorted(DENIED_BUCKET_ACTIONS)
    (condition,) = deny["condition"]
    assert condition["test"]["constant_value"] == "ArnNotLike"
    assert condition["variable"]["constant_value"] == "aws:PrincipalArn"
    assert "local.log_archive_exempt_roles" in condition["values"]["references"]
    # services keep writing: nothing they do is denied
    assert "s3:PutObject" not in DENIED_BUCKET_ACTIONS
    assert {"AuditReaderLists", "AuditReaderReads", "OrganizationTrailWrites"} <= set(by_sid)
