"""Plan JSON of the bootstrap and deployer-role stacks (issue 11): what the apply tests cannot
show against moto (the state bucket's TLS-only policy and its EventBridge notification, moto gaps
there) and what wiring matters (the pipeline role's trust, the state key, the StackSet's target).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import hcl2
import pytest

from conftest import OfflinePlans, Plan, RenderedExamples, tree_group

pytestmark = [pytest.mark.terraform, tree_group("org")]


def _plan(rendered: RenderedExamples, plans: OfflinePlans, example: str, path: str) -> Plan:
    stack = next(s for s in rendered.manifest(example)["stacks"] if s["path"] == path)
    return plans.plan(example, stack)


def _statements(document: str) -> list[dict[str, Any]]:
    statements: list[dict[str, Any]] = json.loads(document)["Statement"]
    return statements


def _jsonencoded(tree: Path, resource_type: str, name: str, key: str) -> str:
    """A policy written as ``jsonencode({...})`` with references, as python-hcl2 reads it: the
    plan knows its value only after apply."""
    for block in hcl2.loads((tree / "bootstrap" / "bootstrap.tf").read_text())["resource"]:
        if f'"{resource_type}"' in block:
            value: str = block[f'"{resource_type}"'][f'"{name}"'][key]
            return value
    raise AssertionError(f"no {resource_type}.{name}")


def test_the_state_bucket_is_private_versioned_and_encrypted_with_its_own_key(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    plan = _plan(rendered_examples, offline_plans, "org", "bootstrap")
    bucket = plan.planned["aws_s3_bucket.state"]
    assert bucket["bucket"] == "example-corp-tfstate"
    assert bucket["force_destroy"] is False
    policy = _jsonencoded(rendered_examples["org"], "aws_s3_bucket_policy", "state", "policy")
    assert policy == (
        '${jsonencode({Version = "2012-10-17", Statement = [{Sid = "DenyInsecureTransport", '
        'Effect = "Deny", Principal = "*", Action = "s3:*", Resource = [aws_s3_bucket.state.arn, '
        '"${aws_s3_bucket.state.arn}/*"], Condition = {Bool = {"aws:SecureTransport" = '
        '"false"}}}]})}'
    )
    assert plan.changes["aws_s3_bucket_policy.state"]["after_unknown"]["policy"] is True
    block = plan.planned["aws_s3_bucket_public_access_block.state"]
    assert all(block[k] for k in ("block_public_acls", "block_public_policy", "ignore_public_acls"))
    assert block["restrict_public_buckets"] is True
    ownership = plan.planned["aws_s3_bucket_ownership_controls.state"]["rule"]
    assert ownership == [{"object_ownership": "BucketOwnerEnforced"}]
    versioning = plan.planned["aws_s3_bucket_versioning.state"]["versioning_configuration"]
    assert versioning[0]["status"] == "Enabled"
    (rule,) = plan.planned["aws_s3_bucket_lifecycle_configuration.state"]["rule"]
    assert rule["noncurrent_version_expiration"][0]["noncurrent_days"] == 90
    assert rule["abort_incomplete_multipart_upload"][0]["days_after_initiation"] == 7
    assert plan.planned["aws_s3_bucket_notification.state"]["eventbridge"] is True
    assert plan.planned["aws_kms_key.state"]["enable_key_rotation"] is True
    assert plan.planned["aws_kms_alias.state"]["name"] == "alias/lzgen/terraform-state"
    sse = plan.config["aws_s3_bucket_server_side_encryption_configuration.state"]
    default = sse["expressions"]["rule"][0]["apply_server_side_encryption_by_default"][0]
    assert default["kms_master_key_id"]["references"][0] == "aws_kms_key.state.arn"


def test_the_pipeline_role_trusts_ci_subjects_and_named_roles_only(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    org = _plan(rendered_examples, offline_plans, "org", "bootstrap")
    trust = _jsonencoded(rendered_examples["org"], "aws_iam_role", "pipeline", "assume_role_policy")
    assert trust == (
        '${jsonencode({Version = "2012-10-17", Statement = [{Sid = "ContinuousIntegration", '
        'Effect = "Allow", Principal = {Federated = aws_iam_openid_connect_provider.ci.arn}, '
        'Action = "sts:AssumeRoleWithWebIdentity", Condition = {StringEquals = '
        '{"token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"}, StringLike = '
        '{"token.actions.githubusercontent.com:sub" = '
        '["repo:example-corp/landing-zone:ref:refs/heads/main"]}}}]})}'
    )
    provider = org.planned["aws_iam_openid_connect_provider.ci"]
    assert provider["url"] == "https://token.actions.githubusercontent.com"


@tree_group("hub-and-spoke")
def test_the_pipeline_role_of_a_file_without_ci_trusts_its_named_roles(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    hub = _plan(rendered_examples, offline_plans, "hub-and-spoke", "bootstrap")
    (operators,) = _statements(hub.planned["aws_iam_role.pipeline"]["assume_role_policy"])
    assert operators["Principal"] == {"AWS": ["arn:aws:iam::111111111111:role/PlatformAdmin"]}
    assert operators["Action"] == "sts:AssumeRole"
    assert "aws_s3_bucket.state" in hub.planned  # hub-and-spoke keeps state in S3 as well


@tree_group("hub-and-spoke")
def test_the_deployer_role_stack_set_targets_the_root_with_automatic_deployment(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    plan = _plan(rendered_examples, offline_plans, "hub-and-spoke", "deployer-role")
    stack_set = plan.planned["aws_cloudformation_stack_set.deployer_role"]
    assert stack_set["permission_model"] == "SERVICE_MANAGED"
    assert stack_set["auto_deployment"] == [
        {"enabled": True, "retain_stacks_on_account_removal": False}
    ]
    assert stack_set["capabilities"] == ["CAPABILITY_NAMED_IAM"]
    assert "lzgen-deployer" in stack_set["template_body"]
    instance = plan.planned["aws_cloudformation_stack_set_instance.deployer_role"]
    assert instance["region"] == "us-east-1"
    # the organization's root, from the organization stack (a placeholder offline)
    assert instance["deployment_targets"][0]["organizational_unit_ids"][0].startswith("r-")
