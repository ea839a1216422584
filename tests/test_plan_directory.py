"""The directory's plan (plan/directory.py), pure and fast: stack paths and order, which
accounts get a consumer stack (share targets minus exclusions, owners of consumer VPCs, never
the owner), what each stack holds, and resource counts equal to the rendered blocks.

Variants of examples/shared-directory.yaml are built as models (plan sees only valid input, so
they skip the rules); the examples themselves go through ``load_and_validate``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO
from lzgen.model import OrgFile
from lzgen.model.directory import AD_PORTS
from lzgen.pipeline import load_and_validate
from lzgen.plan import build_plan
from lzgen.plan.directory import consumer_accounts
from lzgen.plan.index import PlanIndex
from lzgen.plan.organization import trusted_services
from lzgen.plan.types import LandingZone, Stack
from lzgen.render import render, render_file

EXAMPLE = REPO / "examples" / "shared-directory.yaml"
OWNER = "directories/corp/identity"
CONSUMER = "directories/corp/workloads"
RESOURCE = re.compile(r'^resource "([^"]+)" "([^"]+)"', re.MULTILINE)


def _org(source: Path) -> OrgFile:
    org, diagnostics = load_and_validate(source)
    assert org is not None, [(d.code, d.line, d.message) for d in diagnostics]
    return org


def _data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    return data


def _variant(**directory: Any) -> OrgFile:
    """The example with more accounts and VPCs and its directory changed by ``directory``:
    ``tools`` (Infrastructure, like the owner), ``batch`` (Workloads) owning ``vpc-3``, and
    ``vpc-0`` in the owner account."""
    data = _data()
    data["accounts"] += [
        {"name": "tools", "email": "aws+tools@corpnet.example", "ou": "Infrastructure"},
        {"name": "batch", "email": "aws+batch@corpnet.example", "ou": "Workloads"},
    ]
    base = data["vpcs"][1]
    data["vpcs"] += [
        {**base, "name": "vpc-3", "account": "batch", "cidr": "10.3.0.0/16"},
        {**base, "name": "vpc-0", "account": "identity", "cidr": "10.200.0.0/16"},
    ]
    data["directories"][0].update(directory)
    return OrgFile.model_validate(data)


def _stacks(plan: LandingZone) -> dict[str, Stack]:
    return {s.path: s for s in plan.stacks}


def _blocks(stack: Stack) -> list[tuple[str, str]]:
    """(type, name) of every resource block the stack renders."""
    return [
        m
        for spec, text in render_stack(stack).items()
        if spec.endswith(".tf")
        for m in RESOURCE.findall(text)
    ]


def render_stack(stack: Stack) -> dict[str, str]:
    files = render(LandingZone("x", (stack,), ()))
    return {path.removeprefix(stack.path + "/"): text for path, text in files.items()}


@pytest.fixture(scope="module")
def example() -> LandingZone:
    return build_plan(_org(EXAMPLE))


def test_owner_and_consumer_stacks_in_order(example: LandingZone) -> None:
    order = [s.path for s in example.stacks]
    stacks = _stacks(example)
    assert [p for p in order if p.startswith("directories/")] == [OWNER, CONSUMER]
    owner, consumer = stacks[OWNER], stacks[CONSUMER]
    assert (owner.account, owner.region) == ("identity", "us-east-1")
    assert (consumer.account, consumer.region) == ("workloads", "us-east-1")
    assert "accounts/identity/us-east-1" in owner.depends_on
    assert not [d for d in owner.depends_on if d.startswith(("directories/", "peerings/"))]
    assert {OWNER, "accounts/workloads/us-east-1"} <= set(consumer.depends_on)
    for stack in (owner, consumer):
        assert all(order.index(d) < order.index(stack.path) for d in stack.depends_on)
    assert ("corp_directory", OWNER) in consumer.reads
    assert ("workloads_us-east-1", "accounts/workloads/us-east-1") in consumer.reads


def test_nothing_but_its_consumers_reads_the_owner_stack(example: LandingZone) -> None:
    readers = {s.path for s in example.stacks for _, path in s.reads if path == OWNER}
    assert readers == {CONSUMER}


def test_resource_counts_are_the_rendered_blocks(example: LandingZone) -> None:
    for stack in example.stacks:
        if stack.path.startswith("directories/"):
            assert stack.resource_count == len(_blocks(stack)), stack.path
    owner = _stacks(example)[OWNER]
    # key, alias, secret, version, directory; 2 VPCs x ports; logs 3; 1 share; resolver SG,
    # endpoint, rule, association with the owner VPC; RAM share, resource, one principal
    assert owner.resource_count == 5 + 2 * len(AD_PORTS) + 3 + 1 + 4 + 3
    # accepter, role, two attachments, profile, two rule associations
    assert _stacks(example)[CONSUMER].resource_count == 7


def test_the_owner_holds_the_directory_and_the_consumer_the_accepter(
    example: LandingZone,
) -> None:
    owner = dict(_blocks(_stacks(example)[OWNER]))
    consumer = _blocks(_stacks(example)[CONSUMER])
    assert "aws_directory_service_directory" in owner
    assert ("aws_directory_service_shared_directory", "corp_workloads") in _blocks(
        _stacks(example)[OWNER]
    )
    assert ("aws_directory_service_shared_directory_accepter", "corp") in consumer
    assert [n for t, n in consumer if t == "aws_route53_resolver_rule_association"] == [
        "corp_vpc-1",
        "corp_vpc-2",
    ]
    assert ("aws_iam_instance_profile", "corp_join") in consumer


def test_consumers_are_targets_minus_exclusions_and_vpc_owners_never_the_owner() -> None:
    org = _variant(
        share_with={"ous": ["Infrastructure", "Workloads"], "exclude_accounts": ["batch"]},
        consumer_vpcs=["vpc-0", "vpc-1", "vpc-3"],
    )
    directory = org.directories[0]
    # identity owns the directory (and vpc-0): never a consumer; batch is excluded from the
    # share but owns vpc-3, so it gets a stack without an accepter
    assert consumer_accounts(org, directory) == ["batch", "tools", "workloads"]
    stacks = _stacks(build_plan(org))
    assert sorted(p for p in stacks if p.startswith("directories/corp/")) == [
        "directories/corp/batch",
        OWNER,
        "directories/corp/tools",
        CONSUMER,
    ]
    owner = _blocks(stacks[OWNER])
    shares = sorted(n for t, n in owner if t == "aws_directory_service_shared_directory")
    assert shares == ["corp_tools", "corp_workloads"]
    # vpc-0 is associated in the owner stack; the rule is shared with batch and workloads
    associations = sorted(n for t, n in owner if t == "aws_route53_resolver_rule_association")
    assert associations == ["corp_identity-vpc", "corp_vpc-0"]
    principals = sorted(n for t, n in owner if t == "aws_ram_principal_association")
    assert principals == ["corp_batch_resolver", "corp_workloads_resolver"]
    accepters = {
        path: [t for t, _ in _blocks(stacks[path])].count(
            "aws_directory_service_shared_directory_accepter"
        )
        for path in ("directories/corp/batch", "directories/corp/tools", CONSUMER)
    }
    assert accepters == {"directories/corp/batch": 0, "directories/corp/tools": 1, CONSUMER: 1}
    tools = [t for t, _ in _blocks(stacks["directories/corp/tools"])]
    assert "aws_route53_resolver_rule_association" not in tools
    for path, stack in stacks.items():
        if path.startswith("directories/"):
            assert stack.resource_count == len(_blocks(stack)), path


def test_organizations_method_needs_no_accepter_and_trusts_directory_service() -> None:
    org = _variant(share_method="organizations")
    stacks = _stacks(build_plan(org))
    consumer = [t for t, _ in _blocks(stacks[CONSUMER])]
    assert "aws_directory_service_shared_directory_accepter" not in consumer
    assert "ORGANIZATIONS" in render_stack(stacks[OWNER])["directory_corp.tf"]
    assert "ds.amazonaws.com" in trusted_services(PlanIndex.of(org), False)
    assert "ds.amazonaws.com" not in trusted_services(PlanIndex.of(_variant()), False)


def test_dns_none_renders_no_resolver_and_shares_nothing_through_ram() -> None:
    org = _variant(dns="none")
    stacks = _stacks(build_plan(org))
    owner = [t for t, _ in _blocks(stacks[OWNER])]
    assert not [t for t in owner if t.startswith(("aws_route53_", "aws_ram_"))]
    assert "aws_security_group" not in owner
    consumer = [t for t, _ in _blocks(stacks[CONSUMER])]
    assert "aws_route53_resolver_rule_association" not in consumer
    # nothing else in the file is shared through RAM
    assert "ram.amazonaws.com" not in trusted_services(PlanIndex.of(org), False)
    assert "ram.amazonaws.com" in trusted_services(PlanIndex.of(_variant()), False)


def test_the_domain_controllers_use_the_tiers_first_two_azs(example: LandingZone) -> None:
    text = render_stack(_stacks(example)[OWNER])["directory_corp.tf"]
    outputs = "data.terraform_remote_state.identity_us-east-1.outputs"
    subnets = f'{outputs}.identity-vpc_subnet_ids["directory"]'
    assert f"{subnets}[0]" in text
    assert f"{subnets}[1]" in text
    assert f"{subnets}[2]" not in text


def test_readme_asks_for_the_rules_quota_only_beyond_two_consumer_vpcs(
    example: LandingZone,
) -> None:
    def readme(plan: LandingZone) -> str:
        return next(render_file(f) for f in plan.files if f.path == "README.md")

    assert "L-0EA8095F" not in readme(example)  # 2 consumer VPCs: 17 + 2 x 17 rules
    hub = build_plan(_org(REPO / "examples" / "hub-and-spoke.yaml"))
    assert "L-0EA8095F" in readme(hub)  # 3 consumer VPCs: 68 rules, more than 60
