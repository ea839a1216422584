"""LZ3002 and LZ3003: pinned subnets lie inside their VPC and no two subnets overlap."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.cidr import parse_ipv4
from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.network.valid import vpc_cidr_ok

CODE_OUTSIDE = "LZ3002"
CODE_OVERLAP = "LZ3003"


def check_inside(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc in enumerate(ctx.org.vpcs):
        if not vpc_cidr_ok(vpc):
            continue
        net = parse_ipv4(vpc.cidr)
        assert net is not None
        for t, tier in enumerate(vpc.subnets):
            for c, text in enumerate(tier.cidrs or []):
                sub = parse_ipv4(text)
                if sub is not None and not sub.subnet_of(net):
                    yield ctx.doc.diagnostic(
                        CODE_OUTSIDE,
                        f"subnet {text} of tier '{tier.name}' is outside VPC "
                        f"'{vpc.name}' ({vpc.cidr})",
                        ("vpcs", i, "subnets", t, "cidrs", c),
                        related=(("vpcs", i, "cidr"),),
                        hint=f"pick a block inside {vpc.cidr}, or drop `cidrs` to carve "
                        "automatically",
                    )


def check_overlap(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc in enumerate(ctx.org.vpcs):
        pinned = []
        for t, tier in enumerate(vpc.subnets):
            for c, text in enumerate(tier.cidrs or []):
                sub = parse_ipv4(text)
                if sub is not None:
                    pinned.append((sub, tier.name, ("vpcs", i, "subnets", t, "cidrs", c)))
        for a in range(len(pinned)):
            for b in range(a):
                if pinned[a][0].overlaps(pinned[b][0]):
                    line, column = ctx.doc.locate(pinned[b][2])
                    yield ctx.doc.diagnostic(
                        CODE_OVERLAP,
                        f"subnet {pinned[a][0]} of tier '{pinned[a][1]}' overlaps "
                        f"{pinned[b][0]} of tier '{pinned[b][1]}'",
                        pinned[a][2],
                        related=(pinned[b][2],),
                        hint=f"the other subnet is at line {line}, column {column}",
                    )


RULES = (
    Rule(CODE_OUTSIDE, "pinned subnets lie inside their VPC", check_inside),
    Rule(CODE_OVERLAP, "subnets of a VPC do not overlap", check_overlap),
)
