"""The security services of examples/org.yaml, from the offline plans: the audit account is
the delegated administrator of GuardDuty, Security Hub, AWS Config and IAM Access Analyzer (in
Organizations, and by the regional designations in each region in use), an AWS Config recorder
runs in every account and region, delivering to the log archive, and an organization Access
Analyzer exists.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import OfflinePlans, Plan, RenderedExamples, tree_group
from lzgen.load import load_file
from lzgen.offline import placeholder
from lzgen.pipeline import check_document
from lzgen.plan.log_archive import log_bucket_name
from lzgen.plan.regions import landing_zone_regions

pytestmark = [pytest.mark.terraform, tree_group("org")]

MANAGEMENT_ID = "111111111111"
AUDIT_ID = placeholder("account_ids.audit")  # lzgen creates the audit account
ACCOUNTS = ("network", "app-a", "log-archive", "audit")  # examples/org.yaml, all created
ARCHIVE = "accounts/log-archive/us-east-1"


def _plan(rendered: RenderedExamples, plans: OfflinePlans, path: str) -> Plan:
    return plans.at("org", path)


def _regions(rendered: RenderedExamples) -> list[str]:
    checked = check_document(load_file(rendered.source("org")))
    assert checked.org is not None
    return landing_zone_regions(checked.org)


def test_the_audit_account_is_the_delegated_administrator_in_organizations(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    plan = _plan(rendered_examples, offline_plans, "organization")
    admins = plan.of_type("aws_organizations_delegated_administrator")
    principals = sorted(plan.planned[a]["service_principal"] for a in admins)
    assert principals == [
        "access-analyzer.amazonaws.com",
        "config-multiaccountsetup.amazonaws.com",
        "config.amazonaws.com",
        "guardduty.amazonaws.com",
        "securityhub.amazonaws.com",
    ]
    for address in admins:
        assert plan.one(address, "account_id") == "aws_organizations_account.audit", address
    trusted = plan.planned["aws_organizations_organization.this"]["aws_service_access_principals"]
    assert set(principals) <= set(trusted)


def test_the_audit_account_is_designated_in_every_region_in_use(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    regions = _regions(rendered_examples)
    home = regions[0]
    for region in regions:
        plan = _plan(rendered_examples, offline_plans, f"accounts/audit/{region}")
        designations = ["aws_guardduty_organization_admin_account.this"]
        if region == home:
            designations.append("aws_securityhub_organization_admin_account.this")
        for address in designations:
            assert plan.planned[address]["admin_account_id"] == AUDIT_ID, (region, address)
            # the management account's call, with its own credentials
            assert plan.config[address]["provider_config_key"] == "aws.management"
        configuration = plan.planned["aws_guardduty_organization_configuration.this"]
        assert configuration["auto_enable_organization_members"] == "ALL"


def test_security_hub_is_centrally_configured_with_the_standards(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    home = _regions(rendered_examples)[0]
    plan = _plan(rendered_examples, offline_plans, f"accounts/audit/{home}")
    org_config = plan.planned["aws_securityhub_organization_configuration.this"]
    assert org_config["auto_enable"] is False
    assert org_config["organization_configuration"] == [{"configuration_type": "CENTRAL"}]
    policy = plan.planned["aws_securityhub_configuration_policy.organization"]
    (settings,) = policy["configuration_policy"]
    assert settings["service_enabled"] is True
    assert sorted(settings["enabled_standard_arns"]) == [
        f"arn:aws:securityhub:{home}::standards/aws-foundational-security-best-practices/v/1.0.0",
        f"arn:aws:securityhub:{home}::standards/cis-aws-foundations-benchmark/v/3.0.0",
    ]
    association = plan.planned["aws_securityhub_configuration_policy_association.root"]
    assert association["target_id"] == placeholder("root_id")


def _recorder_stacks(rendered: RenderedExamples) -> dict[str, str]:
    """Stack path -> the account it records, for every account and region in use."""
    found = {}
    for region in _regions(rendered):
        found.update({f"accounts/{a}/{region}": a for a in ACCOUNTS})
        found[f"security/management/{region}"] = "management"
    return found


def test_a_config_recorder_runs_in_every_account_and_region(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    home = _regions(rendered_examples)[0]
    bucket = log_bucket_name_of(rendered_examples)
    for path in _recorder_stacks(rendered_examples):
        plan = _plan(rendered_examples, offline_plans, path)
        recorder = plan.planned["aws_config_configuration_recorder.this"]
        (group,) = recorder["recording_group"]
        assert group["all_supported"] is True, path
        assert group["include_global_resource_types"] is path.endswith(home), path
        channel = plan.planned["aws_config_delivery_channel.this"]
        assert channel["s3_bucket_name"] == bucket, path
        if path == ARCHIVE:  # the key is created alongside: known after apply
            key = plan.one("aws_config_delivery_channel.this", "s3_kms_key_arn")
            assert key == "aws_kms_key.log_archive"
        else:  # the log archive stack's output
            assert channel["s3_kms_key_arn"] == placeholder("log_archive_kms_key_arn"), path
        status = plan.planned["aws_config_configuration_recorder_status.this"]
        assert status["is_enabled"] is True, path


def log_bucket_name_of(rendered: RenderedExamples) -> str:
    checked = check_document(load_file(rendered.source("org")))
    assert checked.org is not None
    return log_bucket_name(checked.org)


def test_the_log_archive_key_admits_config_from_the_recording_accounts_only(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    plan = _plan(rendered_examples, offline_plans, ARCHIVE)
    policy: dict[str, Any] = json.loads(plan.planned["aws_kms_key.log_archive"]["policy"])
    by_sid = {s["Sid"]: s for s in policy["Statement"]}
    config = by_sid["ConfigDeliveryOfTheseAccounts"]
    assert config["Principal"] == {"Service": "config.amazonaws.com"}
    expected = sorted([*(placeholder(f"account_ids.{a}") for a in ACCOUNTS), MANAGEMENT_ID])
    assert sorted(config["Condition"]["StringEquals"]["aws:SourceAccount"]) == expected
    guardduty = by_sid["GuardDutyFindingsExport"]
    assert guardduty["Condition"]["StringEquals"] == {"aws:SourceAccount": AUDIT_ID}
    assert guardduty["Condition"]["ArnLike"] == {
        "aws:SourceArn": f"arn:aws:guardduty:*:{AUDIT_ID}:detector/*"
    }


def test_an_organization_access_analyzer_exists_in_every_region_in_use(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    for region in _regions(rendered_examples):
        plan = _plan(rendered_examples, offline_plans, f"accounts/audit/{region}")
        analyzer = plan.planned["aws_accessanalyzer_analyzer.organization"]
        assert analyzer["type"] == "ORGANIZATION", region
