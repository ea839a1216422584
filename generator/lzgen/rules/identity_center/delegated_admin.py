"""LZ4207: Identity Center's delegated administrator is a member account of the file, and
then no assignment reaches the management account.

A delegated administrator manages permission sets and assignments everywhere except in the
management account: AWS refuses it those (and the permission sets provisioned there).
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.identity_center.management_account import management_targets

CODE = "LZ4207"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    ic = ctx.org.identity_center
    if ic is None or ic.delegated_admin is None:
        return
    path = ("identity_center", "delegated_admin")
    known = ctx.accounts.get(ic.delegated_admin)
    if known is None:
        names = list(ctx.accounts)
        yield ctx.doc.diagnostic(
            CODE,
            f"delegated administrator '{ic.delegated_admin}' is not an account of the file",
            path,
            hint=did_you_mean(ic.delegated_admin, names) if names else "declare the account",
        )
    elif known[1].id == ctx.org.organization.management_account_id:
        yield ctx.doc.diagnostic(
            CODE,
            f"delegated administrator '{ic.delegated_admin}' is the management account",
            path,
            hint="name a member account (an identity or shared-services account), or leave "
            "delegated_admin out to administer from the management account",
        )
        return
    for i, target, name in management_targets(ctx):
        assignment = ic.assignments[i]
        yield ctx.doc.diagnostic(
            CODE,
            f"assignment {i + 1} reaches the management account (through {name!r}), which "
            f"the delegated administrator '{ic.delegated_admin}' cannot assign",
            target,
            hint=f"assign '{assignment.permission_set}' in member accounts only; access to the "
            "management account is assigned there by hand, for break-glass only",
        )


RULE = Rule(
    CODE, "Identity Center's delegated administrator is a member account of the file", check
)
