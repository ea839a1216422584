"""Spoke isolation on a Transit Gateway, as in AWS's centralised-egress pattern.

A TGW route table with a static default route (0.0.0.0/0) to a VPC sends every destination it
has no more specific route for to that VPC, and that VPC routes the other attached VPCs' CIDRs
back to the TGW: without more, the table's VPCs reach every VPC on the TGW through it (Prod
reaches NonProd through the egress VPC). So in such a table lzgen adds a blackhole route for
the CIDR of every other VPC attached to the TGW, unless the table routes that VPC on purpose:

- it is the default route's own target;
- it propagates into the table;
- a static route of the table (to a VPC, a VPN or a blackhole) equals or covers its CIDR, the
  default route aside: a blackhole would be more specific and override that route.

A static route *inside* a VPC's CIDR (more specific) does not count as routing the VPC: the
blackhole covers the rest of the CIDR, and longest-prefix match keeps the static route for its
own range. TGW routes are IPv4 only (LZ3006) and attachments carry no IPv6, so there is no
``::/0`` to pair with the default route.

Placement keeps every stack independent of the number of spokes: the blackhole for a spoke's
VPC lives in the spoke's stack (made in the owner account through the owner provider alias,
like its association and propagations), the blackholes for the owner's VPCs in the hub stack.
Addresses come from names: ``<tgw>_<table>_<vpc>_blackhole``.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass

from lzgen.model.transit_gateway import TransitGateway
from lzgen.model.vpc import Vpc


@dataclass(frozen=True)
class Blackhole:
    """Route table ``table`` of a TGW drops traffic to ``vpc`` (``cidr``), which its default
    route to ``egress`` would otherwise carry there."""

    table: str
    vpc: str
    cidr: str
    egress: str


def _network(text: str) -> ipaddress.IPv4Network | None:
    try:
        return ipaddress.IPv4Network(text)
    except ValueError:
        return None


def default_routes(tgw: TransitGateway) -> dict[str, str]:
    """Route table -> the VPC its static default route (0.0.0.0/0) goes to."""
    found: dict[str, str] = {}
    for route in tgw.routes:
        net = _network(route.cidr)
        if net is not None and net.prefixlen == 0 and route.vpc and not route.blackhole:
            found.setdefault(route.route_table, route.vpc)
    return found


def blackholes(tgw: TransitGateway, attached: Sequence[Vpc]) -> list[Blackhole]:
    """The isolation blackholes of ``tgw``, whose attached VPCs are ``attached``: by route table
    in YAML order, then by VPC name."""
    found: list[Blackhole] = []
    defaults = default_routes(tgw)
    for table in dict.fromkeys(tgw.route_table_names):
        egress = defaults.get(table)
        if egress is None:
            continue
        statics = [
            net
            for r in tgw.routes
            if r.route_table == table and (net := _network(r.cidr)) is not None and net.prefixlen
        ]
        for vpc in sorted(attached, key=lambda v: v.name):
            cidr = _network(vpc.cidr)
            att = vpc.transit_gateway
            if cidr is None or att is None or vpc.name == egress or table in att.propagate_to:
                continue
            if any(cidr.subnet_of(net) for net in statics):
                continue
            found.append(Blackhole(table, vpc.name, str(cidr), egress))
    return found
