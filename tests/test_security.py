"""The organization-wide security services (``security:``), from the plan and the rendered
text (no terraform): the delegated administrators in the organization stack, the audit
account's services in its stack of every region in use, an AWS Config recorder in every
account and region, the log archive admitting their deliveries, and the stack order.
"""

from __future__ import annotations

import re

from helpers import org
from lzgen.load import load_text
from lzgen.pipeline import check_document, render_tree
from lzgen.plan.types import LandingZone, Stack

RESOURCE = re.compile(r'^resource "(?P<type>[^"]+)" "(?P<name>[^"]+)"', re.MULTILINE)
ARCHIVE = "accounts/network/us-east-1"  # the log archive's stack in these snippets

TWO_REGIONS = """
accounts:
  - { name: network, email: aws+network@example.com, ou: Infrastructure, id: "222222222222" }
  - { name: app-a, email: aws+app-a@example.com, ou: Workloads/Prod }
  - { name: audit, email: aws+audit@example.com, ou: Infrastructure }
vpcs:
  - name: v
    account: app-a
    region: eu-west-1
    cidr: 10.0.0.0/16
    azs: [a, b]
    nat_gateways: none
    subnets:
      - { name: app, type: private, size: 24 }
baseline:
  log_archive_account: network
security:
  audit_account: audit
"""


def _plan(snippet: str) -> LandingZone:
    checked = check_document(load_text(org(snippet), "org.yaml"))
    errors = [d for d in checked.diagnostics if d.is_error]
    assert checked.plan is not None, [(d.code, d.message) for d in errors]
    return checked.plan


def _stacks(lz: LandingZone) -> dict[str, Stack]:
    return {s.path: s for s in lz.stacks}


def _resources(files: dict[str, str], stack: str, file: str) -> set[str]:
    text = files.get(f"{stack}/{file}", "")
    return {f"{m['type']}.{m['name']}" for m in RESOURCE.finditer(text)}


def _types(files: dict[str, str], stack: str, file: str) -> set[str]:
    return {address.split(".")[0] for address in _resources(files, stack, file)}


def _render(lz: LandingZone) -> dict[str, str]:
    return render_tree(lz, "0" * 64)


def test_the_regions_in_use_are_the_home_region_and_every_vpc_region() -> None:
    lz = _plan(TWO_REGIONS)
    audit = [p for p in _stacks(lz) if p.startswith("accounts/audit/")]
    assert sorted(audit) == ["accounts/audit/eu-west-1", "accounts/audit/us-east-1"]


def test_the_audit_account_is_the_delegated_administrator_of_every_service() -> None:
    files = _render(_plan(TWO_REGIONS))
    text = files["organization/security.tf"]
    principals = re.findall(r'service_principal = "([^"]+)"', text)
    assert principals == [
        "access-analyzer.amazonaws.com",
        "config-multiaccountsetup.amazonaws.com",
        "config.amazonaws.com",
        "guardduty.amazonaws.com",
        "securityhub.amazonaws.com",
    ]
    assert set(re.findall(r"account_id\s+= (\S+)", text)) == {"aws_organizations_account.audit.id"}
    organization = files["organization/organization.tf"]
    for principal in (*principals, "malware-protection.guardduty.amazonaws.com"):
        assert f'"{principal}",' in organization, principal


def test_guardduty_and_access_analyzer_are_in_every_region_security_hub_in_the_home_one() -> None:
    files = _render(_plan(TWO_REGIONS))
    home = _types(files, "accounts/audit/us-east-1", "security.tf")
    other = _types(files, "accounts/audit/eu-west-1", "security.tf")
    regional = {
        "aws_guardduty_detector",
        "aws_guardduty_detector_feature",
        "aws_guardduty_organization_admin_account",
        "aws_guardduty_organization_configuration",
        "aws_guardduty_organization_configuration_feature",
        "aws_guardduty_publishing_destination",
        "aws_accessanalyzer_analyzer",
    }
    hub = {
        "aws_securityhub_account",
        "aws_securityhub_organization_admin_account",
        "aws_securityhub_finding_aggregator",
        "aws_securityhub_organization_configuration",
        "aws_securityhub_configuration_policy",
        "aws_securityhub_configuration_policy_association",
    }
    aggregator = {
        "aws_iam_role",
        "aws_iam_role_policy_attachment",
        "aws_config_configuration_aggregator",
    }
    assert home == regional | hub | aggregator
    assert other == regional
    text = files["accounts/audit/us-east-1/security.tf"]
    assert 'specified_regions = ["eu-west-1"]' in text
    assert 'configuration_type = "CENTRAL"' in text
    assert 'auto_enable_organization_members = "ALL"' in text


def test_designations_are_the_management_accounts_calls() -> None:
    files = _render(_plan(TWO_REGIONS))
    for region in ("us-east-1", "eu-west-1"):
        stack = f"accounts/audit/{region}"
        providers = files[f"{stack}/providers.tf"]
        assert 'alias               = "management"' in providers
        assert 'allowed_account_ids = ["111111111111"]' in providers
        text = files[f"{stack}/security.tf"]
        for admin in re.findall(
            r'resource "(aws_\w+_admin_account)" "this" \{(.*?)\n\}', text, re.S
        ):
            assert "provider         = aws.management" in admin[1], admin[0]


def test_a_config_recorder_is_in_every_account_and_region() -> None:
    lz = _plan(TWO_REGIONS)
    files = _render(lz)
    stacks = _stacks(lz)
    expected = {
        *(
            f"accounts/{a}/{r}"
            for a in ("network", "app-a", "audit")
            for r in ("us-east-1", "eu-west-1")
        ),
        "security/management/us-east-1",
        "security/management/eu-west-1",
    }
    holding = {p for p in stacks if f"{p}/config.tf" in files}
    assert holding == expected
    for path in expected:
        types = _types(files, path, "config.tf")
        home = path.endswith("us-east-1")
        assert types == {
            "aws_config_configuration_recorder",
            "aws_config_delivery_channel",
            "aws_config_configuration_recorder_status",
            *(["aws_iam_service_linked_role"] if home else []),
        }, path
        text = files[f"{path}/config.tf"]
        assert f"include_global_resource_types = {str(home).lower()}" in text, path


def test_config_stacks_follow_the_log_archive_and_their_home_region() -> None:
    lz = _plan(TWO_REGIONS)
    stacks = _stacks(lz)
    order = [s.path for s in lz.stacks]
    for path, stack in stacks.items():
        if not path.startswith(("accounts/", "security/")) or path == ARCHIVE:
            continue
        assert ARCHIVE in stack.depends_on, path
        if path.endswith("eu-west-1"):
            home = path.replace("eu-west-1", "us-east-1")
            assert home in stack.depends_on, path
            assert order.index(home) < order.index(path)
    # the management account's recorders act with its own credentials, after the log archive
    assert stacks["security/management/eu-west-1"].account == "(management)"


def test_the_log_archive_admits_config_and_guardduty_deliveries() -> None:
    files = _render(_plan(TWO_REGIONS))
    text = files[f"{ARCHIVE}/log_archive.tf"]
    for sid in (
        "ConfigDeliveryOfTheseAccounts",
        "GuardDutyFindingsExport",
        "ConfigDeliveryChecksBucket",
        "ConfigDeliveryWrites",
        "GuardDutyExportChecksBucket",
        "GuardDutyExportWrites",
    ):
        assert sid in text, sid
    accounts = re.search(r"config_accounts = \[\n(.*?)\n  \]", text, re.S)
    assert accounts is not None
    assert accounts.group(1).split() == [
        '"222222222222",',
        'data.terraform_remote_state.organization.outputs.account_ids["app-a"],',
        'data.terraform_remote_state.organization.outputs.account_ids["audit"],',
        '"111111111111",',
    ]
    # in its own stack, the log archive's recorder waits for the bucket policy
    config = files[f"{ARCHIVE}/config.tf"]
    assert "aws_s3_bucket_policy.log_archive" in config
    assert "s3_kms_key_arn = aws_kms_key.log_archive.arn" in config


def test_services_turned_off_leave_nothing_behind() -> None:
    off = TWO_REGIONS + (
        "  guardduty: { enabled: false }\n"
        "  security_hub: { enabled: false }\n"
        "  config: { enabled: false }\n"
        "  access_analyzer: { enabled: false }\n"
    )
    files = _render(_plan(off))
    assert "organization/security.tf" not in files
    assert not [f for f in files if f.endswith(("/config.tf", "/security.tf"))]
    assert "security/management" not in " ".join(files)
    text = files[f"{ARCHIVE}/log_archive.tf"]
    assert "config.amazonaws.com" not in text
    assert "guardduty.amazonaws.com" not in text


def test_protection_plans_turned_off_are_declared_off() -> None:
    snippet = TWO_REGIONS + "  guardduty: { protection: { eks: false }, export_findings: false }\n"
    files = _render(_plan(snippet))
    text = files["accounts/audit/eu-west-1/security.tf"]
    eks = re.search(
        r'resource "aws_guardduty_organization_configuration_feature" "eks_audit_logs" \{(.*?)\n\}',
        text,
        re.S,
    )
    assert eks is not None
    assert 'auto_enable = "NONE"' in eks.group(1)
    runtime = re.search(r'"runtime_monitoring" \{(.*?)\n\}', text, re.S)
    assert runtime is not None
    assert 'status      = "DISABLED"' in runtime.group(1)
    assert "aws_guardduty_publishing_destination" not in text
    assert "GuardDutyFindingsExport" not in files[f"{ARCHIVE}/log_archive.tf"]


def test_the_unused_access_analyzer_is_home_region_only() -> None:
    files = _render(_plan(TWO_REGIONS + "  access_analyzer: { unused_access_days: 60 }\n"))
    assert "unused_access_age = 60" in files["accounts/audit/us-east-1/security.tf"]
    assert "ORGANIZATION_UNUSED_ACCESS" not in files["accounts/audit/eu-west-1/security.tf"]


def test_manifest_resource_counts_match_the_rendered_blocks() -> None:
    lz = _plan(TWO_REGIONS + "  access_analyzer: { unused_access_days: 60 }\n")
    files = _render(lz)
    for stack in lz.stacks:
        if not stack.path.startswith(("accounts/audit/", "security/")):
            continue
        found = sum(
            len(RESOURCE.findall(t)) for f, t in files.items() if f.startswith(f"{stack.path}/")
        )
        assert stack.resource_count == found, stack.path


def test_a_listed_management_account_records_in_its_own_stacks() -> None:
    listed = TWO_REGIONS.replace(
        "accounts:\n",
        "accounts:\n"
        '  - { name: root, email: aws+root@example.com, ou: Infrastructure, id: "111111111111" }\n',
    )
    lz = _plan(listed)
    stacks = _stacks(lz)
    assert not [p for p in stacks if p.startswith("security/")]
    files = _render(lz)
    for region in ("us-east-1", "eu-west-1"):
        assert f"accounts/root/{region}/config.tf" in files
        # the management account's own credentials, no deployer role to assume
        assert "assume_role" not in files[f"accounts/root/{region}/providers.tf"]
