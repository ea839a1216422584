"""LZ4105: a directory's consumer VPCs are distinct, not its own VPC, and their CIDRs overlap
neither the directory's VPC nor each other.

The directory VPC routes back to each consumer by CIDR, and every consumer routes the domain
controllers' addresses out of the VPC: overlapping ranges make one of those routes ambiguous.
Each error points at the consumer entry; ``related`` points at the other entry (or at the
directory's ``vpc``), then at the other VPC's CIDR. A pair the network rules report already is
left to them: VPCs on one transit gateway or peered (LZ3012, LZ3014) and VPCs neither of which
says ``allow_overlap: true`` (LZ3005). What remains is the pair ``allow_overlap`` lets pass
organization-wide, which the directory still cannot route.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from ipaddress import IPv4Network

from lzgen.cidr import parse_ipv4
from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.directory.placed import Placed, consumers, placed
from lzgen.rules.network.overlaps import overlapping_pairs

CODE = "LZ4105"


def _repeats(ctx: RuleContext, p: Placed) -> Iterator[Diagnostic]:
    first: dict[str, YamlPath] = {p.vpc.name: (*p.path, "vpc")}
    for k, name in enumerate(p.directory.consumer_vpcs):
        at = (*p.path, "consumer_vpcs", k)
        if name not in ctx.vpcs:
            continue  # LZ2023
        if name not in first:
            first[name] = at
            continue
        line, column = ctx.doc.locate(first[name])
        if name == p.vpc.name:
            message = f"consumer VPC '{name}' is the VPC of directory '{p.directory.name}'"
            hint = f"remove it: instances in '{name}' reach the domain controllers locally"
        else:
            message = f"consumer VPC '{name}' is listed twice"
            hint = f"the first is at line {line}, column {column}; list each VPC once"
        yield ctx.doc.diagnostic(CODE, message, at, related=(first[name],), hint=hint)


@dataclass(frozen=True, order=True)
class _Side:
    order: int  # -1 for the directory's VPC, else the consumer entry's index
    name: str
    cidr: str
    entry: YamlPath  # the directory's `vpc` or the consumer entry
    cidr_at: YamlPath  # the VPC's `cidr`


def _sides(ctx: RuleContext, p: Placed) -> Iterator[tuple[IPv4Network, _Side]]:
    """The directory's VPC and each consumer VPC with a valid CIDR (LZ3001 reports others)."""
    own = parse_ipv4(p.vpc.cidr)
    if own is not None:
        cidr_at = ("vpcs", p.vpc_index, "cidr")
        yield own, _Side(-1, p.vpc.name, p.vpc.cidr, (*p.path, "vpc"), cidr_at)
    for c in consumers(ctx, p):
        net = parse_ipv4(c.vpc.cidr)
        if net is not None:
            cidr_at = ("vpcs", c.vpc_index, "cidr")
            yield net, _Side(c.k, c.vpc.name, c.vpc.cidr, c.path, cidr_at)


def _reported_elsewhere(ctx: RuleContext, a: _Side, b: _Side) -> bool:
    i, j = int(a.cidr_at[1]), int(b.cidr_at[1])
    vpcs = ctx.org.vpcs
    return ctx.connected(i, j) or not (vpcs[i].allow_overlap or vpcs[j].allow_overlap)


def _overlaps(ctx: RuleContext, p: Placed) -> Iterator[Diagnostic]:
    for a, b in overlapping_pairs(_sides(ctx, p)):
        if _reported_elsewhere(ctx, a, b):
            continue
        earlier, later = sorted((a, b))
        what = "the directory's VPC" if earlier.order < 0 else "consumer VPC"
        yield ctx.doc.diagnostic(
            CODE,
            f"consumer VPC '{later.name}' ({later.cidr}) of directory '{p.directory.name}' "
            f"overlaps {what} '{earlier.name}' ({earlier.cidr})",
            later.entry,
            related=(earlier.entry, earlier.cidr_at),
            hint="the directory's VPC and its consumer VPCs route to each other by CIDR; give "
            f"'{later.name}' a range that overlaps none of them",
        )


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for p in placed(ctx):
        yield from _repeats(ctx, p)
        yield from _overlaps(ctx, p)


RULE = Rule(
    CODE, "consumer VPCs are distinct and overlap neither the directory nor each other", check
)
