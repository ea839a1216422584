"""The stack-size bound (LZ8001) on the 1,000-account organization of the benchmarks.

Nothing that grows with the organization lands in one stack: each spoke's Transit Gateway
attachment, acceptance, association, propagation and routes live in the spoke's own stack. What
can still grow (a share that lists accounts one by one) is refused at validation, at the account
whose stack it would bloat, before anything is written.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from lzgen.diagnostics import Diagnostic
from lzgen.load import load_text
from lzgen.pipeline import Checked, check_document
from lzgen.plan.types import LandingZone
from synth_org import NETWORK_ACCOUNT, synth_org

DEFAULT_BOUND = 500
SHARE_WITH_OU = "    share_with: { ous: [Workloads] }\n"


def _check(text: str) -> Checked:
    return check_document(load_text(text, "org.yaml"))


def _planned(accounts: int) -> LandingZone:
    checked = _check(synth_org(accounts))
    errors = [(d.code, d.message) for d in checked.diagnostics if d.is_error]
    assert checked.plan is not None, errors
    return checked.plan


@pytest.fixture(scope="module")
def thousand() -> LandingZone:
    return _planned(1000)


def test_no_stack_of_the_1000_account_org_exceeds_the_default_bound(thousand: LandingZone) -> None:
    # bootstrap, organization, deployer-role, the adopted accounts of three OUs (500 in each of
    # Workloads/Prod and Workloads/NonProd), network (its VPC), transit-gateways/core (the
    # hub), 1,000 spokes
    assert len(thousand.stacks) == 1008
    biggest = max(thousand.stacks, key=lambda s: s.resource_count)
    assert biggest.resource_count <= DEFAULT_BOUND, (biggest.path, biggest.contributions)


def test_spoke_stacks_do_not_grow_with_the_organization(thousand: LandingZone) -> None:
    hundred = {s.path: s.resource_count for s in _planned(100).stacks}
    for stack in thousand.stacks:
        if stack.path in hundred and stack.path.startswith("accounts/acct-"):
            assert stack.resource_count == hundred[stack.path], stack.path


def _over_bound(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.code == "LZ8001"]


def test_sharing_the_hub_with_1000_accounts_by_name_is_refused_at_the_hub() -> None:
    text = synth_org(1000)
    names = ", ".join(f"acct-{i:04d}" for i in range(1, 1001))
    assert text.count(SHARE_WITH_OU) == 1
    text = text.replace(SHARE_WITH_OU, f"    share_with: {{ accounts: [{names}] }}\n")
    checked = _check(text)
    assert checked.plan is None
    (found,) = _over_bound(checked.diagnostics)
    hub_line = text.splitlines().index("  - name: core") + 1
    assert (found.line, found.column) == (hub_line, 11)
    assert found.message.startswith("stack 'transit-gateways/core' would hold ")
    assert "the most come from transit_gateway_core.tf (" in found.message
    assert "share with OUs" in found.hint


def test_a_raised_bound_admits_the_same_stack() -> None:
    text = synth_org(10).replace(
        "  access_role: OrganizationAccountAccessRole\n",
        "  access_role: OrganizationAccountAccessRole\n  max_stack_resources: 40\n",
    )
    low = _check(text)
    assert {d.message.split("'")[1] for d in _over_bound(low.diagnostics)} == {
        f"accounts/{NETWORK_ACCOUNT}/us-east-1",
        *(f"accounts/acct-{i:04d}/us-east-1" for i in range(1, 11)),
    }
    raised = _check(text.replace("max_stack_resources: 40", "max_stack_resources: 100"))
    assert raised.plan is not None
    assert not _over_bound(raised.diagnostics)
