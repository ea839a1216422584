"""Every provider block of every rendered example and case pins the one account it acts in.

``allowed_account_ids`` is that account: the management account's id where the pipeline role
acts itself (no role assumed), else the id of the member account whose deployer role it assumes,
resolved through the stack's ``account.tf`` to the id the org file gives or the organization
stack's output for an account lzgen creates. No provider assumes OrganizationAccountAccessRole,
which AWS creates only in accounts made with CreateAccount.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import hcl2
import pytest
import yaml

from conftest import RenderedExamples, tree_params

ACCOUNT_REF = re.compile(r'^\$\{local\.(?:account_id|account_ids\["([a-z0-9-]+)"\])\}$')


def _providers(stack: Path) -> list[dict[str, Any]]:
    parsed = hcl2.loads((stack / "providers.tf").read_text(encoding="utf-8"))
    return [block['"aws"'] for block in parsed["provider"]]


def _account_locals(stack: Path) -> dict[str, str]:
    """Account name -> id expression, from account.tf ("" names the single account_id)."""
    path = stack / "account.tf"
    if not path.is_file():
        return {}
    found: dict[str, str] = {}
    for block in hcl2.loads(path.read_text(encoding="utf-8"))["locals"]:
        for key, value in block.items():
            if key == "account_ids":
                found.update({k.strip('"'): v for k, v in value.items()})
            elif key == "account_id" and not value.startswith("${local.account_ids"):
                found[""] = value
    return found


def _expected_id(org: dict[str, Any], name: str) -> str:
    account = next(a for a in org["accounts"] if a["name"] == name)
    if "id" in account:
        return f'"{account["id"]}"'
    return f'${{data.terraform_remote_state.organization.outputs.account_ids["{name}"]}}'


@pytest.mark.parametrize("tree", tree_params())
def test_every_provider_pins_the_account_it_acts_in(
    tree: str, rendered_examples: RenderedExamples
) -> None:
    root = rendered_examples[tree]
    org = yaml.safe_load(rendered_examples.source(tree).read_text(encoding="utf-8"))
    deployer = org["organization"].get("deployer_role", "lzgen-deployer")
    management = f'"{org["organization"]["management_account_id"]}"'
    manifest = rendered_examples.manifest(tree)
    checked = 0
    for stack in manifest["stacks"]:
        where = root / stack["path"]
        assert "OrganizationAccountAccessRole" not in (where / "providers.tf").read_text()
        ids = _account_locals(where)
        for provider in _providers(where):
            label = f"{tree}:{stack['path']} provider {provider.get('alias', 'default')}"
            allowed = provider.get("allowed_account_ids")
            assert isinstance(allowed, list), label
            assert len(allowed) == 1, label
            if "assume_role" not in provider:
                assert allowed == [management], label
                checked += 1
                continue
            match = ACCOUNT_REF.match(allowed[0])
            assert match is not None, (label, allowed)
            name = match.group(1) or ""
            role_arn = provider["assume_role"][0]["role_arn"]
            inner = allowed[0][2:-1]
            assert role_arn == f'"arn:aws:iam::${{{inner}}}:role/{deployer}"', label
            if name:
                assert ids[name] == _expected_id(org, name), label
            else:  # the stack's one account, local.account_id: which account has that id?
                name = next(
                    a["name"] for a in org["accounts"] if _expected_id(org, a["name"]) == ids[""]
                )
            if stack["path"].startswith("accounts/") and "alias" not in provider:
                assert name == stack["path"].split("/")[1], label
            checked += 1
    assert checked >= len(manifest["stacks"])


@pytest.mark.parametrize("tree", tree_params())
def test_management_stacks_assume_nothing_and_member_stacks_need_the_deployer_role(
    tree: str, rendered_examples: RenderedExamples
) -> None:
    manifest = rendered_examples.manifest(tree)
    root = rendered_examples[tree]
    for stack in manifest["stacks"]:
        assumes = any("assume_role" in p for p in _providers(root / stack["path"]))
        management = stack["path"] in ("bootstrap", "organization", "deployer-role")
        if management or stack["path"].startswith("adopted-accounts/"):
            assert not assumes, stack["path"]
        if assumes:
            assert "deployer-role" in stack["depends_on"], stack["path"]
