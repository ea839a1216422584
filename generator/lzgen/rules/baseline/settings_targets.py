"""LZ7006: every account_settings entry targets declared accounts and OUs, at least one."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ7006"
DECLARE = {"account": "declare it first", "OU": "declare it under organizational_units"}


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for k, entry in enumerate(ctx.org.account_settings):
        if entry.accounts != "all" and not entry.accounts and not entry.ous:
            yield ctx.doc.diagnostic(
                CODE,
                "account settings entry targets no account",
                ("account_settings", k),
                hint="add `accounts: all`, `accounts: [name, ...]` or `ous: [path, ...]`",
            )
        named = [] if entry.accounts == "all" else entry.accounts
        for u in ctx.undeclared(named, entry.ous, ("account_settings", k)):
            yield ctx.doc.diagnostic(
                CODE,
                f"account settings target unknown {u.kind} '{u.name}'",
                u.path,
                hint=u.suggestion or DECLARE[u.kind],
            )


RULE = Rule(CODE, "account settings target declared accounts and OUs", check)
