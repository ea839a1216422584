"""LZ8006 (warning): a directory is shared with no more accounts than its quota.

'Shared domains per Standard Microsoft AD' (5 by default) and '... per Enterprise Microsoft
AD' (125) count the accounts one directory is shared with (``share_targets``: named accounts
and OUs minus exclusions, never the owner). The owner account may declare the value it has
(``accounts[].quotas.shared_directories``, for every directory it owns); undeclared, the
edition's default applies. The warning points at ``share_with``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, Severity
from lzgen.model.directory import share_targets
from lzgen.model.quotas import SHARED_DIRECTORIES
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.directory.placed import placed
from lzgen.rules.limits.quota import owner

CODE = "LZ8006"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for p in placed(ctx):
        who = owner(ctx, p.owner, p.vpc.region)
        if who is None:
            continue  # an unknown account or region is LZ2002's or LZ2007's
        quota = SHARED_DIRECTORIES[p.directory.edition]
        declared = who.account.quotas.shared_directories
        value = quota.default if declared is None else declared
        targets = share_targets(p.directory, p.owner, ctx.org.accounts)
        needed = len(targets)
        if needed <= value:
            continue
        source = "AWS default" if declared is None else "declared"
        step = "declare it" if declared is None else "raise the declared value"
        enterprise = SHARED_DIRECTORIES["Enterprise"]
        upgrade = (
            f", or `edition: Enterprise` ({enterprise.default} by default)"
            if p.directory.edition == "Standard"
            else ""
        )
        yield ctx.doc.diagnostic(
            CODE,
            f"directory '{p.directory.name}' would be shared with {needed} accounts, more than "
            f"the quota of {value} ({source}, {quota.name})",
            (*p.path, "share_with"),
            severity=Severity.WARNING,
            related=() if declared is None else (who.declared_at(quota),),
            hint=f"'{quota.name}' is {quota.default} per directory by default and has no "
            f"Service Quotas code: ask AWS Support (a Directory Service limit increase) for "
            f"{needed} or more for account '{p.owner}' in {p.vpc.region}, then {step}: "
            f"`quotas: {{ {quota.key}: {needed} }}` on account '{p.owner}'; or share with "
            f"fewer accounts (`exclude_accounts`){upgrade}",
        )


RULE = Rule(CODE, "directories are shared with no more accounts than their quota", check)
