"""LZ2015: a VPC peering's ``requester`` names a declared VPC, and so does its ``accepter``
unless it is a VPC outside the organization (``external``)."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ2015"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    known = list(ctx.vpcs)
    for k, peering in enumerate(ctx.org.vpc_peerings):
        for side, name in (("requester", peering.requester), ("accepter", peering.accepter_vpc)):
            if name is not None and name not in ctx.vpcs:
                yield ctx.doc.diagnostic(
                    CODE,
                    f"VPC peering '{peering.name}' names unknown {side} VPC '{name}'",
                    ("vpc_peerings", k, side),
                    hint=did_you_mean(name, known) if known else "declare it under vpcs",
                )


RULE = Rule(CODE, "VPC peerings name declared VPCs", check)
