"""LZ3008, LZ3009, LZ3010, LZ3011: tier sizes, explicit CIDR counts and AZ slots make sense."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.cidr import parse_ipv4
from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.network.valid import MAX_PREFIX, sound_vpcs

CODE_SIZE = "LZ3008"
CODE_COUNT = "LZ3009"
CODE_SLOTS = "LZ3010"
CODE_AZ_TWICE = "LZ3011"


def check_sizes(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc, net in sound_vpcs(ctx.org):
        for t, tier in enumerate(vpc.subnets):
            path = ("vpcs", i, "subnets", t, "size")
            if not net.prefixlen <= tier.size <= MAX_PREFIX:
                yield ctx.doc.diagnostic(
                    CODE_SIZE,
                    f"tier '{tier.name}' size /{tier.size} does not fit VPC "
                    f"'{vpc.name}' ({vpc.cidr})",
                    path,
                    hint=f"use a prefix from /{net.prefixlen} to /{MAX_PREFIX} "
                    "(AWS subnets are /28 at the smallest)",
                )
                continue
            for c, text in enumerate(tier.cidrs or []):
                sub = parse_ipv4(text)
                if sub is not None and sub.prefixlen != tier.size:
                    yield ctx.doc.diagnostic(
                        CODE_SIZE,
                        f"'{text}' is a /{sub.prefixlen} but tier '{tier.name}' has "
                        f"size {tier.size}",
                        ("vpcs", i, "subnets", t, "cidrs", c),
                        hint="make `size` match the pinned CIDRs",
                    )


def check_counts(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc in enumerate(ctx.org.vpcs):
        for t, tier in enumerate(vpc.subnets):
            if tier.cidrs is not None and len(tier.cidrs) != len(vpc.azs):
                yield ctx.doc.diagnostic(
                    CODE_COUNT,
                    f"tier '{tier.name}' pins {len(tier.cidrs)} CIDRs but VPC "
                    f"'{vpc.name}' has {len(vpc.azs)} AZs",
                    ("vpcs", i, "subnets", t, "cidrs"),
                    hint="give one CIDR per AZ, in the order of `azs`",
                )


def check_azs_once(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc in enumerate(ctx.org.vpcs):
        seen: set[str] = set()
        for j, az in enumerate(vpc.azs):
            if az in seen:
                yield ctx.doc.diagnostic(
                    CODE_AZ_TWICE,
                    f"AZ '{az}' is listed twice",
                    ("vpcs", i, "azs", j),
                    hint="list each AZ once",
                )
            seen.add(az)


def check_slots(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc in enumerate(ctx.org.vpcs):
        if len(vpc.azs) > vpc.reserve_azs:
            yield ctx.doc.diagnostic(
                CODE_SLOTS,
                f"VPC '{vpc.name}' lists {len(vpc.azs)} AZs but reserves "
                f"{vpc.reserve_azs} AZ slots per tier",
                ("vpcs", i, "azs"),
                hint="set `reserve_azs: 8`; changing it moves carved subnets, so choose it "
                "before the first apply",
            )


RULES = (
    Rule(CODE_SIZE, "tier sizes fit the VPC and match pinned CIDRs", check_sizes),
    Rule(CODE_COUNT, "pinned CIDRs give one per AZ", check_counts),
    Rule(CODE_SLOTS, "AZs fit the reserved slots", check_slots),
    Rule(CODE_AZ_TWICE, "AZs are listed once", check_azs_once),
)
