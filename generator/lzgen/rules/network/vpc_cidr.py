"""LZ3001 and LZ3006: CIDRs are IPv4 networks; VPCs are /16 to /28.

Checked: VPC and pinned subnet CIDRs, TGW static route CIDRs, VPN ``on_premises_cidrs`` and
external peers' CIDRs.
AWS allows a VPC CIDR block between /16 and /28. IPv6 is Amazon-provided (``ipv6: true``),
never written into an IPv4 field.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

from lzgen.cidr import is_ipv6_text
from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.network.valid import MAX_PREFIX, MIN_VPC_PREFIX

CODE_CIDR = "LZ3001"
CODE_FAMILY = "LZ3006"


def _cidr_problem(text: str) -> tuple[str, str] | None:
    """(message, hint) if ``text`` is not a strict IPv4 network, else None."""
    address, slash, prefix = text.partition("/")
    if not slash:
        return f"'{text}' has no prefix length", f"add one, for example {address}/16"
    if not prefix.isdigit():
        return (
            f"'{text}' gives a netmask, not a prefix length",
            "write the prefix as a number of bits, for example 10.0.0.0/16",
        )
    try:
        net = ipaddress.ip_network(text, strict=False)
    except ValueError:
        return f"'{text}' is not a CIDR block", "write it as address/prefix, e.g. 10.10.0.0/16"
    if str(net) != text:
        return f"'{text}' has host bits set", f"the network address is {net.with_prefixlen}"
    return None


def _ipv4_fields(ctx: RuleContext) -> Iterator[tuple[str, YamlPath]]:
    for i, vpc in enumerate(ctx.org.vpcs):
        yield vpc.cidr, ("vpcs", i, "cidr")
        for t, tier in enumerate(vpc.subnets):
            for c, text in enumerate(tier.cidrs or []):
                yield text, ("vpcs", i, "subnets", t, "cidrs", c)
    for t, tgw in enumerate(ctx.org.transit_gateways):
        for r, route in enumerate(tgw.routes):
            yield route.cidr, ("transit_gateways", t, "routes", r, "cidr")
    for vpn, path in ctx.all_vpns():
        for c, text in enumerate(vpn.on_premises_cidrs):
            yield text, (*path, "on_premises_cidrs", c)
    for k, peering in enumerate(ctx.org.vpc_peerings):
        if peering.external is not None:
            yield peering.external.cidr, ("vpc_peerings", k, "accepter", "external", "cidr")


def check_family(ctx: RuleContext) -> Iterator[Diagnostic]:
    for text, path in _ipv4_fields(ctx):
        if is_ipv6_text(text):
            yield ctx.doc.diagnostic(
                CODE_FAMILY,
                f"'{text}' is an IPv6 block in an IPv4 field",
                path,
                hint="IPv4 and IPv6 are kept apart: set `ipv6: true` for an Amazon-provided /56"
                if path[0] == "vpcs" and "vpn_gateway" not in path
                else "routes and on-premises CIDRs are IPv4 networks",
            )


def check_cidr(ctx: RuleContext) -> Iterator[Diagnostic]:
    for text, path in _ipv4_fields(ctx):
        if is_ipv6_text(text):
            continue  # LZ3006
        problem = _cidr_problem(text)
        if problem:
            yield ctx.doc.diagnostic(CODE_CIDR, problem[0], path, hint=problem[1])
        elif path[0] == "vpcs" and path[-1] == "cidr":
            prefix = ipaddress.ip_network(text).prefixlen
            if not MIN_VPC_PREFIX <= prefix <= MAX_PREFIX:
                vpc = ctx.org.vpcs[int(path[1])]
                yield ctx.doc.diagnostic(
                    CODE_CIDR,
                    f"VPC '{vpc.name}' is a /{prefix}; AWS allows /16 to /28",
                    path,
                    hint="AWS allows you to specify a CIDR block between /16 and /28",
                )


RULES = (
    Rule(CODE_CIDR, "CIDRs are IPv4 networks and VPCs are /16 to /28", check_cidr),
    Rule(CODE_FAMILY, "IPv6 blocks stay out of IPv4 fields", check_family),
)
