"""LZ2005 and LZ2006: account ids are 12 digits and no two accounts share one."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE_DUPLICATE = "LZ2005"
CODE_FORMAT = "LZ2006"
_ACCOUNT_ID = re.compile(r"^[0-9]{12}$")
_HINT = 'an AWS account id is exactly 12 digits, quoted: "123456789012"'


def check_format(ctx: RuleContext) -> Iterator[Diagnostic]:
    mgmt = ctx.org.organization.management_account_id
    if not _ACCOUNT_ID.match(mgmt):
        yield ctx.doc.diagnostic(
            CODE_FORMAT,
            f"'{mgmt}' is not a 12-digit account id",
            ("organization", "management_account_id"),
            hint=_HINT,
        )
    for i, account in enumerate(ctx.org.accounts):
        if account.id is not None and not _ACCOUNT_ID.match(account.id):
            yield ctx.doc.diagnostic(
                CODE_FORMAT,
                f"'{account.id}' is not a 12-digit account id",
                ("accounts", i, "id"),
                hint=_HINT,
            )


def check_duplicates(ctx: RuleContext) -> Iterator[Diagnostic]:
    first: dict[str, int] = {}
    for i, account in enumerate(ctx.org.accounts):
        if account.id is None:
            continue
        if account.id in first:
            other = ctx.org.accounts[first[account.id]].name
            yield ctx.doc.diagnostic(
                CODE_DUPLICATE,
                f"account id {account.id} is already used by account '{other}'",
                ("accounts", i, "id"),
                related=(("accounts", first[account.id], "id"),),
                hint="one entry per AWS account",
            )
        else:
            first[account.id] = i


RULES = (
    Rule(CODE_FORMAT, "account ids are 12 digits", check_format),
    Rule(CODE_DUPLICATE, "account ids are unique", check_duplicates),
)
