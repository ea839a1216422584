"""LZ7304: the audit account is not the log archive account: whoever administers the security
services must not be able to rewrite the logs that record what they did (and the log archive's
stack must apply before the stacks that deliver to it)."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.security.audit_account import PATH

CODE = "LZ7304"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    security = ctx.org.security
    baseline = ctx.org.baseline
    if security is None or baseline is None:
        return
    if security.audit_account == baseline.log_archive_account:
        yield ctx.doc.diagnostic(
            CODE,
            f"audit account '{security.audit_account}' is also the log archive account",
            PATH,
            related=(("baseline", "log_archive_account"),),
            hint="use two accounts: audit (security tooling) and log-archive",
        )


RULE = Rule(CODE, "the audit account is not the log archive account", check)
