"""Spoke isolation on a Transit Gateway (plan/isolation.py), pure and fast: which VPCs a route
table with a default route to a VPC blackholes, in which stack, with which address and count."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO
from lzgen.load import load_text
from lzgen.model import OrgFile
from lzgen.model.transit_gateway import TgwRoute, TransitGateway
from lzgen.model.vpc import Vpc
from lzgen.pipeline import check_document, load_and_validate
from lzgen.plan import build_plan
from lzgen.plan.isolation import Blackhole, blackholes
from lzgen.render import render

sys.path.insert(0, str(REPO / "benchmarks"))
from synth_org import TGW_SECTION, synth_org

HUB = REPO / "examples" / "hub-and-spoke.yaml"
SPOKES = ("app-a-vpc", "app-b-vpc", "dev-vpc", "tools-vpc")
RESOURCE = re.compile(r'^resource "', re.MULTILINE)


def _org(source: Path) -> OrgFile:
    org, diagnostics = load_and_validate(source)
    assert org is not None, [(d.code, d.line, d.message) for d in diagnostics]
    return org


@pytest.fixture(scope="module")
def hub() -> OrgFile:
    return _org(HUB)


def _attached(org: OrgFile) -> list[Vpc]:
    return [v for v in org.vpcs if v.transit_gateway is not None]


def _with_routes(tgw: TransitGateway, *routes: TgwRoute) -> TransitGateway:
    return tgw.model_copy(update={"routes": [*tgw.routes, *routes]})


def _isolated(tgw: TransitGateway, org: OrgFile) -> set[tuple[str, str]]:
    return {(h.table, h.vpc) for h in blackholes(tgw, _attached(org))}


def test_the_spokes_table_blackholes_every_spoke_and_nothing_else(hub: OrgFile) -> None:
    (tgw,) = hub.transit_gateways
    found = blackholes(tgw, _attached(hub))
    cidrs = {v.name: v.cidr for v in hub.vpcs}
    assert found == [Blackhole("spokes", v, cidrs[v], "shared-prod") for v in SPOKES]


def test_a_vpc_propagating_into_the_table_is_not_blackholed(hub: OrgFile) -> None:
    (tgw,) = hub.transit_gateways
    vpcs = []
    for vpc in _attached(hub):
        assert vpc.transit_gateway is not None
        att = vpc.transit_gateway.model_copy(update={"propagate_to": ["shared", "spokes"]})
        vpcs.append(
            vpc.model_copy(update={"transit_gateway": att}) if vpc.name == "dev-vpc" else vpc
        )
    assert {h.vpc for h in blackholes(tgw, vpcs)} == set(SPOKES) - {"dev-vpc"}


@pytest.mark.parametrize(
    ("cidr", "isolated"),
    [
        ("10.22.0.0/20", False),  # equal: routed on purpose (and one route per destination)
        ("10.16.0.0/12", False),  # covering: a blackhole would override it
        ("10.22.4.0/24", True),  # inside: the blackhole covers the rest, LPM keeps the route
        ("10.23.0.0/24", True),  # elsewhere
    ],
)
def test_a_static_route_equal_to_or_covering_a_vpc_routes_it_on_purpose(
    hub: OrgFile, cidr: str, isolated: bool
) -> None:
    (tgw,) = hub.transit_gateways
    for target in ({"vpc": "tools-vpc"}, {"blackhole": True}):
        route = TgwRoute(route_table="spokes", cidr=cidr, **target)  # type: ignore[arg-type]
        assert (("spokes", "dev-vpc") in _isolated(_with_routes(tgw, route), hub)) is isolated


def test_only_a_default_route_to_a_vpc_isolates(hub: OrgFile) -> None:
    (tgw,) = hub.transit_gateways
    assert ("shared", "app-a-vpc") not in _isolated(tgw, hub)  # `shared` has no default route
    to_vpn = TgwRoute(route_table="shared", cidr="0.0.0.0/0", vpn="dc-frankfurt")
    assert {t for t, _ in _isolated(_with_routes(tgw, to_vpn), hub)} == {"spokes"}
    without = tgw.model_copy(update={"routes": [r for r in tgw.routes if r.vpc is None]})
    assert blackholes(without, _attached(hub)) == []


def _contexts(org: OrgFile) -> dict[str, dict[str, Any]]:
    """Stack path -> the context of its Transit Gateway file."""
    found = {}
    for stack in build_plan(org).stacks:
        for spec in stack.files:
            if spec.template.startswith("transit_gateway/") and spec.path.startswith("transit_"):
                found[stack.path] = spec.context
    return found


def test_each_spokes_blackhole_lives_in_its_own_stack_in_the_owner_account(hub: OrgFile) -> None:
    contexts = _contexts(hub)
    assert contexts["transit-gateways/core"]["tgw"]["blackholes"] == []
    files = render(build_plan(hub))
    for vpc in SPOKES:
        account = next(v.account for v in hub.vpcs if v.name == vpc)
        path = f"accounts/{account}/us-east-1"
        (hole,) = contexts[path]["blackholes"]
        assert hole["id"] == f"core_spokes_{vpc}_blackhole"
        text = files[f"{path}/transit_gateway_core_{vpc}.tf"]
        block = text[text.index(f'"{hole["id"]}" {{') :].split("\n}\n", 1)[0]
        assert "provider = aws.network_us-east-1" in block
        assert 'outputs.core_route_table_ids["spokes"]' in block
        assert "blackhole                      = true" in block


def _owner_spoke(data: dict[str, Any]) -> None:
    """A second VPC of the owner account, a spoke of `spokes` like the others."""
    data["vpcs"].append(
        {
            "name": "shared-dev",
            "account": "network",
            "region": "us-east-1",
            "cidr": "10.40.0.0/20",
            "azs": ["a", "b"],
            "nat_gateways": "none",
            "subnets": [{"name": "app", "type": "private", "size": 24}],
            "endpoints": {"gateway": ["s3"]},
            "transit_gateway": {
                "name": "core",
                "subnets": "app",
                "route_table": "spokes",
                "propagate_to": ["shared"],
            },
        }
    )


def test_the_owners_own_vpcs_are_blackholed_in_the_hub_stack(tmp_path: Path) -> None:
    data = yaml.safe_load(HUB.read_text())
    _owner_spoke(data)
    (tmp_path / "org.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    org = _org(tmp_path / "org.yaml")
    lz = build_plan(org)
    (hole,) = _contexts(org)["transit-gateways/core"]["tgw"]["blackholes"]
    assert (hole["id"], hole["cidr"]) == ("core_spokes_shared-dev_blackhole", "10.40.0.0/20")
    files = render(lz)
    hub_tf = files["transit-gateways/core/transit_gateway_core.tf"]
    assert 'resource "aws_ec2_transit_gateway_route" "core_spokes_shared-dev_blackhole"' in hub_tf
    for stack in lz.stacks:  # the counts still match the rendered blocks
        blocks = sum(
            len(RESOURCE.findall(text))
            for path, text in files.items()
            if path.rsplit("/", 1)[0] == stack.path
        )
        assert blocks == stack.resource_count, stack.path


def _stack_sizes(accounts: int, *, egress: bool) -> dict[str, int]:
    text = synth_org(accounts)
    if egress:  # the spokes table sends everything to the hub VPC: every spoke is blackholed
        route = "    routes: [{ route_table: spokes, cidr: 0.0.0.0/0, vpc: shared-services }]\n"
        text = text.replace(TGW_SECTION, TGW_SECTION + route, 1)
    checked = check_document(load_text(text, "org.yaml"))
    assert checked.plan is not None, [d.message for d in checked.diagnostics if d.is_error]
    return {s.path: s.resource_count for s in checked.plan.stacks}


def test_isolation_grows_no_stack_with_the_number_of_spokes() -> None:
    hub = "transit-gateways/core"
    for accounts in (100, 1000):
        plain, isolated = _stack_sizes(accounts, egress=False), _stack_sizes(accounts, egress=True)
        # the hub gains the default route and no blackhole (its VPC is the route's target)
        assert isolated[hub] == plain[hub] + 1, accounts
        spokes = [p for p in plain if p.startswith("accounts/acct-")]
        assert len(spokes) == accounts
        for path in spokes:  # one blackhole each, in its own stack
            assert isolated[path] == plain[path] + 1, path
