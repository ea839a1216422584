"""LZ3025: a VPC outside the organization peered with a VPC of the file has a CIDR the
requester VPC's route tables can send to it unambiguously.

The external CIDR overlaps neither the requester VPC, nor a range the requester already reaches
(lzgen.reachability: the VPCs it is peered with, the destinations of its transit gateway route
table, the on-premises ranges of VPNs on its virtual private gateway), nor the CIDR of another
external VPC peered with the same requester. Reported on the external ``cidr`` (the later one
of two external CIDRs); ``related`` points at the other node.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

from lzgen.cidr import parse_ipv4
from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.model.vpc import Vpc
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ3025"

Net = ipaddress.IPv4Network
Reached = tuple[Net, str, YamlPath]  # a range, what it is, the node that declares it


def _cidr_path(k: int) -> YamlPath:
    return ("vpc_peerings", k, "accepter", "external", "cidr")


def _reached(ctx: RuleContext, i: int, vpc: Vpc) -> list[Reached]:
    """What ``vpcs[i]``'s route tables already send somewhere: itself, its peers, its TGW
    route table's destinations (not the default route: a more specific route wins), and the
    on-premises ranges of VPNs on its virtual private gateway."""
    found: list[Reached] = []
    own = parse_ipv4(vpc.cidr)
    if own is not None:
        found.append((own, f"its requester VPC '{vpc.name}' ({vpc.cidr})", ("vpcs", i, "cidr")))
    network = ctx.network
    for peer in network.peers.get(vpc.name, []):
        p, peer_vpc, net = network.vpcs[peer]
        what = f"VPC '{peer}' ({peer_vpc.cidr}), which '{vpc.name}' is peered with"
        found.append((net, what, ("vpcs", p, "cidr")))
    att = vpc.transit_gateway
    if att is not None and att.name in network.tgws:
        for entry in network.table(att.name, att.route_table):
            known = entry.kind == "vpc" and entry.target in (
                vpc.name,
                *network.peers.get(vpc.name, []),
            )
            if entry.kind == "blackhole" or entry.net.prefixlen == 0 or known:
                continue
            kind = "VPC" if entry.kind == "vpc" else "VPN"
            what = (
                f"{entry.net} ({kind} '{entry.target}'), which '{vpc.name}' reaches over "
                f"transit gateway {att.name}"
            )
            found.append((entry.net, what, entry.at))
    if vpc.vpn_gateway is not None:
        for v, vpn in enumerate(vpc.vpn_gateway.vpn_connections):
            for c, text in enumerate(vpn.on_premises_cidrs):
                onprem = parse_ipv4(text)
                if onprem is not None:
                    what = f"on-premises CIDR {text} of VPN '{vpn.name}' on '{vpc.name}'"
                    path = ("vpcs", i, "vpn_gateway", "vpn_connections", v, "on_premises_cidrs", c)
                    found.append((onprem, what, path))
    return found


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    seen: dict[str, list[tuple[Net, str, YamlPath]]] = {}  # requester -> earlier external peers
    for k, peering in enumerate(ctx.org.vpc_peerings):
        external = peering.external
        requester = ctx.vpcs.get(peering.requester)
        net = parse_ipv4(external.cidr) if external is not None else None
        if external is None or requester is None or net is None:
            continue  # a peering inside the organization; LZ2015; LZ3001
        i, vpc = requester
        path = _cidr_path(k)
        label = f"external VPC of peering '{peering.name}' ({external.cidr})"
        earlier = seen.setdefault(vpc.name, [])
        others = [
            (n, f"the external VPC of peering '{name}' ({n})", p, "two external VPCs")
            for n, name, p in earlier
        ]
        reached = [(n, what, p, "") for n, what, p in _reached(ctx, i, vpc)]
        for other, what, other_path, _ in [*reached, *others]:
            if not net.overlaps(other):
                continue
            line, column = ctx.doc.locate(other_path)
            why = (
                "AWS does not peer VPCs with overlapping CIDRs"
                if other_path == ("vpcs", i, "cidr")
                else f"the route tables of '{vpc.name}' would send one range two ways"
            )
            yield ctx.doc.diagnostic(
                CODE,
                f"the {label} overlaps {what}",
                path,
                related=(other_path,),
                hint=f"that range is at line {line}, column {column}; {why}: agree another "
                "range with the peer's owner",
            )
        earlier.append((net, peering.name, path))


RULE = Rule(CODE, "an external peer's CIDR overlaps nothing its requester VPC reaches", check)
