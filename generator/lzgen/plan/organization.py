"""The organization stack: the organization, OUs, created accounts and the opt-in regions its
accounts use (management account).

An existing organization (``organization.existing``) and OUs with an ``id`` are adopted with
import blocks (``imports.tf``), so nothing is created twice; existing accounts are adopted in
stacks of their own (plan/account_adoption.py). Trusted access is enabled only for services
the landing zone configures, plus the ones the file lists as already enabled; so are policy
types, since both lists are authoritative and Terraform would disable whatever they leave
out.
"""

from __future__ import annotations

from typing import Any

from lzgen.model.organization import OrganizationalUnit
from lzgen.plan.directory import DS_SERVICE, organizations_shares
from lzgen.plan.identity_center import SERVICE as IDENTITY_CENTER_SERVICE
from lzgen.plan.index import PlanIndex
from lzgen.plan.naming import ident, ou_ident
from lzgen.plan.regions import landing_zone_regions
from lzgen.plan.security_trust import security_services
from lzgen.plan.service_catalog import receivers
from lzgen.plan.service_catalog_context import SERVICE as SERVICE_CATALOG
from lzgen.plan.service_catalog_context import organizations_sharing, portfolios
from lzgen.plan.sharing import shares_anything
from lzgen.plan.stack import is_management
from lzgen.plan.types import ORGANIZATION, FileSpec, StackPart

STACKSETS = "member.org.stacksets.cloudformation.amazonaws.com"  # the deployer role's StackSet
ACCOUNT_MANAGEMENT = "account.amazonaws.com"  # enabling opt-in regions of member accounts


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
                "import_id": unit.id,
            }
        )
        found.extend(_ous(unit.children, path))
    return found


def _opt_in_regions(index: PlanIndex) -> list[dict[str, Any]]:
    """(member account, declared opt-in region) for every account lzgen acts in there."""
    org = index.org
    o = org.organization
    declared = set(o.opt_in_regions)
    used = {(v.account, v.region) for v in org.vpcs}
    used |= {(t.account, t.region) for t in org.transit_gateways}
    used |= {(c.account, c.region) for c in org.ecs_clusters}
    for portfolio in portfolios(org):
        used |= {(a, portfolio.region) for a in (portfolio.account, *receivers(org, portfolio))}
    # the account settings (and Config recorders, the audit account): every account, in every
    # region in use
    regions = landing_zone_regions(org)
    used |= {(a.name, region) for a in org.accounts for region in regions}
    found = []
    for name, region in sorted(used):
        if region not in declared or is_management(index, name):
            continue  # the management account's regions are enabled before its stacks run
        account = index.accounts[name]
        found.append(
            {
                "id": ident(name, region),
                "account": ident(name),
                "account_id": account.id,
                "region": region,
            }
        )
    return found


def trusted_services(index: PlanIndex, opt_in: bool) -> list[str]:
    """The services the landing zone configures, plus the ones the file keeps."""
    org = index.org
    services = {STACKSETS}
    if org.baseline is not None and org.baseline.organization_trail:
        services.add("cloudtrail.amazonaws.com")
    if shares_anything(org):
        services.add("ram.amazonaws.com")
    if organizations_shares(org):
        services.add(DS_SERVICE)
    if organizations_sharing(org):
        services.add(SERVICE_CATALOG)
    if org.identity_center is not None:
        services.add(IDENTITY_CENTER_SERVICE)  # the list is authoritative: never disable it
    if opt_in:
        services.add(ACCOUNT_MANAGEMENT)
    services.update(security_services(org))
    services.update(org.organization.trusted_services or ())
    return sorted(services)


def plan_organization(index: PlanIndex) -> list[StackPart]:
    org = index.org
    o = org.organization
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
    regions = _opt_in_regions(index)
    imports = [
        *(
            [{"to": "aws_organizations_organization.this", "id": o.existing.id}]
            if o.existing
            else []
        ),
        *(
            {"to": f"aws_organizations_organizational_unit.{u['id']}", "id": u["import_id"]}
            for u in ous
            if u["import_id"]
        ),
    ]
    context = {
        "service_access": trusted_services(index, bool(regions)),
        "policy_types": sorted({"SERVICE_CONTROL_POLICY", *(o.policy_types or ())}),
        "existing": o.existing,
        "ous": ous,
        "created": created,
        "accounts": sorted(accounts, key=lambda a: str(a["name"])),
        "access_role": o.access_role,
        "ram_sharing": ram_sharing,
        "regions": regions,
    }
    files = [
        FileSpec("organization.tf", "organization/organization.tf.j2", context),
        FileSpec("outputs.tf", "organization/outputs.tf.j2", context),
    ]
    if imports:
        files.append(FileSpec("imports.tf", "stack/imports.tf.j2", {"imports": imports}))
    resources = 1 + len(ous) + len(created) + int(ram_sharing)
    resources += len(regions)
    return [StackPart(ORGANIZATION, tuple(files), resources)]
