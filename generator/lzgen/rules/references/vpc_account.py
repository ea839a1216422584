"""LZ2002: the ``account`` of a VPC or a Transit Gateway names a declared account."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ2002"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    known = list(ctx.accounts)
    owners = [
        ("VPC", v.name, v.account, ("vpcs", i, "account")) for i, v in enumerate(ctx.org.vpcs)
    ]
    owners += [
        ("transit gateway", t.name, t.account, ("transit_gateways", i, "account"))
        for i, t in enumerate(ctx.org.transit_gateways)
    ]
    for kind, name, account, path in owners:
        if account not in ctx.accounts:
            yield ctx.doc.diagnostic(
                CODE,
                f"{kind} '{name}' names unknown account '{account}'",
                path,
                hint=did_you_mean(account, known) if known else "declare it under accounts",
            )


RULE = Rule(CODE, "every VPC's and transit gateway's account exists", check)
