"""LZ3012: VPCs attached to the same transit gateway do not overlap.

``allow_overlap`` does not apply: it only exempts a VPC from the organization-wide check
(LZ3005), which leaves pairs that share a transit gateway to this rule. Reported on the CIDR
listed later in the file; ``related`` points at the other VPC's CIDR.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.cidr import parse_ipv4
from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.network.overlaps import Side, conflict, overlapping_pairs

CODE = "LZ3012"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for tgw_name, members in ctx.attachments.items():
        sides = []
        for i, vpc in members:
            net = parse_ipv4(vpc.cidr)
            if net is not None:
                label = f"VPC '{vpc.name}' ({vpc.cidr})"
                sides.append((net, Side(label, f"'{vpc.name}'", ("vpcs", i, "cidr"), i)))
        for a, b in overlapping_pairs(sides):
            yield conflict(
                ctx,
                CODE,
                a,
                b,
                why=f"both attach to transit gateway '{tgw_name}'",
                fix="VPCs on one transit gateway route to each other, so give one of them "
                "another range (allow_overlap does not help here)",
            )


RULE = Rule(CODE, "VPCs on one transit gateway do not overlap", check)
