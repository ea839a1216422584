"""LZ4107: ``share_method: organizations`` needs the directory in the management account.

Sharing through AWS Organizations needs no accepter in the target accounts, but only the
organization's management account (the account whose ``id`` is
``organization.management_account_id``) can share that way; from any other account the share
is a handshake, which each target accepts in its own stack.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.directory.placed import placed

CODE = "LZ4107"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    management = ctx.org.organization.management_account_id
    for p in placed(ctx):
        known = ctx.accounts.get(p.owner)
        if p.directory.share_method != "organizations" or known is None:
            continue  # an unknown owner account is LZ2002's
        if known[1].id == management:
            continue
        yield ctx.doc.diagnostic(
            CODE,
            f"directory '{p.directory.name}' is shared through AWS Organizations, but its "
            f"account '{p.owner}' is not the management account ({management})",
            (*p.path, "share_method"),
            hint="use `share_method: handshake` (each target account accepts the share in its "
            "own stack), or host the directory in a VPC of the management account",
        )


RULE = Rule(CODE, "share_method organizations only from the management account", check)
