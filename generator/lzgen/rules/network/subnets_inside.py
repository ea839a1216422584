"""LZ3002 and LZ3003: pinned subnets lie inside their VPC and no two subnets overlap."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

from lzgen.cidr import CarvedTier, CarveFailure, carve, parse_ipv4
from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.network.valid import carvable, sound_vpcs

CODE_OUTSIDE = "LZ3002"
CODE_OVERLAP = "LZ3003"


def check_inside(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc, net in sound_vpcs(ctx.org):
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
    """Each pinned subnet against what is listed before it: pinned subnets, and the blocks
    reserved by carved tiers (a carved tier never moves for a tier listed after it, and a
    carved tier listed after a pinned one already avoids it)."""
    for i, vpc in enumerate(ctx.org.vpcs):
        if not carvable(vpc):
            continue
        carved = carve(vpc)
        if isinstance(carved, CarveFailure):
            continue  # LZ3004 reports it
        taken: list[tuple[ipaddress.IPv4Network, CarvedTier, YamlPath]] = []
        for tier in carved:
            if tier.block is not None:
                taken.append((tier.block, tier, ("vpcs", i, "subnets", tier.index, "size")))
                continue
            for c, subnet in enumerate(tier.cidrs):
                path = ("vpcs", i, "subnets", tier.index, "cidrs", c)
                for clash in taken:
                    if subnet.overlaps(clash[0]):
                        yield _overlap(ctx, subnet, tier, path, clash)
                taken.append((subnet, tier, path))


def _overlap(
    ctx: RuleContext,
    subnet: ipaddress.IPv4Network,
    tier: CarvedTier,
    path: YamlPath,
    clash: tuple[ipaddress.IPv4Network, CarvedTier, YamlPath],
) -> Diagnostic:
    other_net, other, other_path = clash
    line, column = ctx.doc.locate(other_path)
    if other.block is None:
        what = f"{other_net} of tier '{other.tier.name}'"
        hint = f"the other subnet is at line {line}, column {column}"
    else:
        what = f"the block {other_net} carved for tier '{other.tier.name}'"
        hint = (
            "carved tiers keep their blocks; pin a range outside them (see the IP plan in "
            "the rendered README), or drop `cidrs` to carve automatically"
        )
    return ctx.doc.diagnostic(
        CODE_OVERLAP,
        f"subnet {subnet} of tier '{tier.tier.name}' overlaps {what}",
        path,
        related=(other_path,),
        hint=hint,
    )


RULES = (
    Rule(CODE_OUTSIDE, "pinned subnets lie inside their VPC", check_inside),
    Rule(CODE_OVERLAP, "subnets of a VPC do not overlap", check_overlap),
)
