"""LZ3004: the tiers, each reserving AZ slots, fit in the VPC CIDR (and in its IPv6 /56)."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.cidr import IPV6_SUBNETS_PER_VPC, CarveFailure, carve, slots_for
from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.network.valid import carvable

CODE = "LZ3004"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc in enumerate(ctx.org.vpcs):
        if not carvable(vpc):
            continue
        slots = slots_for(vpc)
        result = carve(vpc)
        if isinstance(result, CarveFailure):
            tier = vpc.subnets[result.tier_index]
            yield ctx.doc.diagnostic(
                CODE,
                f"tier '{tier.name}' does not fit in VPC '{vpc.name}': the tiers need "
                f"{result.needed:,} addresses ({slots} AZ slots each), the VPC has "
                f"{result.available:,}",
                ("vpcs", i, "subnets", result.tier_index, "size"),
                hint=f"this tier's block needs {result.block:,} addresses; shrink tiers "
                "(a larger size number), widen the VPC CIDR, or lower reserve_azs",
            )
        elif vpc.ipv6 and len(vpc.subnets) * slots > IPV6_SUBNETS_PER_VPC:
            yield ctx.doc.diagnostic(
                CODE,
                f"VPC '{vpc.name}' needs {len(vpc.subnets) * slots} IPv6 /64 subnets; "
                f"its /56 holds {IPV6_SUBNETS_PER_VPC}",
                ("vpcs", i, "ipv6"),
                hint="use fewer tiers or a lower reserve_azs",
            )


RULE = Rule(CODE, "subnet tiers fit their VPC", check)
