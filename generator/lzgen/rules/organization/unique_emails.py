"""LZ2004: every account has its own root email (AWS rejects a reused one late, at apply)."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ2004"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    first: dict[str, int] = {}
    for i, account in enumerate(ctx.org.accounts):
        key = account.email.lower()
        if key in first:
            other = ctx.org.accounts[first[key]].name
            yield ctx.doc.diagnostic(
                CODE,
                f"email '{account.email}' is already used by account '{other}'",
                ("accounts", i, "email"),
                related=(("accounts", first[key], "email"),),
                hint="each AWS account needs its own root email; plus-addressing works "
                "(aws+name@example.com)",
            )
        else:
            first[key] = i


RULE = Rule(CODE, "account emails are unique", check)
