"""LZ2010: ``endpoints.subnet_tier`` names a private or isolated tier of the same VPC."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ2010"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc in enumerate(ctx.org.vpcs):
        endpoints = vpc.endpoints
        inner = [t.name for t in vpc.subnets if t.type != "public"]
        path = ("vpcs", i, "endpoints", "subnet_tier")
        if endpoints.subnet_tier is not None and endpoints.subnet_tier not in inner:
            yield ctx.doc.diagnostic(
                CODE,
                f"endpoint tier '{endpoints.subnet_tier}' is not a private or isolated "
                f"tier of VPC '{vpc.name}'",
                path,
                hint=did_you_mean(endpoints.subnet_tier, inner),
            )
        elif endpoints.interface and not inner:
            yield ctx.doc.diagnostic(
                CODE,
                f"VPC '{vpc.name}' has interface endpoints but no private or isolated tier "
                "to place them in",
                ("vpcs", i, "endpoints", "interface"),
                hint="add a private tier; interface endpoints never go in public subnets",
            )


RULE = Rule(CODE, "interface endpoints have a private or isolated tier", check)
