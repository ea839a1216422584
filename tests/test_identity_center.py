"""IAM Identity Center, at the plan level: the ``identity-center`` stack, its permission sets,
groups and assignments (OUs expanded to their accounts, child OUs included), account ids from
the file or the organization stack, and Identity Center's trusted access in the organization.

The org snippets use helpers.BASE: network (existing, 222222222222, Infrastructure) and app-a
(created by lzgen, Workloads/Prod).
"""

from __future__ import annotations

import json
import re
from typing import Any

import hcl2
import pytest

from helpers import org
from lzgen.load import load_text
from lzgen.pipeline import check_document, render
from lzgen.plan.identity_center import IDENTITY_CENTER, canonical_duration
from lzgen.plan.types import ORGANIZATION, LandingZone, Stack

IC = """\
identity_center:
  instance_arn: arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6
  identity_store_id: d-9067a1b2c3
  permission_sets:
    - { name: AdministratorAccess, session_duration: PT2H,
        managed_policies: [AdministratorAccess] }
    - name: ReadOnly
      description: Read-only access for audits
      managed_policies: [ReadOnlyAccess, job-function/ViewOnlyAccess]
      relay_state: https://console.aws.amazon.com/cloudtrail/home
      inline_policy:
        Version: "2012-10-17"
        Statement:
          - { Sid: DenySecrets, Effect: Deny, Action: "secretsmanager:GetSecretValue",
              Resource: "*" }
  groups:
    - { name: platform-admins, id: 9067a1b2c3-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d }
    - { name: auditors, display_name: Auditors, description: Read-only auditors }
  assignments:
    - { group: platform-admins, permission_set: AdministratorAccess, ous: [Infrastructure] }
    - { group: auditors, permission_set: ReadOnly, accounts: [network], ous: [Workloads] }
"""
ADMIN_ID = "9067a1b2c3-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
APP_A_ID = 'data.terraform_remote_state.organization.outputs.account_ids["app-a"]'


def _plan(text: str) -> LandingZone:
    checked = check_document(load_text(org(text), "org.yaml"))
    assert checked.plan is not None, [(d.code, d.message) for d in checked.diagnostics]
    return checked.plan


def _stack(lz: LandingZone, path: str = IDENTITY_CENTER) -> Stack:
    return next(s for s in lz.stacks if s.path == path)


def _context(lz: LandingZone) -> dict[str, Any]:
    spec = next(f for f in _stack(lz).files if f.path == "identity_center.tf")
    return spec.context


def _files(lz: LandingZone) -> dict[str, str]:
    return {p.removeprefix(f"{IDENTITY_CENTER}/"): t for p, t in render(lz).items()}


def _assignments(lz: LandingZone) -> dict[str, dict[str, str]]:
    return {a["key"]: a for a in _context(lz)["assignments"]}


def test_no_identity_center_no_stack() -> None:
    assert all(s.path != IDENTITY_CENTER for s in _plan("").stacks)


def test_the_stack_acts_in_the_management_account_after_the_organization() -> None:
    lz = _plan(IC)
    stack = _stack(lz)
    assert (stack.account, stack.region) == ("(management)", "us-east-1")
    assert ORGANIZATION in stack.depends_on
    # app-a is created by lzgen: its id comes from the organization stack's outputs
    assert stack.reads == ((ORGANIZATION, ORGANIZATION),)
    paths = [s.path for s in lz.stacks]
    assert paths.index(ORGANIZATION) < paths.index(IDENTITY_CENTER)


def test_ous_expand_to_their_accounts_child_ous_included() -> None:
    found = _assignments(_plan(IC))
    assert sorted(found) == [
        "auditors/ReadOnly/app-a",  # Workloads -> Workloads/Prod
        "auditors/ReadOnly/network",
        "platform-admins/AdministratorAccess/network",
    ]


def test_account_ids_come_from_the_file_or_the_organization_stack() -> None:
    found = _assignments(_plan(IC))
    assert found["auditors/ReadOnly/network"]["target"] == '"222222222222"'
    assert found["auditors/ReadOnly/app-a"]["target"] == APP_A_ID


def test_existing_groups_by_id_created_groups_by_reference() -> None:
    found = _assignments(_plan(IC))
    assert found["platform-admins/AdministratorAccess/network"]["principal"] == f'"{ADMIN_ID}"'
    assert (
        found["auditors/ReadOnly/network"]["principal"]
        == "aws_identitystore_group.auditors.group_id"
    )
    assert [g["id"] for g in _context(_plan(IC))["groups"]] == ["auditors"]


def test_only_existing_accounts_need_no_organization_state() -> None:
    text = IC.replace("accounts: [network], ous: [Workloads]", "accounts: [network]")
    assert _stack(_plan(text)).reads == ()


def test_an_account_named_twice_is_assigned_once() -> None:
    text = IC.replace(
        "accounts: [network], ous: [Workloads]", "accounts: [app-a], ous: [Workloads]"
    )
    assert sorted(_assignments(_plan(text))) == [
        "auditors/ReadOnly/app-a",
        "platform-admins/AdministratorAccess/network",
    ]


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("PT1H", "PT1H"),
        ("PT60M", "PT1H"),
        ("PT90M", "PT1H30M"),
        ("PT12H", "PT12H"),
        ("PT2H0M", "PT2H"),
    ],
)
def test_session_durations_are_written_as_aws_returns_them(given: str, canonical: str) -> None:
    assert canonical_duration(given) == canonical


def test_session_duration_defaults_to_one_hour() -> None:
    sets = {ps["name"]: ps for ps in _context(_plan(IC))["permission_sets"]}
    assert sets["AdministratorAccess"]["session_duration"] == "PT2H"
    assert sets["ReadOnly"]["session_duration"] == "PT1H"


def test_rendered_permission_sets_policies_and_assignments() -> None:
    files = _files(_plan(IC))
    parsed = hcl2.loads(files["identity_center.tf"])
    resources: dict[str, dict[str, Any]] = {}
    for block in parsed["resource"]:
        for rtype, named in block.items():
            for name, body in named.items():
                resources[f"{rtype.strip(chr(34))}.{name.strip(chr(34))}"] = body
    readonly = resources["aws_ssoadmin_permission_set.readonly"]
    assert readonly["session_duration"] == '"PT1H"'
    assert readonly["relay_state"] == '"https://console.aws.amazon.com/cloudtrail/home"'
    attachments = sorted(
        body["managed_policy_arn"].strip('"')
        for address, body in resources.items()
        if address.startswith("aws_ssoadmin_managed_policy_attachment.readonly_")
    )
    assert attachments == [
        "arn:aws:iam::aws:policy/ReadOnlyAccess",
        "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
    ]
    group = resources["aws_identitystore_group.auditors"]
    assert group["display_name"] == '"Auditors"'
    assert "aws_ssoadmin_permission_set_inline_policy.readonly" in resources


def _ref(expr: str) -> str:
    """An expression as python-hcl2 returns it: literals as they are, references in ${...}."""
    return expr if expr.startswith('"') else "${" + expr + "}"


def test_each_assignment_is_its_own_block_named_after_its_key() -> None:
    lz = _plan(IC)
    context = _context(lz)
    text = _files(lz)["identity_center.tf"]
    assert not re.search(r"^\s*(for_each|count)\s*=", text, re.MULTILINE)
    blocks: dict[str, dict[str, Any]] = {}
    for block in hcl2.loads(text)["resource"]:
        for name, body in block.get('"aws_ssoadmin_account_assignment"', {}).items():
            assert name.strip('"') not in blocks
            blocks[name.strip('"')] = body
    found = _assignments(lz)
    assert {k: a["id"] for k, a in found.items()} == {
        "auditors/ReadOnly/app-a": "auditors_readonly_app-a",
        "auditors/ReadOnly/network": "auditors_readonly_network",
        "platform-admins/AdministratorAccess/network": (
            "platform-admins_administratoraccess_network"
        ),
    }
    assert sorted(blocks) == sorted(a["id"] for a in found.values())
    depends_on = [_ref(address) for address in context["policy_resources"]]
    assert len(depends_on) == 4  # 3 managed policy attachments, 1 inline policy
    for key, a in found.items():
        # each block is preceded by a comment naming its "<group>/<permission set>/<account>"
        assert f'# {key}\nresource "aws_ssoadmin_account_assignment" "{a["id"]}" {{\n' in text
        assert {k: v for k, v in blocks[a["id"]].items() if k != "__is_block__"} == {
            "instance_arn": "${local.instance_arn}",
            "permission_set_arn": _ref(a["permission_set"]),
            "principal_type": '"GROUP"',
            "principal_id": _ref(a["principal"]),
            "target_type": '"AWS_ACCOUNT"',
            "target_id": _ref(a["target"]),
            "depends_on": depends_on,
        }
    readonly = "${aws_ssoadmin_permission_set.readonly.arn}"
    assert blocks["auditors_readonly_app-a"]["permission_set_arn"] == readonly
    assert blocks["auditors_readonly_app-a"]["target_id"] == "${" + APP_A_ID + "}"
    admins = blocks["platform-admins_administratoraccess_network"]
    assert admins["principal_id"] == f'"{ADMIN_ID}"'
    assert admins["target_id"] == '"222222222222"'


def test_account_names_of_one_address_are_refused_before_any_plan() -> None:
    """``app--a`` and ``app-a`` would give assignments of one address: LZ2003 compares names as
    the addresses they become, so the file is refused at the second name."""
    text = IC.replace("accounts: [network], ous: [Workloads]", "accounts: [app--a, app-a]") + (
        "accounts:\n"
        "  - { name: network, email: aws+network@example.com, ou: Infrastructure,\n"
        '      id: "222222222222" }\n'
        "  - { name: app-a, email: aws+app-a@example.com, ou: Workloads/Prod,\n"
        '      id: "333333333333" }\n'
        "  - { name: app--a, email: aws+app-a2@example.com, ou: Workloads/Prod,\n"
        '      id: "444444444444" }\n'
    )
    checked = check_document(load_text(org(text), "org.yaml"))
    assert checked.plan is None
    assert [d.path for d in checked.diagnostics if d.code == "LZ2003"] == ["accounts[2].name"]


def test_the_inline_policy_is_a_json_file_next_to_the_stack() -> None:
    files = _files(_plan(IC))
    assert json.loads(files["policies/readonly.json"]) == {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "DenySecrets",
                "Effect": "Deny",
                "Action": "secretsmanager:GetSecretValue",
                "Resource": "*",
            }
        ],
    }
    assert 'file("${path.module}/policies/readonly.json")' in files["identity_center.tf"]


def test_nothing_is_looked_up_at_plan_time() -> None:
    files = _files(_plan(IC))
    stack_files = [t for p, t in files.items() if "/" not in p and p.endswith(".tf")]
    assert stack_files
    assert not any('data "aws_' in t for t in stack_files)
    assert '"arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6"' in files["identity_center.tf"]


def test_only_administrator_access_carries_the_checkov_skip() -> None:
    text = _files(_plan(IC))["identity_center.tf"]
    assert text.count("checkov:skip=CKV_AWS_274") == 1
    skip = text.index("checkov:skip=CKV_AWS_274")
    attachment = "aws_ssoadmin_managed_policy_attachment"
    block = f'resource "{attachment}" "administratoraccess_administratoraccess"'
    assert text.rindex("resource ", 0, skip) == text.index(block)


def test_the_instance_region_picks_the_provider_region() -> None:
    text = IC.replace("  permission_sets:", "  region: eu-west-1\n  permission_sets:", 1)
    assert _stack(_plan(text)).region == "eu-west-1"


def test_the_organization_keeps_identity_center_trusted_access() -> None:
    """The trusted-services list is authoritative: without sso.amazonaws.com an apply of the
    organization stack would switch Identity Center's access off."""
    organization = _files(_plan(IC))["organization/organization.tf"]
    assert '"sso.amazonaws.com",' in organization
    assert '"sso.amazonaws.com"' not in _files(_plan(""))["organization/organization.tf"]


def test_the_management_account_is_targeted_by_its_literal_id() -> None:
    text = IC.replace("accounts: [network], ous: [Workloads]", "accounts: [management]") + (
        "accounts:\n"
        "  - { name: network, email: aws+network@example.com, ou: Infrastructure,\n"
        '      id: "222222222222" }\n'
        "  - { name: management, email: aws+root@example.com, ou: Infrastructure,\n"
        '      id: "111111111111" }\n'
    )
    found = _assignments(_plan(text))
    assert found["auditors/ReadOnly/management"]["target"] == '"111111111111"'


def test_resources_are_counted_for_the_stack_bound() -> None:
    # 2 permission sets, 3 managed policy attachments, 1 inline policy, 1 group, 3 assignments
    assert _stack(_plan(IC)).resource_count == 10


def test_user_strings_are_quoted_never_interpolated() -> None:
    hostile = 'x" ${jsonencode(1)} %{if true}y%{endif} \\\\ end'
    text = IC.replace(
        "description: Read-only access for audits", f"description: '{hostile}'"
    ).replace("display_name: Auditors", f"display_name: '{hostile}'")
    tf = _files(_plan(text))["identity_center.tf"]
    assert '"x\\" $${jsonencode(1)} %%{if true}y%%{endif} \\\\\\\\ end"' in tf
    assert tf.count("$${jsonencode(1)}") == 2


DELEGATED = IC.replace("  permission_sets:", "  delegated_admin: network\n  permission_sets:", 1)


def test_a_delegated_administrator_runs_the_stack_in_its_account() -> None:
    lz = _plan(DELEGATED)
    stack = _stack(lz)
    assert (stack.account, stack.region) == ("network", "us-east-1")
    assert "deployer-role" in stack.depends_on  # the stack assumes the deployer role there
    providers = _files(lz)["providers.tf"]
    assert "role/lzgen-deployer" in providers
    assert "allowed_account_ids = [local.account_id]" in providers


def test_the_organization_stack_registers_the_delegated_administrator() -> None:
    files = _files(_plan(DELEGATED))
    delegation = files["organization/identity_center.tf"]
    assert 'resource "aws_organizations_delegated_administrator" "sso_network"' in (delegation)
    assert 'account_id        = "222222222222"' in delegation
    assert 'service_principal = "sso.amazonaws.com"' in delegation
    assert "organization/identity_center.tf" not in _files(_plan(IC))
