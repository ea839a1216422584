"""LZ2002: a VPC's ``account`` names a declared account."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ2002"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    known = list(ctx.accounts)
    for i, vpc in enumerate(ctx.org.vpcs):
        if vpc.account not in ctx.accounts:
            yield ctx.doc.diagnostic(
                CODE,
                f"VPC '{vpc.name}' names unknown account '{vpc.account}'",
                ("vpcs", i, "account"),
                hint=did_you_mean(vpc.account, known) if known else "declare it under accounts",
            )


RULE = Rule(CODE, "every VPC's account exists", check)
