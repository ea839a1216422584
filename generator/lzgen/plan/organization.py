"""The organization stack: the organization, OUs and created accounts (management account)."""

from __future__ import annotations

from typing import Any

from lzgen.model.organization import OrganizationalUnit
from lzgen.plan.index import PlanIndex
from lzgen.plan.naming import ident, ou_ident
from lzgen.plan.sharing import shares_anything
from lzgen.plan.types import ORGANIZATION, FileSpec, StackPart

SERVICE_ACCESS = (
    "cloudtrail.amazonaws.com",
    "config.amazonaws.com",
    "ds.amazonaws.com",
    "ram.amazonaws.com",
    "servicecatalog.amazonaws.com",
    "sso.amazonaws.com",
)


def _ous(units: list[OrganizationalUnit], parent: str | None) -> list[dict[str, Any]]:
    """OUs parents-first, each with its address and its parent's."""
    found: list[dict[str, Any]] = []
    for unit in units:
        path = f"{parent}/{unit.name}" if parent else unit.name
        found.append(
            {
                "id": ou_ident(path),
                "name": unit.name,
                "path": path,
                "parent_id": ou_ident(parent) if parent else None,
            }
        )
        found.extend(_ous(unit.children, path))
    return found


def plan_organization(index: PlanIndex) -> list[StackPart]:
    org = index.org
    ous = _ous(org.organizational_units, None)
    accounts = [
        {
            "id": ident(a.name),
            "name": a.name,
            "email": a.email,
            "ou_id": ou_ident(a.ou),
            "account_id": a.id,
        }
        for a in org.accounts
    ]
    ram_sharing = shares_anything(org)
    created = [a for a in accounts if a["account_id"] is None]
    context = {
        "service_access": SERVICE_ACCESS,
        "ous": ous,
        "created": created,
        "existing": [a for a in accounts if a["account_id"] is not None],
        "accounts": sorted(accounts, key=lambda a: str(a["name"])),
        "access_role": org.organization.access_role,
        "ram_sharing": ram_sharing,
    }
    files = (
        FileSpec("organization.tf", "organization/organization.tf.j2", context),
        FileSpec("outputs.tf", "organization/outputs.tf.j2", context),
    )
    resources = 1 + len(ous) + len(created) + int(ram_sharing)
    return [StackPart(ORGANIZATION, files, resources)]
