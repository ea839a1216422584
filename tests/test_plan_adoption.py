"""Adopting what exists (issue 11): an existing organization and its OUs are imported by the
organization stack, existing accounts by one stack per OU that moves them into it, and the
stacks acting in an adopted account come after its OU's; trusted services and policy types are
what the landing zone configures plus what the file keeps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import hcl2

from helpers import org
from lzgen.load import load_file, load_text
from lzgen.pipeline import check_document, render
from lzgen.plan.types import LandingZone

REPO = Path(__file__).resolve().parent.parent
HUB = REPO / "examples" / "hub-and-spoke.yaml"


def _plan(text: str | None = None, path: Path = HUB) -> LandingZone:
    doc = load_text(text, "org.yaml") if text is not None else load_file(path)
    checked = check_document(doc)
    assert checked.plan is not None, [(d.code, d.message) for d in checked.diagnostics]
    return checked.plan


def _imports(files: dict[str, str], path: str) -> dict[str, str]:
    """Import target address -> id, from a rendered imports.tf."""
    parsed = hcl2.loads(files[path])
    return {i["to"].strip("${}"): i["id"].strip('"') for i in parsed["import"]}


def _organization(files: dict[str, str]) -> dict[str, Any]:
    parsed = hcl2.loads(files["organization/organization.tf"])
    found: dict[str, Any] = next(
        block['"aws_organizations_organization"']['"this"']
        for block in parsed["resource"]
        if '"aws_organizations_organization"' in block
    )
    return found


def test_the_hub_example_imports_its_organization_and_ous() -> None:
    files = render(_plan())
    assert _imports(files, "organization/imports.tf") == {
        "aws_organizations_organization.this": "o-a1b2c3d4e5",
        "aws_organizations_organizational_unit.infrastructure": "ou-a1b2-11111111",
        "aws_organizations_organizational_unit.workloads": "ou-a1b2-22222222",
    }
    assert 'parent_id = "r-a1b2"' in files["organization/organization.tf"]


def test_existing_accounts_are_imported_and_moved_into_their_ou_one_stack_per_ou() -> None:
    lz = _plan()
    files = render(lz)
    assert _imports(files, "adopted-accounts/infrastructure/imports.tf") == {
        "aws_organizations_account.network": "222222222222",
        "aws_organizations_account.tools": "333333333333",
    }
    assert _imports(files, "adopted-accounts/workloads_prod/imports.tf") == {
        "aws_organizations_account.app-a": "444444444444"
    }
    accounts = files["adopted-accounts/workloads_prod/accounts.tf"]
    assert 'outputs.ou_ids["Workloads/Prod"]' in accounts
    assert "ignore_changes  = [name, email, role_name, iam_user_access_to_billing]" in accounts
    assert "prevent_destroy = true" in accounts
    # created accounts stay in the organization stack; adopted ones are not created there
    organization = files["organization/organization.tf"]
    assert 'resource "aws_organizations_account" "app-b"' in organization
    assert 'resource "aws_organizations_account" "app-a"' not in organization


def test_an_adopted_accounts_stacks_come_after_its_ous_adoption_stack() -> None:
    stacks = {s.path: s for s in _plan().stacks}
    assert "adopted-accounts/workloads_prod" in stacks["accounts/app-a/us-east-1"].depends_on
    assert "adopted-accounts/workloads_prod" not in stacks["accounts/dev/us-east-1"].depends_on
    assert stacks["adopted-accounts/workloads_prod"].depends_on == ("organization",)


def test_kept_services_and_policy_types_are_added_to_what_lzgen_configures() -> None:
    organization = _organization(render(_plan()))
    assert organization["aws_service_access_principals"] == [
        '"ipam.amazonaws.com"',
        '"member.org.stacksets.cloudformation.amazonaws.com"',
        '"ram.amazonaws.com"',
        '"sso.amazonaws.com"',
    ]
    assert organization["enabled_policy_types"] == ['"SERVICE_CONTROL_POLICY"', '"TAG_POLICY"']


def test_a_new_organization_enables_only_what_the_landing_zone_configures() -> None:
    organization = _organization(render(_plan(path=REPO / "examples" / "org.yaml")))
    # the organization trail, the deployer role's StackSet, the security services of
    # `security:` and Identity Center
    assert organization["aws_service_access_principals"] == [
        '"access-analyzer.amazonaws.com"',
        '"cloudtrail.amazonaws.com"',
        '"config-multiaccountsetup.amazonaws.com"',
        '"config.amazonaws.com"',
        '"guardduty.amazonaws.com"',
        '"malware-protection.guardduty.amazonaws.com"',
        '"member.org.stacksets.cloudformation.amazonaws.com"',
        '"securityhub.amazonaws.com"',
        '"sso.amazonaws.com"',
    ]
    assert organization["enabled_policy_types"] == ['"SERVICE_CONTROL_POLICY"']


def test_a_referenced_account_is_neither_imported_nor_moved() -> None:
    text = org(
        """
        accounts:
          - { name: network, email: aws+network@example.com, ou: Infrastructure,
              id: "222222222222", adopt: false }
          - { name: app-a, email: aws+app-a@example.com, ou: Workloads/Prod }
        """
    )
    lz = _plan(text)
    assert not any(s.path.startswith("adopted-accounts/") for s in lz.stacks)
    assert "aws_organizations_account.network" not in "".join(render(lz).values())


def test_the_management_account_is_never_adopted() -> None:
    text = org(
        """
        accounts:
          - { name: management, email: root@example.com, ou: Infrastructure,
              id: "111111111111" }
        """
    )
    assert not any(s.path.startswith("adopted-accounts/") for s in _plan(text).stacks)
