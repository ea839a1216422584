"""LZ7001 and LZ7101: the log archive account is declared, and is not the management account."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, Severity, did_you_mean
from lzgen.rules.base import Rule, RuleContext

CODE_EXISTS = "LZ7001"
CODE_MANAGEMENT = "LZ7101"
PATH = ("baseline", "log_archive_account")


def check_exists(ctx: RuleContext) -> Iterator[Diagnostic]:
    baseline = ctx.org.baseline
    if baseline is not None and baseline.log_archive_account not in ctx.accounts:
        known = list(ctx.accounts)
        yield ctx.doc.diagnostic(
            CODE_EXISTS,
            f"log archive account '{baseline.log_archive_account}' is not declared",
            PATH,
            hint=did_you_mean(baseline.log_archive_account, known)
            if known
            else "declare it under accounts; lzgen creates it when it has no id",
        )


def check_not_management(ctx: RuleContext) -> Iterator[Diagnostic]:
    baseline = ctx.org.baseline
    if baseline is None or baseline.log_archive_account not in ctx.accounts:
        return
    index, account = ctx.accounts[baseline.log_archive_account]
    if account.id == ctx.org.organization.management_account_id:
        yield ctx.doc.diagnostic(
            CODE_MANAGEMENT,
            f"log archive account '{account.name}' is the management account",
            PATH,
            severity=Severity.WARNING,
            related=(("accounts", index, "id"),),
            hint="keep logs out of reach of the management account's administrators: use a "
            "dedicated account (leave out `id` and lzgen creates it)",
        )


RULES = (
    Rule(CODE_EXISTS, "the log archive account is declared", check_exists),
    Rule(
        CODE_MANAGEMENT,
        "the log archive is not the management account (warning)",
        check_not_management,
    ),
)
