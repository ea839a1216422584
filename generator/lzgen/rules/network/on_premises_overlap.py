"""LZ3013: on-premises CIDRs of VPN connections do not overlap the networks they meet.

On a transit gateway: a VPN's ``on_premises_cidrs`` overlap no VPC attached to it, and no
on-premises CIDR of any VPN on it (that VPN's own list included). On a VPC's virtual private
gateway: they overlap neither that VPC nor the other VPNs of that gateway. Reported on the CIDR
listed later in the file; ``related`` points at the other CIDR.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

from lzgen.cidr import parse_ipv4
from lzgen.diagnostics import Diagnostic
from lzgen.model.vpc import Vpc
from lzgen.rules.base import Rule, RuleContext, VpnSite
from lzgen.rules.network.overlaps import Side, conflict, overlapping_pairs

CODE = "LZ3013"
_FIX = "on-premises and AWS ranges must be distinct for routing to be unambiguous"

Item = tuple[ipaddress.IPv4Network, Side[bool]]  # ref: True for an on-premises CIDR


def _vpc_side(i: int, vpc: Vpc) -> list[Item]:
    net = parse_ipv4(vpc.cidr)
    if net is None:
        return []
    return [
        (
            net,
            Side(f"VPC '{vpc.name}' ({vpc.cidr})", f"VPC '{vpc.name}'", ("vpcs", i, "cidr"), False),
        )
    ]


def _vpn_sides(sites: list[VpnSite]) -> list[Item]:
    found: list[Item] = []
    for vpn, path in sites:
        for c, text in enumerate(vpn.on_premises_cidrs):
            net = parse_ipv4(text)
            if net is not None:
                label = f"on-premises CIDR {text} of VPN '{vpn.name}'"
                cidr_path = (*path, "on_premises_cidrs", c)
                found.append((net, Side(label, f"{text} of VPN '{vpn.name}'", cidr_path, True)))
    return found


def _report(ctx: RuleContext, items: list[Item], where: str) -> Iterator[Diagnostic]:
    for a, b in overlapping_pairs(items):
        if a.ref or b.ref:  # VPC against VPC is LZ3012's
            yield conflict(ctx, CODE, a, b, why=where, fix=_FIX)


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for t, tgw in enumerate(ctx.org.transit_gateways):
        items = _vpn_sides(ctx.tgw_vpns(t))
        if not items:
            continue
        if ctx.transit_gateways[tgw.name][0] == t:
            for i, vpc in ctx.attachments[tgw.name]:
                items.extend(_vpc_side(i, vpc))
        yield from _report(ctx, items, f"both meet at transit gateway '{tgw.name}'")
    by_vpc: dict[int, list[VpnSite]] = {}
    for i, _, site in ctx.vgw_vpns():
        by_vpc.setdefault(i, []).append(site)
    for i, sites in by_vpc.items():
        vpc = ctx.org.vpcs[i]
        items = _vpn_sides(sites) + _vpc_side(i, vpc)
        yield from _report(
            ctx, items, f"both meet at the virtual private gateway of VPC '{vpc.name}'"
        )


RULE = Rule(CODE, "VPN on-premises CIDRs overlap no VPC or VPN they meet", check)
