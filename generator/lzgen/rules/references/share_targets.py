"""LZ2016: ``share_with`` (on subnet tiers and transit gateways) names declared accounts and
OUs (by path, "Workloads/Prod"); a subnet tier's ``share_with`` names at least one."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ2016"
DECLARE = {
    "account": "declare it under accounts",
    "OU": "declare it under organizational_units; nested OUs are written Parent/Child",
}


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for share, path in ctx.share_targets():
        if path[0] == "vpcs" and not share.accounts and not share.ous:
            yield ctx.doc.diagnostic(
                CODE,
                "share_with names no account and no OU",
                path,
                hint="list accounts or OUs to share this tier with, or remove `share_with`",
            )
        for u in ctx.undeclared(share.accounts, share.ous, path):
            yield ctx.doc.diagnostic(
                CODE,
                f"share_with names unknown {u.kind} '{u.name}'",
                u.path,
                hint=u.suggestion or DECLARE[u.kind],
            )


RULE = Rule(CODE, "share_with targets are declared accounts and OUs", check)
