"""LZ2009: account emails look like email addresses."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ2009"
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, account in enumerate(ctx.org.accounts):
        if len(account.email) > 64 or not _EMAIL.match(account.email):
            yield ctx.doc.diagnostic(
                CODE,
                f"'{account.email}' is not a valid account email",
                ("accounts", i, "email"),
                hint="AWS needs a plain address of at most 64 characters: aws+name@example.com",
            )


RULE = Rule(CODE, "account emails are valid addresses", check)
