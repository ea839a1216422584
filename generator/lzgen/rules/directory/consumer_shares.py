"""LZ4106: every consumer VPC's account receives the directory's share, unless it is the
owner account.

A shared directory is visible in the target account only; a VPC in an account the directory
is not shared with cannot join the domain. The error points at the consumer entry; its hint
names the ``share_with`` line and what to add, or the ``exclude_accounts`` entry that removes
the account. A share target without a consumer VPC is fine (AWS services can use the share).
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.model.directory import share_targets
from lzgen.model.organization import Account
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.directory.placed import Placed, consumers, placed

CODE = "LZ4106"


def _fix(ctx: RuleContext, p: Placed, account: Account) -> tuple[str, tuple[YamlPath, ...]]:
    """How to share ``p`` with ``account``, and the nodes the hint names."""
    share_at = (*p.path, "share_with")
    share = p.directory.share_with
    if account.name in share.exclude_accounts:
        at = (*share_at, "exclude_accounts", share.exclude_accounts.index(account.name))
        line, column = ctx.doc.locate(at)
        return (
            f"share_with.exclude_accounts removes account '{account.name}' (line {line}, "
            f"column {column}); take it out of the exclusions",
            (at,),
        )
    add = f"add '{account.name}' to `share_with.accounts`, or its OU '{account.ou}' to `ous`"
    if share_at not in ctx.doc.value_pos:
        return (
            f"directory '{p.directory.name}' is shared with no account: add "
            f"`share_with: {{ accounts: [{account.name}] }}`",
            (),
        )
    line, _ = ctx.doc.locate(share_at)
    return f"{add} (share_with at line {line})", (share_at,)


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for p in placed(ctx):
        targets = set(share_targets(p.directory, p.owner, ctx.org.accounts))
        for c in consumers(ctx, p):
            known = ctx.accounts.get(c.vpc.account)
            if known is None or c.vpc.account in (p.owner, *targets):
                continue  # an unknown account is LZ2002's
            hint, related = _fix(ctx, p, known[1])
            yield ctx.doc.diagnostic(
                CODE,
                f"consumer VPC '{c.vpc.name}' is in account '{c.vpc.account}', which directory "
                f"'{p.directory.name}' is not shared with",
                c.path,
                related=related,
                hint=hint,
            )


RULE = Rule(CODE, "the directory is shared with every consumer VPC's account", check)
