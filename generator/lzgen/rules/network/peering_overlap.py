"""LZ3014: the two VPCs of a peering do not overlap (AWS refuses such a peering).

``allow_overlap`` does not apply. Reported on the CIDR listed later in the file; ``related``
points at the other VPC's CIDR, then at the peering.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.cidr import parse_ipv4
from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.network.overlaps import Side, conflict

CODE = "LZ3014"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for pair, k in ctx.peered_pairs.items():
        i, j = sorted(pair)
        a, b = ctx.org.vpcs[i], ctx.org.vpcs[j]
        net_a, net_b = parse_ipv4(a.cidr), parse_ipv4(b.cidr)
        if net_a is None or net_b is None or not net_a.overlaps(net_b):
            continue
        peering = ctx.org.vpc_peerings[k]
        yield conflict(
            ctx,
            CODE,
            Side(f"VPC '{a.name}' ({a.cidr})", f"'{a.name}'", ("vpcs", i, "cidr"), i),
            Side(f"VPC '{b.name}' ({b.cidr})", f"'{b.name}'", ("vpcs", j, "cidr"), j),
            why=f"peering '{peering.name}' joins them",
            fix="AWS does not peer VPCs with overlapping CIDRs; give one of them another range",
            also=(("vpc_peerings", k, "name"),),
        )


RULE = Rule(CODE, "peered VPCs do not overlap", check)
