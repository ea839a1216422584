"""LZ2020 and LZ2021: what an existing organization owns is adopted only into an existing one.

An account with an ``id`` is adopted (imported and moved into its OU) unless ``adopt: false``;
an OU with an ``id`` is imported. Both exist only inside an organization that exists already,
so the file must say which one (``organization.existing``): an organization that lzgen's first
apply creates has no members and no OUs to import.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.model.organization import adopted
from lzgen.rules.base import Rule, RuleContext

CODE_ACCOUNT = "LZ2020"
CODE_OU = "LZ2021"
_EXISTING = "organization.existing: { id: o-..., root_id: r-... }"


def check_accounts(ctx: RuleContext) -> Iterator[Diagnostic]:
    if ctx.org.organization.existing is not None:
        return
    mgmt = ctx.org.organization.management_account_id
    for i, account in enumerate(ctx.org.accounts):
        if not adopted(account, mgmt):
            continue
        yield ctx.doc.diagnostic(
            CODE_ACCOUNT,
            f"account '{account.name}' exists ({account.id}) and would be adopted into the "
            "organization, but the file does not name an existing organization, and one that "
            "lzgen creates has no members to adopt",
            ("accounts", i, "id"),
            hint=f"if the organization exists and {account.id} is a member, declare it with "
            f"`{_EXISTING}`; otherwise remove `id` to let lzgen create the account, or set "
            "`adopt: false` to only reference it",
        )


def check_ous(ctx: RuleContext) -> Iterator[Diagnostic]:
    if ctx.org.organization.existing is not None:
        return
    for ou_path, ypath in ctx.ou_paths.items():
        node = ctx.ous[ou_path]
        if node.id is None:
            continue
        yield ctx.doc.diagnostic(
            CODE_OU,
            f"OU '{ou_path}' has an id ({node.id}) to import, but the file does not name an "
            "existing organization",
            (*ypath, "id"),
            hint=f"declare the organization with `{_EXISTING}`, or remove the OU's `id` to "
            "let lzgen create it",
        )


RULES = (
    Rule(
        CODE_ACCOUNT,
        "existing accounts are adopted only into an existing organization",
        check_accounts,
    ),
    Rule(CODE_OU, "OUs are imported only from an existing organization", check_ous),
)
