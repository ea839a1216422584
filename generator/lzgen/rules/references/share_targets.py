"""LZ2016: ``share_with`` (on subnet tiers and transit gateways) names declared accounts and
OUs (by path, "Workloads/Prod"); a subnet tier's ``share_with`` names at least one."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ2016"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    accounts = list(ctx.accounts)
    ous = list(ctx.ou_paths)
    for share, path in ctx.share_targets():
        if path[0] == "vpcs" and not share.accounts and not share.ous:
            yield ctx.doc.diagnostic(
                CODE,
                "share_with names no account and no OU",
                path,
                hint="list accounts or OUs to share this tier with, or remove `share_with`",
            )
        for k, account in enumerate(share.accounts):
            if account not in ctx.accounts:
                yield ctx.doc.diagnostic(
                    CODE,
                    f"share_with names unknown account '{account}'",
                    (*path, "accounts", k),
                    hint=did_you_mean(account, accounts)
                    if accounts
                    else "declare it under accounts",
                )
        for k, ou in enumerate(share.ous):
            if ou not in ctx.ou_paths:
                yield ctx.doc.diagnostic(
                    CODE,
                    f"share_with names unknown OU '{ou}'",
                    (*path, "ous", k),
                    hint=did_you_mean(ou, ous)
                    if ous
                    else "declare it under organizational_units; nested OUs are written "
                    "Parent/Child",
                )


RULE = Rule(CODE, "share_with targets are declared accounts and OUs", check)
