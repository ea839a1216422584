"""Plan contexts of the network capabilities, pure and fast: VPC ingress routing, virtual private
gateways and VPC peering (addresses, wiring and resource counts), no Terraform involved."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO, trees
from lzgen.model import OrgFile
from lzgen.model.vpc import Vpc
from lzgen.pipeline import load_and_check, load_and_validate
from lzgen.plan import build_plan
from lzgen.plan.index import PlanIndex
from lzgen.plan.stack import account_local
from lzgen.plan.types import ProviderSpec
from lzgen.plan.vpc_context import vpc_context
from lzgen.plan.vpc_peering import peering_context
from lzgen.render import render

RESOURCE = re.compile(r'^resource "', re.MULTILINE)
# a block behind an off-by-default switch (the KMS custom key store of a CloudHSM cluster): the
# manifest counts what the default plans (test_terraform checks that against terraform plan)
SWITCHED = re.compile(r'^resource "[^"]+" "[^"]+" \{\n  count = var\.[^ ]+ \? 1 : 0$', re.MULTILINE)


def _org(source: Path) -> OrgFile:
    org, diagnostics = load_and_validate(source)
    assert org is not None, [(d.code, d.line, d.message) for d in diagnostics]
    return org


def _vpc(org: OrgFile, name: str) -> Vpc:
    return next(v for v in org.vpcs if v.name == name)


@pytest.fixture(scope="module")
def hub() -> OrgFile:
    return _org(REPO / "examples" / "hub-and-spoke.yaml")


@pytest.fixture(scope="module")
def variants() -> OrgFile:
    return _org(REPO / "tests" / "cases" / "peering-variants" / "org.yaml")


@pytest.fixture(scope="module")
def vgw() -> OrgFile:
    return _org(REPO / "tests" / "cases" / "vgw-vpn" / "org.yaml")


# --- resource counts: every stack's count is the number of resource blocks it renders ---------


@pytest.mark.parametrize("name", list(trees()))
def test_stack_resource_counts_match_the_rendered_resource_blocks(name: str) -> None:
    lz = load_and_check(trees()[name]).plan
    assert lz is not None
    files = render(lz)
    for stack in lz.stacks:
        blocks = sum(
            len(RESOURCE.findall(text)) - len(SWITCHED.findall(text))
            for path, text in files.items()
            if path.rsplit("/", 1)[0] == stack.path
        )
        assert blocks == stack.resource_count, f"{stack.path}: {blocks} blocks"


# --- ingress routing --------------------------------------------------------------------------


def _tables(ctx: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in ctx["route_tables"]}


def test_ingress_routing_wires_each_protected_subnet_to_the_eni_of_its_az(hub: OrgFile) -> None:
    ctx = vpc_context(_vpc(hub, "edge"))
    ingress = ctx["ingress"]
    assert ingress["id"] == "edge_ingress"
    assert [(e["id"], e["subnet"], e["az"]) for e in ingress["enis"]] == [
        ("edge_appliance_a", "edge_inspection_a", "us-east-1a"),
        ("edge_appliance_b", "edge_inspection_b", "us-east-1b"),
    ]
    assert [(r["id"], r["subnet"], r["eni"]) for r in ingress["routes"]] == [
        ("edge_ingress_web_a", "edge_web_a", "edge_appliance_a"),
        ("edge_ingress_web_b", "edge_web_b", "edge_appliance_b"),
    ]
    assert ingress["ports"] == [443]
    tables = _tables(ctx)
    assert tables["edge_public"]["subnets"] == ["edge_inspection_a", "edge_inspection_b"]
    for az in ("a", "b"):
        table = tables[f"edge_web_{az}"]
        assert (table["kind"], table["eni"], table["subnets"], table["ipv6_via"]) == (
            "protected",
            f"edge_appliance_{az}",
            [f"edge_web_{az}"],
            None,
        )
    assert "edge_ingress" not in tables, "the gateway route table is no subnet route table"


def test_ingress_routing_keeps_ipv6_defaults_and_gateway_endpoints(variants: OrgFile) -> None:
    ctx = vpc_context(_vpc(variants, "lab-west"))
    tables = _tables(ctx)
    assert [tables[f"lab-west_web_{az}"]["ipv6_via"] for az in "ab"] == ["igw", "igw"]
    assert ctx["ingress"]["ports"] == [443, 8443]
    for endpoint in ctx["gateway_endpoints"]:
        assert endpoint["route_tables"] == list(tables), endpoint["service"]
    assert "lab-west_ingress" not in ctx["gateway_endpoints"][0]["route_tables"]


def test_protected_private_tier_keeps_its_egress_only_ipv6_default() -> None:
    vpc = Vpc.model_validate(
        {
            "name": "v",
            "account": "a",
            "region": "us-east-1",
            "cidr": "10.0.0.0/22",
            "azs": ["a", "b"],
            "nat_gateways": "none",
            "ipv6": True,
            "subnets": [
                {"name": "edge", "type": "public", "size": 28},
                {"name": "app", "type": "private", "size": 26},
                {"name": "db", "type": "private", "size": 26},
            ],
            "ingress_routing": {"appliance_tier": "edge", "protected_tiers": ["app"]},
        }
    )
    tables = _tables(vpc_context(vpc))
    assert [tables[f"v_app_{az}"]["ipv6_via"] for az in "ab"] == ["eigw", "eigw"]
    assert tables["v_private_a"]["subnets"] == ["v_db_a"], "protected subnets leave the AZ table"


def test_no_ingress_routing_changes_nothing(hub: OrgFile) -> None:
    ctx = vpc_context(_vpc(hub, "tools-vpc"))
    assert ctx["ingress"] is None
    assert all(t["kind"] != "protected" for t in ctx["route_tables"])


# --- virtual private gateway ------------------------------------------------------------------


def test_vpn_gateway_propagates_into_every_route_table_and_routes_static_vpns(
    vgw: OrgFile,
) -> None:
    ctx = vpc_context(_vpc(vgw, "branch"))
    gateway = ctx["vpn_gateway"]
    assert gateway["asn"] == 64620
    assert gateway["route_tables"] == [
        "branch_public",
        "branch_private_a",
        "branch_private_b",
        "branch_isolated",
    ]
    connections = {c["name"]: c for c in gateway["connections"]}
    paris, dublin = connections["dc-paris"], connections["dc-dublin"]
    assert (paris["id"], paris["static"], paris["asn"], paris["ip"]) == (
        "branch_dc-paris",
        True,
        65020,
        "198.51.100.20",
    )
    assert [(r["id"], r["cidr"]) for r in paris["routes"]] == [
        ("branch_dc-paris_172-20-0-0-16", "172.20.0.0/16"),
        ("branch_dc-paris_192-168-50-0-24", "192.168.50.0/24"),
    ]
    assert (dublin["static"], dublin["routes"]) == (False, [])


def test_vpn_gateway_gets_its_own_file_and_never_a_preshared_key(vgw: OrgFile) -> None:
    files = render(build_plan(vgw))
    stack = "accounts/network/eu-west-1"
    text = files[f"{stack}/vpn_gateway_branch.tf"]
    assert "preshared_key" not in text
    assert "preshared_key" not in files[f"{stack}/outputs.tf"]
    assert "customer_gateway_configuration" not in files[f"{stack}/outputs.tf"]


# --- VPC peering ------------------------------------------------------------------------------


def _peering(org: OrgFile, name: str) -> dict[str, Any]:
    return peering_context(PlanIndex.of(org), next(p for p in org.vpc_peerings if p.name == name))


def test_cross_account_peering_is_accepted_by_the_accepter_provider(hub: OrgFile) -> None:
    ctx = _peering(hub, "app-a-to-tools")
    assert ctx["same_home"] is False
    assert ctx["peer_owner_id"] == 'local.account_ids["tools"]'
    assert ctx["peer_region"] is None
    assert ctx["connection_id"] == "aws_vpc_peering_connection_accepter.app-a-to-tools.id"
    requester, accepter = ctx["requester"], ctx["accepter"]
    assert (requester["provider"], accepter["provider"]) == (None, "accepter")
    assert requester["vpc_id"] == (
        "data.terraform_remote_state.app-a_us-east-1.outputs.app-a-vpc_vpc_id"
    )
    assert [(r["table"], r["destination"]) for r in requester["routes"]] == [
        ("app-a-vpc-private-a", "10.30.0.0/20"),
        ("app-a-vpc-private-b", "10.30.0.0/20"),
    ]
    assert [(r["table"], r["destination"]) for r in accepter["routes"]] == [
        ("tools-vpc-private-a", "10.20.0.0/20"),
        ("tools-vpc-private-b", "10.20.0.0/20"),
    ]


def test_peering_routes_cover_every_route_table_of_both_vpcs(
    hub: OrgFile, variants: OrgFile
) -> None:
    for org in (hub, variants):
        for peering in org.vpc_peerings:
            if peering.accepter_vpc is None:
                continue  # external: test_external_peering.py
            ctx = peering_context(PlanIndex.of(org), peering)
            for side, vpc_name in (
                ("requester", peering.requester),
                ("accepter", peering.accepter_vpc),
            ):
                tables = [t["name"] for t in vpc_context(_vpc(org, vpc_name))["route_tables"]]
                assert [r["table"] for r in ctx[side]["routes"]] == tables, (peering.name, side)


def test_same_account_and_region_peering_uses_one_provider_and_auto_accepts(
    variants: OrgFile,
) -> None:
    ctx = _peering(variants, "east-local")
    assert ctx["same_home"] is True
    assert ctx["peer_owner_id"] == "local.account_id"
    assert ctx["connection_id"] == "aws_vpc_peering_connection.east-local.id"
    assert ctx["accepter"]["provider"] is None


def test_cross_region_peering_names_the_peer_region(variants: OrgFile) -> None:
    ctx = _peering(variants, "east-west")
    assert (ctx["same_home"], ctx["peer_region"], ctx["peer_owner_id"]) == (
        False,
        "us-west-2",
        "local.account_id",
    )


def test_peering_stacks_are_wiring_stacks_after_both_vpc_stacks(variants: OrgFile) -> None:
    stacks = {s.path: s for s in build_plan(variants).stacks}
    order = list(stacks)
    stack = stacks["peerings/lab-to-mgmt"]
    assert stack.reads == (
        ("lab_us-west-2", "accounts/lab/us-west-2"),
        ("management_us-west-2", "accounts/management/us-west-2"),
        ("organization", "organization"),  # lab is created by lzgen: its id comes from there
    )
    for upstream in ("accounts/lab/us-west-2", "accounts/management/us-west-2"):
        assert upstream in stack.depends_on
        assert order.index(upstream) < order.index(stack.path)
    assert (stack.account, stack.region) == ("lab", "us-west-2")


def test_account_local_names_one_account_or_the_map() -> None:
    one = [ProviderSpec(None, "shared", "us-east-1"), ProviderSpec("x", "shared", "us-west-2")]
    two = [ProviderSpec(None, "lab", "us-west-2"), ProviderSpec("x", "management", "us-west-2")]
    assert account_local(one, "shared") == "local.account_id"
    assert account_local(two, "management") == 'local.account_ids["management"]'


def test_management_account_stacks_declare_their_account_id(variants: OrgFile) -> None:
    files = render(build_plan(variants))
    assert 'account_id = "700000000007"' in files["accounts/management/us-west-2/account.tf"]
    assert "organization/account.tf" not in files


# --- transit gateway spokes -------------------------------------------------------------------


def test_spoke_stacks_act_in_the_owner_account_through_one_alias(hub: OrgFile) -> None:
    lz = build_plan(hub)
    files = render(lz)
    for account in ("app-a", "app-b", "dev", "tools"):
        stack = f"accounts/{account}/us-east-1"
        providers = files[f"{stack}/providers.tf"]
        assert providers.count('provider "aws" {') == 2
        assert 'alias               = "network_us-east-1"' in providers
        assert '${local.account_ids["network"]}' in providers
        assert f'account_id = local.account_ids["{account}"]' in files[f"{stack}/account.tf"]


def test_adding_a_spoke_changes_only_its_stack_and_the_hub_routes(tmp_path: Path) -> None:
    source = (REPO / "examples" / "hub-and-spoke.yaml").read_text()
    batch = """\
  - name: app-b-batch
    account: app-b
    region: us-east-1
    cidr: 10.50.0.0/20
    azs: [a, b]
    nat_gateways: none
    subnets:
      - { name: app, type: private, size: 24 }
    transit_gateway: { name: core, subnets: app, route_table: spokes, propagate_to: [shared] }
"""
    grown = source.replace("vpcs:\n", f"vpcs:\n{batch}", 1)
    assert grown != source
    (tmp_path / "org.yaml").write_text(grown)
    before = render(build_plan(_org(REPO / "examples" / "hub-and-spoke.yaml")))
    after = render(build_plan(_org(tmp_path / "org.yaml")))
    changed = sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
    assert changed == [
        "README.md",
        "accounts/app-b/us-east-1/outputs.tf",
        "accounts/app-b/us-east-1/transit_gateway_core_app-b-batch.tf",
        "accounts/app-b/us-east-1/vpc_app-b-batch.tf",
        # identity-vpc's routes to the new range (it is associated with the shared table too)
        "accounts/identity/us-east-1/transit_gateway_core_identity-vpc.tf",
        # shared-prod's routes to the new range (the shared table reaches it)
        "transit-gateways/core/transit_gateway_core.tf",
    ]


def test_the_hub_has_a_stack_of_its_own_after_its_owners_vpcs(hub: OrgFile) -> None:
    stacks = {s.path: s for s in build_plan(hub).stacks}
    tgw = stacks["transit-gateways/core"]
    assert (tgw.account, tgw.region) == ("network", "us-east-1")
    assert "accounts/network/us-east-1" in tgw.depends_on
    assert ("network_us-east-1", "accounts/network/us-east-1") in tgw.reads
    network_files = {f.path for f in stacks["accounts/network/us-east-1"].files}
    assert not [f for f in network_files if f.startswith("transit_gateway")]
    for account in ("app-a", "app-b", "dev", "tools"):
        spoke = stacks[f"accounts/{account}/us-east-1"]
        assert "transit-gateways/core" in spoke.depends_on
        assert ("core_tgw", "transit-gateways/core") in spoke.reads


def _hub_variant(tmp_path: Path, name: str, change: Callable[[dict[str, Any]], None]) -> OrgFile:
    data = yaml.safe_load((REPO / "examples" / "hub-and-spoke.yaml").read_text())
    change(data)
    (tmp_path / name).write_text(yaml.safe_dump(data, sort_keys=False))
    return _org(tmp_path / name)


def _spoke_routes(org: OrgFile) -> dict[str, set[tuple[str, str]]]:
    """Attached VPC -> (route table name, destination) of its routes via the TGW."""
    found: dict[str, set[tuple[str, str]]] = {}
    for stack in build_plan(org).stacks:
        for spec in stack.files:
            if spec.template == "transit_gateway/spoke.tf.j2":
                att = spec.context["attachment"]
                found[att["vpc_name"]] = {(r["table_name"], r["cidr"]) for r in att["routes"]}
    return found


def _tools_propagates_to_spokes(data: dict[str, Any]) -> None:
    tools = next(v for v in data["vpcs"] if v["name"] == "tools-vpc")
    tools["transit_gateway"]["propagate_to"] = ["shared", "spokes"]


def test_a_peered_vpc_is_routed_over_the_peering_not_also_via_the_tgw(tmp_path: Path) -> None:
    """app-a-vpc and tools-vpc are peered; once tools-vpc propagates into the spokes table,
    app-a's TGW table reaches tools' CIDR too. AWS allows one route per destination in a route
    table, so the peering routes it and the TGW routes do not."""
    org = _hub_variant(tmp_path, "peered.yaml", _tools_propagates_to_spokes)
    via_tgw = _spoke_routes(org)
    lz = build_plan(org)
    (peering,) = [
        spec.context["peering"]
        for stack in lz.stacks
        for spec in stack.files
        if spec.template == "vpc_peering/vpc_peering.tf.j2"
    ]
    for side in peering["sides"]:
        over_peering = {(r["table"], r["destination"]) for r in side["routes"]}
        assert {d for _, d in over_peering} == {side["peer_cidr"]}
        assert via_tgw[side["vpc"]], side["vpc"]
        assert not via_tgw[side["vpc"]] & over_peering, side["vpc"]

    def unpeer(data: dict[str, Any]) -> None:
        _tools_propagates_to_spokes(data)
        data["vpc_peerings"] = []

    # without the peering, app-a routes tools' CIDR via the TGW
    unpeered = _spoke_routes(_hub_variant(tmp_path, "unpeered.yaml", unpeer))
    assert "10.30.0.0/20" in {cidr for _, cidr in unpeered["app-a-vpc"]}
