"""The reachability model (lzgen/reachability.py): what the declared network lets reach what,
both ways, and the first missing hop with the node where its fix goes.

Each test builds a small network from a YAML snippet (helpers.org puts it first, so line 1 is
the snippet's first line) and asks the model, the way route planning, the directory rules and
``lzgen path`` do.
"""

from __future__ import annotations

import ipaddress

import pytest

from helpers import diagnose, only, org
from lzgen.load import load_text
from lzgen.model import OrgFile
from lzgen.reachability import Network, Path
from lzgen.shape import check_shape


def _vpc(name: str, cidr: str, extra: str = "", account: str = "network") -> str:
    return f"""
          - name: {name}
            account: {account}
            region: us-east-1
            cidr: {cidr}
            azs: [a, b]
            nat_gateways: none
            subnets: [{{ name: app, type: private, size: 24 }}, {{ name: tgw, type: private, size: 28 }}]
            {extra}"""  # noqa: E501 - one VPC per snippet line block


def _network(snippet: str) -> tuple[Network, OrgFile]:
    doc = load_text(org(snippet), "org.yaml")
    model, problems = check_shape(doc)
    assert model is not None, problems
    return Network(model), model


def _path(network: Network, a: str, b: str) -> Path:
    source, target = network.endpoint(a), network.endpoint(b)
    assert source is not None
    assert target is not None
    return network.path(source, target)


PEERED = (
    "vpcs:"
    + _vpc("vpc-0", "172.31.0.0/16")
    + _vpc("vpc-1", "10.0.0.0/16", account="app-a")
    + _vpc("vpc-2", "10.100.0.0/16", account="app-a")
    + """
vpc_peerings:
  - { name: to-vpc-1, requester: vpc-0, accepter: vpc-1 }
  - { name: to-vpc-2, requester: vpc-0, accepter: vpc-2 }
"""
)


def test_a_peering_is_one_hop_each_way() -> None:
    network, _ = _network(PEERED)
    found = _path(network, "vpc-1", "vpc-0")
    assert found.reachable
    assert found.forward.hops == ("vpc-1 route tables: 172.31.0.0/16 -> peering to-vpc-1 -> vpc-0",)
    assert found.back.hops == ("vpc-0 route tables: 10.0.0.0/16 -> peering to-vpc-1 -> vpc-1",)


def test_peering_is_not_transitive_and_the_fix_points_at_the_source_vpc() -> None:
    network, _ = _network(PEERED)
    found = _path(network, "vpc-1", "vpc-2")
    assert not found.forward.reachable
    assert not found.back.reachable
    missing = found.forward.missing
    assert missing is not None
    assert "vpc-1 is peered with vpc-0, which is peered with vpc-2" in missing.reason
    assert "peering is not transitive" in missing.reason
    assert "peer vpc-1 with vpc-2 under `vpc_peerings`" in missing.fix
    assert missing.at == ("vpcs", 1)
    assert found.forward.hops == ()


HUB = (
    """
transit_gateways:
  - { name: core, account: network, region: us-east-1, route_tables: [shared, spokes] }
vpcs:"""
    + _vpc(
        "hub",
        "10.10.0.0/16",
        "transit_gateway: { name: core, subnets: tgw, route_table: shared,"
        " propagate_to: [spokes] }",
    )
    + _vpc(
        "spoke",
        "10.20.0.0/20",
        "transit_gateway: { name: core, subnets: tgw, route_table: spokes,"
        " propagate_to: [shared] }",
        account="app-a",
    )
    + _vpc(
        "lonely",
        "10.21.0.0/20",
        "transit_gateway: { name: core, subnets: tgw, route_table: spokes }",
        account="app-a",
    )
)


def test_a_transit_gateway_path_needs_a_route_in_each_associated_table() -> None:
    network, _ = _network(HUB)
    found = _path(network, "spoke", "hub")
    assert found.reachable
    assert found.forward.hops == (
        "spoke route tables: 10.10.0.0/16 -> transit gateway core",
        "route table spokes of transit gateway core: 10.10.0.0/16 -> hub "
        "(propagated route 10.10.0.0/16)",
    )
    assert found.back.hops == (
        "hub route tables: 10.20.0.0/20 -> transit gateway core",
        "route table shared of transit gateway core: 10.20.0.0/20 -> spoke "
        "(propagated route 10.20.0.0/20)",
    )


def test_a_spoke_without_the_propagation_is_named_with_the_line_that_adds_it() -> None:
    network, _ = _network(HUB)
    found = _path(network, "lonely", "hub")
    assert found.forward.reachable  # the hub propagates into spokes
    back = found.back
    assert back.hops == ()  # the hub's route tables get no route to it either
    assert back.missing is not None
    assert back.missing.reason == (
        "route table shared of transit gateway core has no route to 10.21.0.0/20 "
        "(VPC lonely (10.21.0.0/20))"
    )
    assert back.missing.fix.startswith("add `shared` to `propagate_to` of VPC lonely's")
    assert back.missing.at == ("vpcs", 2, "transit_gateway", "propagate_to")


def test_the_vpc_hop_is_missing_when_the_table_reaches_the_destination_only_by_default() -> None:
    snippet = HUB.replace(
        "route_tables: [shared, spokes] }",
        "route_tables: [shared, spokes],\n"
        "      routes: [{ route_table: shared, cidr: 0.0.0.0/0, vpc: spoke }] }",
    ).replace("nat_gateways: none", "nat_gateways: per_az", 1)
    snippet = snippet.replace(
        "subnets: [{ name: app, type: private, size: 24 }, { name: tgw",
        "subnets: [{ name: pub, type: public, size: 24 }, { name: app, type: private, "
        "size: 24 }, { name: tgw",
        1,
    ).replace("propagate_to: [shared] }", "propagate_to: [] }", 1)
    network, _ = _network(snippet)
    back = _path(network, "spoke", "hub").back
    assert back.missing is not None
    assert "only by its default route" in back.missing.reason
    assert "sends its default route to its NAT gateways" in back.missing.reason


def test_a_blackhole_route_drops_and_the_fix_points_at_it() -> None:
    snippet = HUB.replace(
        "route_tables: [shared, spokes] }",
        "route_tables: [shared, spokes],\n"
        "      routes: [{ route_table: spokes, cidr: 10.10.0.0/16, blackhole: true }] }",
    )
    network, _ = _network(snippet)
    forward = _path(network, "spoke", "hub").forward
    assert forward.missing is not None
    assert forward.missing.reason == (
        "route table spokes of transit gateway core drops 10.10.0.0/16: its blackhole route "
        "to 10.10.0.0/16"
    )
    assert forward.missing.at == ("transit_gateways", 0, "routes", 0)


def test_isolation_blackholes_keep_spokes_apart_behind_a_default_route() -> None:
    snippet = HUB.replace(
        "route_tables: [shared, spokes] }",
        "route_tables: [shared, spokes],\n"
        "      routes: [{ route_table: spokes, cidr: 0.0.0.0/0, vpc: hub }] }",
    ).replace(
        "transit_gateway: { name: core, subnets: tgw, route_table: spokes }",
        "transit_gateway: { name: core, subnets: tgw, route_table: spokes, "
        "propagate_to: [shared] }",
    )
    network, _ = _network(snippet)
    forward = _path(network, "spoke", "lonely").forward
    assert forward.missing is not None
    assert "the isolation blackhole for lonely (default route to hub)" in forward.missing.reason
    assert network.internet_egress("spoke") is None  # the egress VPC has no NAT gateway


def test_a_vpc_on_no_transit_gateway_and_no_peering_has_no_path() -> None:
    snippet = HUB + _vpc("island", "10.50.0.0/16")
    network, _ = _network(snippet)
    found = _path(network, "island", "hub")
    assert found.forward.missing is not None
    assert found.forward.missing.reason.startswith("island has no route to VPC hub")
    assert found.back.missing is not None
    fix = found.back.missing.fix
    assert fix == "attach VPC island to transit gateway core (`transit_gateway:`)"


VPN = HUB.replace(
    "route_tables: [shared, spokes] }",
    "route_tables: [shared, spokes],\n"
    "      vpn_connections: [{ name: dc, customer_gateway: { ip: 203.0.113.10, asn: 65010 },\n"
    "        on_premises_cidrs: [172.16.0.0/12], propagate_to: [spokes] }] }",
)


def test_a_vpn_without_a_route_table_reaches_nothing_back() -> None:
    network, _ = _network(VPN)
    found = _path(network, "spoke", "dc")
    assert found.forward.reachable
    assert found.forward.hops[-1] == (
        "route table spokes of transit gateway core: 172.16.0.0/12 -> dc "
        "(propagated route 172.16.0.0/12)"
    )
    assert found.back.missing is not None
    assert found.back.missing.reason == "VPN dc is associated with no route table of core"


def test_a_vpn_with_its_route_table_reaches_the_vpcs_propagating_there() -> None:
    network, _ = _network(VPN.replace("propagate_to: [spokes] }]", "propagate_to: [spokes],\n"
                                      "        route_table: shared }]"))  # fmt: skip
    assert _path(network, "spoke", "dc").reachable


def test_destinations_are_propagations_vpn_ranges_and_static_routes_not_blackholes() -> None:
    snippet = VPN.replace(
        "route_tables: [shared, spokes],",
        "route_tables: [shared, spokes],\n"
        "      routes: [{ route_table: spokes, cidr: 10.99.0.0/16, blackhole: true },\n"
        "               { route_table: spokes, cidr: 10.31.0.0/20, vpc: hub }],",
    )
    network, model = _network(snippet)
    assert network.destinations("core", "spokes") == [
        "10.10.0.0/16",
        "10.31.0.0/20",
        "172.16.0.0/12",
    ]
    spoke = next(v for v in model.vpcs if v.name == "spoke")
    specific, default = network.tgw_routes(spoke)
    assert [str(n) for n in specific] == ["10.10.0.0/16", "10.31.0.0/20", "172.16.0.0/12"]
    assert default is False


def test_peered_cidrs_are_left_to_the_peering() -> None:
    snippet = HUB + "\nvpc_peerings:\n  - { name: direct, requester: spoke, accepter: hub }\n"
    network, model = _network(snippet)
    spoke = next(v for v in model.vpcs if v.name == "spoke")
    assert network.tgw_routes(spoke) == ([], False)
    assert network.peered_cidrs("spoke") == {ipaddress.IPv4Network("10.10.0.0/16")}
    forward = _path(network, "spoke", "hub").forward
    assert forward.hops == ("spoke route tables: 10.10.0.0/16 -> peering direct -> hub",)


@pytest.mark.parametrize(
    ("nat", "expected"),
    [("per_az", "the NAT gateways of hub"), ("none", None)],
)
def test_internet_egress_through_the_tgw_default_route(nat: str, expected: str | None) -> None:
    snippet = (
        HUB.replace(
            "route_tables: [shared, spokes] }",
            "route_tables: [shared, spokes],\n"
            "      routes: [{ route_table: spokes, cidr: 0.0.0.0/0, vpc: hub }] }",
        )
        .replace("nat_gateways: none", f"nat_gateways: {nat}", 1)
        .replace(
            "subnets: [{ name: app, type: private, size: 24 }, { name: tgw",
            "subnets: [{ name: pub, type: public, size: 24 }, { name: app, type: private, "
            "size: 24 }, { name: tgw",
            1,
        )
    )
    network, _ = _network(snippet)
    assert network.internet_egress("hub") == expected
    via = "transit gateway core to the NAT gateways of hub" if expected else None
    assert network.internet_egress("spoke") == via


def test_a_vgw_vpn_reaches_only_its_own_vpc() -> None:
    snippet = PEERED.replace(
        "cidr: 172.31.0.0/16",
        "cidr: 172.31.0.0/16\n"
        "            vpn_gateway: { asn: 64600, vpn_connections: [{ name: dc2,\n"
        "              customer_gateway: { ip: 203.0.113.20, asn: 65020 }, routing: static,\n"
        "              on_premises_cidrs: [192.168.0.0/16] }] }",
    )
    network, _ = _network(snippet)
    assert _path(network, "vpc-0", "dc2").reachable
    found = _path(network, "vpc-1", "dc2")
    assert found.back.missing is not None
    assert "delivers only to that VPC" in found.back.missing.reason


# --- a VPC outside the organization, peered with one of the file's ------------------------------

EXTERNAL = PEERED + (
    "  - name: saas-acme\n"
    "    requester: vpc-0\n"
    '    accepter: { external: { account_id: "999999999999", vpc_id: vpc-0abc12345678def01,'
    " cidr: 192.168.50.0/24, region: us-west-2 } }\n"
)


def test_an_external_peer_is_one_hop_from_its_requester_and_its_side_is_said_to_be_theirs() -> None:
    network, _ = _network(EXTERNAL)
    assert "saas-acme" in network.names()
    end = network.endpoint("saas-acme")
    assert end is not None
    assert end.label() == "external VPC saas-acme (192.168.50.0/24)"
    assert end.at == ("vpc_peerings", 2)
    found = _path(network, "vpc-0", "saas-acme")
    assert found.reachable
    assert found.forward.hops == (
        "vpc-0 route tables: 192.168.50.0/24 -> peering saas-acme -> external VPC "
        "vpc-0abc12345678def01 (account 999999999999, us-west-2)",
    )
    assert found.back.hops == (
        "saas-acme route tables (peer's side: outside the file): 172.31.0.0/16 -> peering "
        "saas-acme -> vpc-0; that return route is the peer's to add",
    )


def test_an_external_peer_is_not_reached_through_its_requesters_peers() -> None:
    network, _ = _network(EXTERNAL)
    found = _path(network, "vpc-1", "saas-acme")
    assert not found.forward.reachable
    assert not found.back.reachable
    forward, back = found.forward.missing, found.back.missing
    assert forward is not None
    assert back is not None
    assert forward.reason == (
        "external VPC saas-acme (192.168.50.0/24) is peered only with vpc-0, not with vpc-1, "
        "and peering is not transitive"
    )
    assert forward.fix == "peer vpc-1 with that external VPC too, under `vpc_peerings`"
    assert forward.at == ("vpcs", 1)
    assert "is peered only with vpc-0, not with VPC vpc-1 (10.0.0.0/16)" in back.reason
    assert back.at == ("vpc_peerings", 2)


def test_an_external_peer_is_not_reached_over_the_requesters_transit_gateway() -> None:
    snippet = HUB + (
        "\nvpc_peerings:\n"
        "  - name: saas-acme\n"
        "    requester: hub\n"
        '    accepter: { external: { account_id: "999999999999", vpc_id: vpc-0123abcd,'
        " cidr: 192.168.50.0/24, region: us-east-1 } }\n"
    )
    network, _ = _network(snippet)
    assert _path(network, "hub", "saas-acme").reachable
    found = _path(network, "spoke", "saas-acme")
    assert found.forward.missing is not None
    assert "peering is not transitive" in found.forward.missing.reason
    assert found.forward.hops == ()


def test_an_external_peers_cidr_is_left_to_its_peering_not_the_tgw() -> None:
    network, _ = _network(EXTERNAL)
    assert network.peered_cidrs("vpc-0") == {
        ipaddress.ip_network("10.0.0.0/16"),
        ipaddress.ip_network("10.100.0.0/16"),
        ipaddress.ip_network("192.168.50.0/24"),
    }
    assert network.peered_cidrs("vpc-1") == {ipaddress.ip_network("172.31.0.0/16")}


# --- LZ4104: a directory's consumer VPCs reach its VPC and back ---------------------------------

ENDPOINTS = "endpoints: { interface: [ssm, ssmmessages, ec2messages] }"
DIRECTORY = (
    "vpcs:"
    + _vpc("vpc-0", "172.31.0.0/16", ENDPOINTS)
    + _vpc("vpc-1", "10.0.0.0/16", ENDPOINTS, account="app-a")
    + _vpc("vpc-2", "10.100.0.0/16", ENDPOINTS, account="app-a")
    + """
vpc_peerings:
  - { name: to-vpc-1, requester: vpc-0, accepter: vpc-1 }
directories:
  - name: corp
    domain: corp.example.com
    short_name: CORP
    vpc: vpc-0
    tier: app
    share_with: { accounts: [app-a] }
    consumer_vpcs: [vpc-1, vpc-2]
"""
)

FAILING: list[tuple[str, str, list[tuple[str, int, int]]]] = [
    ("LZ4104-no-path", DIRECTORY, [("LZ4104", 35, 28)]),
    (
        "LZ4104-no-path-back",
        DIRECTORY.replace(
            "  - { name: to-vpc-1, requester: vpc-0, accepter: vpc-1 }",
            "  - { name: to-vpc-1, requester: vpc-0, accepter: vpc-1 }\n"
            "transit_gateways:\n"
            "  - { name: core, account: network, region: us-east-1, route_tables: [hub, spokes],\n"
            "      share_with: { accounts: [app-a] } }",
        )
        .replace(
            "            cidr: 10.100.0.0/16\n",
            "            cidr: 10.100.0.0/16\n            transit_gateway: { name: core, subnets: "
            "tgw, route_table: spokes }\n",
        )
        .replace(
            "            cidr: 172.31.0.0/16\n",
            "            cidr: 172.31.0.0/16\n            transit_gateway: { name: core, subnets: "
            "tgw, route_table: hub, propagate_to: [spokes] }\n",
        ),
        [("LZ4104", 40, 28)],
    ),
]


def test_a_consumer_without_a_path_is_an_error_at_its_entry_naming_the_hop() -> None:
    d = only(org(DIRECTORY))
    assert (d.code, d.line, d.column) == ("LZ4104", 35, 28)
    assert d.message == (
        "consumer VPC 'vpc-2' of directory 'corp' has no path to the directory's VPC 'vpc-0': "
        "vpc-2 has no route to VPC vpc-0 (172.31.0.0/16): not peered with it and not attached "
        "to a transit gateway that reaches it"
    )
    assert d.hint.startswith("peer vpc-2 with vpc-0 under `vpc_peerings`")
    assert d.hint.endswith("check it with `lzgen path FILE vpc-2 vpc-0`")


def test_the_way_back_is_checked_too_and_names_the_table_without_the_propagation() -> None:
    _, snippet, expected = FAILING[1]
    d = only(org(snippet))
    assert [(d.code, d.line, d.column)] == expected
    assert "has no path back from the directory's VPC 'vpc-0'" in d.message
    assert "route table hub of transit gateway core has no route to 10.100.0.0/16" in d.message
    assert d.hint.startswith("add `hub` to `propagate_to` of VPC vpc-2's transit_gateway")


def test_consumers_reached_by_peering_and_over_the_tgw_pass() -> None:
    peered = DIRECTORY.replace(
        "  - { name: to-vpc-1, requester: vpc-0, accepter: vpc-1 }",
        "  - { name: to-vpc-1, requester: vpc-0, accepter: vpc-1 }\n"
        "  - { name: to-vpc-2, requester: vpc-0, accepter: vpc-2 }",
    )
    assert diagnose(org(peered)) == []
    _, snippet, _ = FAILING[1]
    over_tgw = snippet.replace(
        "route_table: spokes }", "route_table: spokes, propagate_to: [hub] }"
    )
    assert diagnose(org(over_tgw)) == []


def test_isolated_subnets_have_no_internet_egress_even_with_nat_gateways() -> None:
    snippet = HUB.replace("nat_gateways: none", "nat_gateways: per_az", 1).replace(
        "subnets: [{ name: app, type: private, size: 24 }, { name: tgw, type: private",
        "subnets: [{ name: pub, type: public, size: 24 }, { name: app, type: isolated, "
        "size: 24 }, { name: tgw, type: isolated",
        1,
    )
    network, _ = _network(snippet)
    assert network.internet_egress("hub") is None
