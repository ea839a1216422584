"""Adopted accounts: existing member accounts imported and moved into their YAML OU, one stack
per OU (``adopted-accounts/<ou>``, management account, after the organization stack).

An invited account is already a member, so nothing reads its id from state (the file has it);
what depends on it is where it sits: OU-wide shares and policies reach it only once it is in
its OU, so each adopted account's own stacks come after its OU's adoption stack. One stack per
OU keeps a brownfield organization with a thousand accounts to stacks of a few hundred.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from lzgen.model.organization import adopted
from lzgen.plan.index import PlanIndex
from lzgen.plan.naming import ident
from lzgen.plan.stack import MANAGEMENT
from lzgen.plan.types import ORGANIZATION, FileSpec, ProviderSpec, StackPart, adoption_path


def plan_account_adoption(index: PlanIndex) -> list[StackPart]:
    by_ou: dict[str, list[dict[str, Any]]] = defaultdict(list)
    management = index.org.organization.management_account_id
    for account in index.org.accounts:
        if adopted(account, management):
            by_ou[account.ou].append(
                {
                    "id": ident(account.name),
                    "name": account.name,
                    "email": account.email,
                    "account_id": account.id,
                }
            )
    region = index.org.organization.home_region
    parts = []
    for ou_path, accounts in sorted(by_ou.items()):
        context = {"ou": ou_path, "accounts": accounts}
        imports = [
            {"to": f"aws_organizations_account.{a['id']}", "id": a["account_id"]} for a in accounts
        ]
        files = (
            FileSpec("accounts.tf", "account_adoption/accounts.tf.j2", context),
            FileSpec("imports.tf", "stack/imports.tf.j2", {"imports": imports}),
        )
        parts.append(
            StackPart(
                adoption_path(ou_path),
                files,
                len(accounts),
                reads=((ORGANIZATION, ORGANIZATION),),
                providers=(ProviderSpec(None, MANAGEMENT, region),),
            )
        )
    return parts
