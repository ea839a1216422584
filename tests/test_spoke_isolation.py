"""examples/hub-and-spoke.yaml: spokes are isolated from each other on the Transit Gateway, read
from the offline plan JSON of every stack (tests/reachability.py traces the packets).

The `spokes` table sends 0.0.0.0/0 to shared-prod, whose TGW subnets route every spoke back to
the TGW through the `shared` table, where every spoke propagates: without the isolation
blackholes, app-a-vpc (Prod) reaches dev-vpc (NonProd) through the egress VPC. With them, no
spoke reaches another through the TGW, while each still reaches shared-prod and, through
shared-prod's NAT gateways, the internet; app-a-vpc reaches tools-vpc over its peering.
"""

from __future__ import annotations

import ipaddress
from typing import Any

import pytest
import yaml

from conftest import REPO, OfflinePlans, RenderedExamples, tree_group
from reachability import Network, Trace

EXAMPLE = "hub-and-spoke"
pytestmark = [pytest.mark.terraform, tree_group(EXAMPLE)]
EGRESS = "shared-prod"
INTERNET = ipaddress.IPv4Address("198.51.100.7")  # TEST-NET-2: in no VPC, VPN or route


@pytest.fixture(scope="module")
def network(rendered_examples: RenderedExamples, offline_plans: OfflinePlans) -> Network:
    planned = offline_plans[EXAMPLE]
    failed = [name for name, result in planned.results.items() if not result.ok]
    assert not failed, f"stacks that did not plan: {failed}"
    return Network(rendered_examples.manifest(EXAMPLE), planned.plans)


def _spokes() -> list[str]:
    """VPCs attached to the TGW from accounts other than its owner, associated with the spokes
    table (identity-vpc, the directory's, is associated with the shared table: every spoke
    reaches it on purpose, tests/test_directory.py)."""
    data: dict[str, Any] = yaml.safe_load((REPO / "examples" / f"{EXAMPLE}.yaml").read_text())
    owner = data["transit_gateways"][0]["account"]
    return [
        v["name"]
        for v in data["vpcs"]
        if "transit_gateway" in v
        and v["account"] != owner
        and v["transit_gateway"]["route_table"] == "spokes"
    ]


def _traces(network: Network, src: str, dst: str) -> list[Trace]:
    """A trace from every subnet of ``src`` to an address in every subnet of ``dst``."""
    return [
        network.trace(subnet, address)
        for subnet in network.subnets_of(src)
        for address in network.sample(dst)
    ]


def _delivered(network: Network, src: str, dst: str) -> list[Trace]:
    return [t for t in _traces(network, src, dst) if t.end == ("vpc", dst)]


def _show(traces: list[Trace]) -> str:
    return "\n".join(" | ".join(t.hops) for t in traces[:3])


@pytest.mark.parametrize("other", ["dev-vpc", "app-b-vpc"])
def test_prod_spoke_reaches_no_other_spoke(network: Network, other: str) -> None:
    for src, dst in (("app-a-vpc", other), (other, "app-a-vpc")):
        leaked = _delivered(network, src, dst)
        assert not leaked, f"{src} reaches {dst}:\n{_show(leaked)}"


def test_no_spoke_reaches_another_through_the_tgw(network: Network) -> None:
    spokes = _spokes()
    assert len(spokes) >= 4
    for src in spokes:
        for dst in spokes:
            if src != dst:
                leaked = [t for t in _delivered(network, src, dst) if t.via("tgw")]
                assert not leaked, f"{src} reaches {dst} through the TGW:\n{_show(leaked)}"


@pytest.mark.parametrize("spoke", _spokes())
def test_every_spoke_reaches_the_egress_vpc_both_ways(network: Network, spoke: str) -> None:
    for src, dst in ((spoke, EGRESS), (EGRESS, spoke)):
        traces = _traces(network, src, dst)
        lost = [t for t in traces if t.end != ("vpc", dst) or not t.via("tgw")]
        assert not lost, f"{src} does not reach {dst} via the TGW:\n{_show(lost)}"


@pytest.mark.parametrize("spoke", _spokes())
def test_every_spoke_reaches_the_internet_through_the_egress_nat(
    network: Network, spoke: str
) -> None:
    for subnet in network.subnets_of(spoke):
        trace = network.trace(subnet, INTERNET)
        assert trace.end == ("internet", ""), " | ".join(trace.hops)
        assert trace.via("tgw"), trace.hops
        assert any(h.endswith(f"att {EGRESS}") for h in trace.hops), trace.hops
        assert any(f"-> nat {EGRESS}-" in h for h in trace.hops), trace.hops


def test_app_a_reaches_tools_over_its_peering(network: Network) -> None:
    for src, dst in (("app-a-vpc", "tools-vpc"), ("tools-vpc", "app-a-vpc")):
        traces = _traces(network, src, dst)
        lost = [t for t in traces if t.end != ("vpc", dst) or not t.via("pcx") or t.via("tgw")]
        assert not lost, f"{src} does not reach {dst} over the peering alone:\n{_show(lost)}"
