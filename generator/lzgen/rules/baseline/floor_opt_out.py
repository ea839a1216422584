"""LZ7007: an account_settings entry that turns a floor setting off says why.

Every account gets the account baseline's floor (model.account_settings.FLOOR); ``false``
drops a setting below it for the entry's accounts, which needs ``opt_out_reason``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ7007"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for k, entry in enumerate(ctx.org.account_settings):
        if entry.opt_out_reason is not None:
            continue
        for name in entry.opted_out():
            yield ctx.doc.diagnostic(
                CODE,
                f"'{name}: false' drops a setting of the mandatory account baseline without a"
                " reason",
                ("account_settings", k, name),
                hint='add `opt_out_reason: "<why these accounts go without it>"` to this entry,'
                f" or remove `{name}: false` (every account gets it)",
            )


RULE = Rule(CODE, "an opt-out from the account baseline says why", check)
