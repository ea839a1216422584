"""LZ2011: a VPC's ``transit_gateway.name`` names a declared transit gateway."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ2011"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    known = list(ctx.transit_gateways)
    for i, vpc in enumerate(ctx.org.vpcs):
        attachment = vpc.transit_gateway
        if attachment is not None and attachment.name not in ctx.transit_gateways:
            yield ctx.doc.diagnostic(
                CODE,
                f"VPC '{vpc.name}' attaches to unknown transit gateway '{attachment.name}'",
                ("vpcs", i, "transit_gateway", "name"),
                hint=did_you_mean(attachment.name, known)
                if known
                else "declare it under transit_gateways",
            )


RULE = Rule(CODE, "every VPC attachment names a transit gateway", check)
