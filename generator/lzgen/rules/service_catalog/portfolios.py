"""LZ5007: a portfolio has a unique name, is published from a declared account and shares with
declared accounts and OUs."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.references.share_targets import DECLARE

CODE = "LZ5007"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    catalog = ctx.org.service_catalog
    seen: set[str] = set()
    for p, portfolio in enumerate(catalog.portfolios if catalog else ()):
        path = ("service_catalog", "portfolios", p)
        if portfolio.name in seen:
            yield ctx.doc.diagnostic(
                CODE,
                f"portfolio name '{portfolio.name}' is used twice",
                (*path, "name"),
                hint="give each portfolio its own name",
            )
        seen.add(portfolio.name)
        if portfolio.account not in ctx.accounts:
            known = list(ctx.accounts)
            yield ctx.doc.diagnostic(
                CODE,
                f"portfolio '{portfolio.name}' names unknown account '{portfolio.account}'",
                (*path, "account"),
                hint=did_you_mean(portfolio.account, known) if known else DECLARE["account"],
            )
        share = portfolio.share_with
        for u in ctx.undeclared(share.accounts, share.ous, (*path, "share_with")):
            yield ctx.doc.diagnostic(
                CODE,
                f"share_with names unknown {u.kind} '{u.name}'",
                u.path,
                hint=u.suggestion or DECLARE[u.kind],
            )


RULE = Rule(CODE, "portfolios have unique names, declared accounts and share targets", check)
