"""LZ7301: the audit account is a declared account."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ7301"
PATH = ("security", "audit_account")


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    security = ctx.org.security
    if security is None or security.audit_account in ctx.accounts:
        return
    known = list(ctx.accounts)
    yield ctx.doc.diagnostic(
        CODE,
        f"audit account '{security.audit_account}' is not declared",
        PATH,
        hint=did_you_mean(security.audit_account, known)
        if known
        else "declare it under accounts; lzgen creates it when it has no id",
    )


RULE = Rule(CODE, "the audit account is declared", check)
