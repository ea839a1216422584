"""LZ7302: the audit account is not the management account: AWS does not let the management
account be a delegated administrator of GuardDuty, Security Hub, Config or Access Analyzer."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.security.audit_account import PATH

CODE = "LZ7302"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    security = ctx.org.security
    if security is None or security.audit_account not in ctx.accounts:
        return
    index, account = ctx.accounts[security.audit_account]
    if account.id == ctx.org.organization.management_account_id:
        yield ctx.doc.diagnostic(
            CODE,
            f"audit account '{account.name}' is the management account, which cannot be a "
            "delegated administrator",
            PATH,
            related=(("accounts", index, "id"),),
            hint="use a dedicated security tooling account (leave out `id` and lzgen creates it)",
        )


RULE = Rule(CODE, "the audit account is not the management account", check)
