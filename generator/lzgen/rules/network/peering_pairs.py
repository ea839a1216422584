"""LZ3015: a VPC peering joins two different VPCs, and no pair of VPCs is peered twice
(AWS allows one peering connection between the same two VPCs)."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ3015"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for k, peering in enumerate(ctx.org.vpc_peerings):
        requester = ctx.vpcs.get(peering.requester)
        accepter = ctx.vpcs.get(peering.accepter_vpc or "")
        if requester is None or accepter is None:
            continue  # LZ2015, or an external accepter (LZ3026)
        path = ("vpc_peerings", k, "accepter")
        if requester[0] == accepter[0]:
            yield ctx.doc.diagnostic(
                CODE,
                f"VPC peering '{peering.name}' peers VPC '{peering.requester}' with itself",
                path,
                hint="a peering joins two different VPCs",
            )
            continue
        first = ctx.peered_pairs[frozenset((requester[0], accepter[0]))]
        if first != k:
            other = ctx.org.vpc_peerings[first]
            line, column = ctx.doc.locate(("vpc_peerings", first, "name"))
            yield ctx.doc.diagnostic(
                CODE,
                f"VPC peering '{peering.name}' joins '{peering.requester}' and "
                f"'{peering.accepter_vpc}', already joined by peering '{other.name}'",
                path,
                related=(("vpc_peerings", first, "name"),),
                hint=f"'{other.name}' is at line {line}, column {column}; AWS allows one "
                "peering between two VPCs",
            )


RULE = Rule(CODE, "a peering joins two different VPCs, each pair once", check)
