"""LZ2001: an account's ``ou`` is the path of a declared OU ("Workloads/Prod")."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ2001"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    known = list(ctx.ou_paths)
    for i, account in enumerate(ctx.org.accounts):
        if account.ou not in ctx.ou_paths:
            yield ctx.doc.diagnostic(
                CODE,
                f"account '{account.name}' names unknown OU '{account.ou}'",
                ("accounts", i, "ou"),
                hint=did_you_mean(account.ou, known)
                if known
                else "declare it under organizational_units; nested OUs are written Parent/Child",
            )


RULE = Rule(CODE, "every account's OU exists", check)
