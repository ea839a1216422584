"""LZ3005: no two VPCs of the organization overlap, unless one says ``allow_overlap: true``.

Two VPCs attached to the same transit gateway, or joined by a peering, are reported by the rule
for that connection instead (LZ3012, LZ3014), whatever ``allow_overlap`` says.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.cidr import parse_ipv4
from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ3005"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    """Sort by first address and sweep: O(n log n) for any number of VPCs."""
    ranges = []
    for i, vpc in enumerate(ctx.org.vpcs):
        net = parse_ipv4(vpc.cidr)
        if net is not None and not vpc.allow_overlap:
            start = int(net.network_address)  # last address by arithmetic: no broadcast object
            ranges.append((start, start | ((1 << (32 - net.prefixlen)) - 1), i))
    ranges.sort()
    open_ranges: list[tuple[int, int, int]] = []
    for start, end, i in ranges:
        open_ranges = [r for r in open_ranges if r[1] >= start]
        for _, _, j in open_ranges:
            if not ctx.connected(i, j):
                yield _diagnostic(ctx, i, j)
        open_ranges.append((start, end, i))


def _diagnostic(ctx: RuleContext, i: int, j: int) -> Diagnostic:
    later, earlier = (i, j) if i > j else (j, i)
    vpcs = ctx.org.vpcs
    line, column = ctx.doc.locate(("vpcs", earlier, "cidr"))
    return ctx.doc.diagnostic(
        CODE,
        f"VPC '{vpcs[later].name}' ({vpcs[later].cidr}) overlaps VPC "
        f"'{vpcs[earlier].name}' ({vpcs[earlier].cidr})",
        ("vpcs", later, "cidr"),
        related=(("vpcs", earlier, "cidr"),),
        hint=f"'{vpcs[earlier].name}' is at line {line}, column {column}; give one of them "
        "another range, or set `allow_overlap: true` on a VPC that never connects to others",
    )


RULE = Rule(CODE, "VPC CIDRs do not overlap across the organization", check)
