"""VPC flow logs, from the offline plans: every flow log records the fields investigations need
once a minute, and central delivery to the log archive admits exactly the accounts whose VPCs
send their flow logs there (``aws:SourceAccount`` and ``aws:SourceArn``, as AWS documents for
flow logs to S3), never the whole organization on ``aws:SourceOrgID`` alone.

The bucket policy's ARNs are only known after apply, so its statements are checked on the
configuration here and on the applied policy in tests/test_apply.py; the key policy is known
at plan time and checked whole.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import OfflinePlans, Plan, RenderedExamples, stack_or_fail, stack_params, tree_group
from lzgen.offline import placeholder
from lzgen.plan.vpc_context import FLOW_LOG_AGGREGATION_SECONDS, FLOW_LOG_FIELDS

pytestmark = pytest.mark.terraform

ARCHIVE = "accounts/log-archive/us-east-1"
# examples/org.yaml: both VPCs' accounts send flow logs to the log archive; lzgen creates both
# (network is adopted by id in examples/brownfield.yaml, not here)
SENDERS = ("network", "app-a")


@pytest.mark.parametrize(("example", "stack"), stack_params())
def test_every_flow_log_records_the_investigation_fields_every_minute(
    example: str, stack: dict[str, Any] | str, offline_plans: OfflinePlans
) -> None:
    plan = offline_plans.plan(example, stack_or_fail(stack))
    for flow_log in plan.of_type("aws_flow_log"):
        values = plan.planned[flow_log]
        assert values["max_aggregation_interval"] == FLOW_LOG_AGGREGATION_SECONDS, flow_log
        assert values["log_format"].split() == [f"${{{f}}}" for f in FLOW_LOG_FIELDS], flow_log


def _archive(rendered: RenderedExamples, plans: OfflinePlans) -> Plan:
    stack = next(s for s in rendered.manifest("org")["stacks"] if s["path"] == ARCHIVE)
    return plans.plan("org", stack)


def _sender_ids(rendered: RenderedExamples) -> list[str]:
    """The ids the offline plan gives the sending accounts (the organization stack's outputs)."""
    manifest = rendered.manifest("org")
    assert all(s in json.dumps(manifest) for s in SENDERS)
    return [placeholder(f"account_ids.{name}") for name in SENDERS]


@tree_group("org")
def test_the_log_archive_key_admits_flow_log_delivery_for_the_sending_accounts_only(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    plan = _archive(rendered_examples, offline_plans)
    policy = json.loads(plan.planned["aws_kms_key.log_archive"]["policy"])
    delivery = [
        s
        for s in policy["Statement"]
        if s.get("Principal") == {"Service": "delivery.logs.amazonaws.com"}
    ]
    (statement,) = delivery
    assert statement["Condition"] == {
        "StringEquals": {"aws:SourceAccount": _sender_ids(rendered_examples)},
        "ArnLike": {"aws:SourceArn": "arn:aws:logs:*:*:*"},
    }
    assert "aws:SourceOrgID" not in json.dumps(policy)


@tree_group("org")
def test_the_log_archive_bucket_admits_each_sending_account_into_its_own_prefix(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    plan = _archive(rendered_examples, offline_plans)
    config = plan.config["data.aws_iam_policy_document.log_archive_bucket"]
    statements = {
        s["sid"]["constant_value"]: s
        for s in config["expressions"]["statement"]
        if "FlowLog" in s["sid"]["constant_value"]
    }
    assert set(statements) == {"FlowLogDeliveryChecksAcl", "FlowLogDeliveryWrites"}
    for statement in statements.values():
        conditions = {c["variable"]["constant_value"]: c for c in statement["condition"]}
        assert set(conditions) == {"aws:SourceAccount", "aws:SourceArn"} | (
            {"s3:x-amz-acl"} if statement is statements["FlowLogDeliveryWrites"] else set()
        )
        assert conditions["aws:SourceAccount"]["values"]["references"] == [
            "local.flow_log_accounts"
        ]
    writes = statements["FlowLogDeliveryWrites"]["resources"]["references"]
    assert set(writes) >= {"local.flow_log_accounts", "aws_s3_bucket.log_archive.arn"}
    # the local is the sending accounts' ids, in the file's order
    text = (rendered_examples["org"] / ARCHIVE / "log_archive.tf").read_text(encoding="utf-8")
    start = text.index("flow_log_accounts = [")
    block = text[start : text.index("\n  ]", start)]
    assert [line.strip().rstrip(",") for line in block.splitlines()[1:]] == [
        f'data.terraform_remote_state.organization.outputs.account_ids["{name}"]'
        for name in SENDERS
    ]
    assert "aws:SourceOrgID" not in json.dumps(statements)
