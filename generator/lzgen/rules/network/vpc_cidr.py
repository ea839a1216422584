"""LZ3001 and LZ3006: VPC and subnet CIDRs are IPv4 networks; VPCs are /16 to /28.

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
    try:
        net = ipaddress.ip_network(text, strict=False)
    except ValueError:
        return f"'{text}' is not a CIDR block", "write it as address/prefix, e.g. 10.10.0.0/16"
    if net.with_prefixlen != text and str(net) != text:
        return (f"'{text}' has host bits set", f"the network address is {net.with_prefixlen}")
    return None


def _check(ctx: RuleContext, text: str, path: YamlPath) -> Iterator[Diagnostic]:
    if is_ipv6_text(text):
        yield ctx.doc.diagnostic(
            CODE_FAMILY,
            f"'{text}' is an IPv6 block in an IPv4 field",
            path,
            hint="IPv4 and IPv6 are kept apart: set `ipv6: true` for an Amazon-provided /56",
        )
        return
    problem = _cidr_problem(text)
    if problem:
        yield ctx.doc.diagnostic(CODE_CIDR, problem[0], path, hint=problem[1])


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc in enumerate(ctx.org.vpcs):
        path = ("vpcs", i, "cidr")
        found = list(_check(ctx, vpc.cidr, path))
        yield from found
        if not found:
            prefix = ipaddress.ip_network(vpc.cidr).prefixlen
            if not MIN_VPC_PREFIX <= prefix <= MAX_PREFIX:
                yield ctx.doc.diagnostic(
                    CODE_CIDR,
                    f"VPC '{vpc.name}' is a /{prefix}; AWS allows /16 to /28",
                    path,
                    hint="AWS allows you to specify a CIDR block between /16 and /28",
                )
        for t, tier in enumerate(vpc.subnets):
            for c, text in enumerate(tier.cidrs or []):
                yield from _check(ctx, text, ("vpcs", i, "subnets", t, "cidrs", c))


RULE = Rule(CODE_CIDR, "CIDRs are IPv4 networks and VPCs are /16 to /28", check)
