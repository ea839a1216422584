"""IAM Identity Center, from offline plans of the ``identity-center`` stack (with the
organization stack it reads): one assignment block per "<group>/<permission set>/<account>"
(the comment above each block names its key), with OUs expanded to their accounts, account ids
from the file or the organization stack, group ids, session durations and the minified inline
policy, the delegated administrator's registration; and the example's assignments
(administered from the management account, from the example's offline plans, shared with
tests/test_terraform.py).

The delegated variant plans only the two stacks (a manifest of just those), not the whole tree.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import OfflinePlans, Plan, RenderedExamples, plan_subset, tree_group
from helpers import org
from lzgen.load import load_text
from lzgen.offline import placeholder
from lzgen.pipeline import check_document, render_tree
from lzgen.plan.identity_center import IDENTITY_CENTER
from lzgen.plan.types import ORGANIZATION
from test_identity_center import ADMIN_ID, DELEGATED

pytestmark = pytest.mark.terraform

ASSIGNMENT = "aws_ssoadmin_account_assignment"
# the rendered block of one assignment, under the comment naming its key
_BLOCK = re.compile(rf'^# (?P<key>[^\n]+)\nresource "{ASSIGNMENT}" "(?P<name>[^"]+)" {{$', re.M)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # administered from the network account (delegated); the example is administered from the
    # management account
    checked = check_document(load_text(org(DELEGATED), "org.yaml"))
    assert checked.plan is not None
    tree = tmp_path_factory.mktemp("ic-tree")
    for path, text in render_tree(checked.plan, "0" * 64).items():
        (tree / path).parent.mkdir(parents=True, exist_ok=True)
        (tree / path).write_text(text, encoding="utf-8")
    return tree


@pytest.fixture(scope="module")
def planned(
    tree: Path, tmp_path_factory: pytest.TempPathFactory, terraform_bin: str
) -> dict[str, Plan]:
    work = tmp_path_factory.mktemp("ic-work")
    return plan_subset(tree, [ORGANIZATION, IDENTITY_CENTER], work, terraform_bin)


def _addresses(tree: Path) -> dict[str, str]:
    """Each assignment's address by its key, from the comment above its rendered block: every
    assignment block has one, and no two share a key or an address."""
    text = (tree / IDENTITY_CENTER / "identity_center.tf").read_text(encoding="utf-8")
    blocks = [(m["key"], f"{ASSIGNMENT}.{m['name']}") for m in _BLOCK.finditer(text)]
    assert len(blocks) == text.count(f'resource "{ASSIGNMENT}" ')
    found = dict(blocks)
    assert len(found) == len(set(found.values())) == len(blocks)
    return found


def _assignments(plan: Plan, tree: Path) -> dict[str, dict[str, Any]]:
    """The planned values of each assignment by its key: the plan holds exactly the rendered
    assignment blocks, each planned once (no for_each or count)."""
    addresses = _addresses(tree)
    planned = sorted(a for a in plan.planned if a.startswith(f"{ASSIGNMENT}."))
    assert planned == sorted(addresses.values())
    assert plan.of_type(ASSIGNMENT) == planned
    return {key: plan.planned[address] for key, address in addresses.items()}


def test_assignments_expand_ous_to_their_accounts(planned: dict[str, Plan], tree: Path) -> None:
    plan = planned[IDENTITY_CENTER]
    assert sorted(_assignments(plan, tree)) == [
        "auditors/ReadOnly/app-a",
        "auditors/ReadOnly/network",
        "platform-admins/AdministratorAccess/network",
    ]
    # each block assigns the permission set its key names (the set's ARN is known at apply)
    sets = {plan.planned[a]["name"]: a for a in plan.of_type("aws_ssoadmin_permission_set")}
    for key, address in _addresses(tree).items():
        _, permission_set, _ = key.split("/")
        assert plan.resources(address, "permission_set_arn") == [sets[permission_set]]
        assert plan.after_unknown(address)["permission_set_arn"] is True


def test_assignments_target_the_accounts_ids(planned: dict[str, Plan], tree: Path) -> None:
    found = _assignments(planned[IDENTITY_CENTER], tree)
    assert found["auditors/ReadOnly/network"]["target_id"] == "222222222222"
    # app-a is created by lzgen: the organization stack's output (a placeholder offline)
    assert found["auditors/ReadOnly/app-a"]["target_id"] == placeholder("account_ids.app-a")
    assert {v["target_type"] for v in found.values()} == {"AWS_ACCOUNT"}
    assert {v["principal_type"] for v in found.values()} == {"GROUP"}
    assert {v["instance_arn"] for v in found.values()} == {
        "arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6"
    }


def test_group_ids_literal_or_from_the_created_group(planned: dict[str, Plan], tree: Path) -> None:
    plan = planned[IDENTITY_CENTER]
    found = _assignments(plan, tree)
    assert found["platform-admins/AdministratorAccess/network"]["principal_id"] == ADMIN_ID
    created = _addresses(tree)["auditors/ReadOnly/network"]
    assert plan.resources(created, "principal_id") == ["aws_identitystore_group.auditors"]
    assert "principal_id" not in found["auditors/ReadOnly/network"]
    assert plan.after_unknown(created)["principal_id"] is True
    group = plan.planned["aws_identitystore_group.auditors"]
    assert (group["display_name"], group["identity_store_id"]) == ("Auditors", "d-9067a1b2c3")


def test_permission_sets_and_their_policies(planned: dict[str, Plan]) -> None:
    plan = planned[IDENTITY_CENTER]
    sets = plan.planned
    assert sets["aws_ssoadmin_permission_set.administratoraccess"]["session_duration"] == "PT2H"
    assert sets["aws_ssoadmin_permission_set.readonly"]["session_duration"] == "PT1H"
    attached = sorted(
        v["managed_policy_arn"]
        for a, v in plan.planned.items()
        if a.startswith("aws_ssoadmin_managed_policy_attachment.")
    )
    assert attached == [
        "arn:aws:iam::aws:policy/AdministratorAccess",
        "arn:aws:iam::aws:policy/ReadOnlyAccess",
        "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
    ]
    inline = plan.planned["aws_ssoadmin_permission_set_inline_policy.readonly"]["inline_policy"]
    assert " " not in inline  # minified, as Identity Center counts it
    assert json.loads(inline)["Statement"][0]["Action"] == "secretsmanager:GetSecretValue"


def test_the_organization_keeps_identity_center_trusted_access(planned: dict[str, Plan]) -> None:
    organization = planned[ORGANIZATION].planned["aws_organizations_organization.this"]
    assert "sso.amazonaws.com" in organization["aws_service_access_principals"]


def test_the_delegated_administrator_is_registered(planned: dict[str, Plan]) -> None:
    delegation = planned[ORGANIZATION].planned[
        "aws_organizations_delegated_administrator.sso_network"
    ]
    assert delegation == {"account_id": "222222222222", "service_principal": "sso.amazonaws.com"}


@tree_group("org")
def test_the_example_identity_center_stack_assigns_each_set_where_the_file_says(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    found = _assignments(offline_plans.at("org", IDENTITY_CENTER), rendered_examples["org"])
    assert "developers/PowerUser/app-a" in found
    assert "platform-admins/AdministratorAccess/network" in found
    assert "platform-admins/AdministratorAccess/log-archive" in found
    # the developers' set is for workloads only
    assert not [k for k in found if k.startswith("developers/") and k.endswith("/network")]


MINIMAL = """\
identity_center:
  instance_arn: arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6
  identity_store_id: d-9067a1b2c3
  permission_sets:
    - { name: Empty }
"""
BARE_GROUP = MINIMAL + "  groups: [{ name: readers }]\n"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(MINIMAL, id="one-set-nothing-else"),
        pytest.param(BARE_GROUP, id="group-without-description"),
        pytest.param(DELEGATED, id="delegated"),
    ],
)
def test_every_variant_is_fmt_canonical(text: str, terraform_bin: str, tmp_path: Path) -> None:
    checked = check_document(load_text(org(text), "org.yaml"))
    assert checked.plan is not None, [(d.code, d.message) for d in checked.diagnostics]
    for path, body in render_tree(checked.plan, "0" * 64).items():
        if path.startswith((f"{IDENTITY_CENTER}/", f"{ORGANIZATION}/")):
            (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / path).write_text(body, encoding="utf-8")
    result = subprocess.run(
        [terraform_bin, "fmt", "-check", "-recursive", "-list=true", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, "")
