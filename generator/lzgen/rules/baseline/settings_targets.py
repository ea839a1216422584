"""LZ7006: every account_settings entry targets declared accounts and OUs, at least one."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ7006"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    accounts, ous = list(ctx.accounts), list(ctx.ou_paths)
    for k, entry in enumerate(ctx.org.account_settings):
        if entry.accounts != "all" and not entry.accounts and not entry.ous:
            yield ctx.doc.diagnostic(
                CODE,
                "account settings entry targets no account",
                ("account_settings", k),
                hint="add `accounts: all`, `accounts: [name, ...]` or `ous: [path, ...]`",
            )
        if entry.accounts != "all":
            for i, name in enumerate(entry.accounts):
                if name not in ctx.accounts:
                    yield ctx.doc.diagnostic(
                        CODE,
                        f"account settings target unknown account '{name}'",
                        ("account_settings", k, "accounts", i),
                        hint=did_you_mean(name, accounts) if accounts else "declare it first",
                    )
        for i, path in enumerate(entry.ous):
            if path not in ctx.ou_paths:
                yield ctx.doc.diagnostic(
                    CODE,
                    f"account settings target unknown OU '{path}'",
                    ("account_settings", k, "ous", i),
                    hint=did_you_mean(path, ous)
                    if ous
                    else "declare it under organizational_units",
                )


RULE = Rule(CODE, "account settings target declared accounts and OUs", check)
