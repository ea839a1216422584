"""LZ2022: nothing reaches an account that is not adopted through an OU alone.

An account with ``adopt: false`` is only referenced: lzgen never moves it, so whatever OU the
file gives it, it is not known to be there, and validation treats it as outside every OU. A
RAM share (subnet tier or transit gateway) or a service control policy attachment that names an
OU would miss it, and an account settings entry or an Identity Center assignment by OU would
say something AWS does not; so one
that reaches such an account only through an OU is an error. Naming the account reaches it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.model.organization import Account, in_ou, referenced
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ2022"


def _targets(ctx: RuleContext) -> Iterator[tuple[Sequence[str], Sequence[str], YamlPath, str]]:
    """(accounts, OUs, YAML path of the target, what names the accounts)."""
    for share, path in ctx.share_targets():
        yield share.accounts, share.ous, path, "share_with.accounts"
    if ctx.org.baseline is not None:
        attach = ctx.org.baseline.attach
        yield attach.accounts, attach.ous, ("baseline", "attach"), "baseline.attach.accounts"
    for k, entry in enumerate(ctx.org.account_settings):
        if entry.accounts != "all":  # `all` reaches every account by name
            yield entry.accounts, entry.ous, ("account_settings", k), "the entry's accounts"
    ic = ctx.org.identity_center
    for k, assignment in enumerate(ic.assignments if ic is not None else ()):
        path = ("identity_center", "assignments", k)
        yield assignment.accounts, assignment.ous, path, "the assignment's accounts"


def _outside(ctx: RuleContext) -> list[tuple[int, Account]]:
    mgmt = ctx.org.organization.management_account_id
    return [(i, a) for i, a in enumerate(ctx.org.accounts) if referenced(a, mgmt)]


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    outside = _outside(ctx)
    if not outside:
        return
    for accounts, ous, path, key in _targets(ctx):
        for i, account in outside:
            if account.name in accounts:
                continue
            k = next((k for k, ou in enumerate(ous) if in_ou(account, ou)), None)
            if k is None:
                continue
            yield ctx.doc.diagnostic(
                CODE,
                f"OU '{ous[k]}' would reach account '{account.name}', which has `adopt: false`: "
                "lzgen does not place it in an OU, so it may not be in this one",
                (*path, "ous", k),
                related=(("accounts", i, "adopt"),),
                hint=f"name '{account.name}' in {key}, or remove `adopt: false` so that lzgen "
                f"moves the account into '{account.ou}'",
            )


RULE = Rule(CODE, "accounts that are not adopted are reached by name, not through an OU", check)
