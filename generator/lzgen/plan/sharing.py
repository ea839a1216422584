"""RAM principals: account ids and OU ARNs for a ``share_with``, as HCL expressions."""

from __future__ import annotations

from typing import Any

from lzgen.hcl import hcl
from lzgen.model import OrgFile
from lzgen.model.sharing import ShareWith
from lzgen.plan.directory import resolver_principals
from lzgen.plan.index import PlanIndex
from lzgen.plan.naming import ident, ou_ident
from lzgen.plan.stack import account_id_expr, needs_organization_state
from lzgen.plan.types import ORGANIZATION


def principals(index: PlanIndex, share: ShareWith) -> list[dict[str, Any]]:
    """One entry per principal: ``id`` (address suffix), ``label`` and ``expr`` (HCL)."""
    found = [
        {
            "id": ident("account", name),
            "label": f"account {name}",
            "expr": account_id_expr(index, name),
        }
        for name in sorted(set(share.accounts))
    ]
    found += [
        {
            "id": ident("ou", ou_ident(path)),
            "label": f"OU {path}",
            "expr": f"data.terraform_remote_state.organization.outputs.ou_arns[{hcl(path)}]",
        }
        for path in sorted(set(share.ous))
    ]
    return found


def principal_reads(index: PlanIndex, share: ShareWith) -> tuple[tuple[str, str], ...]:
    """The organization stack's state is read for OU ARNs and created accounts' ids."""
    if share.ous or needs_organization_state(index, share.accounts):
        return ((ORGANIZATION, ORGANIZATION),)
    return ()


def shares_anything(org: OrgFile) -> bool:
    """Whether RAM sharing with the organization must be enabled."""
    tiers = (t.share_with for v in org.vpcs for t in v.subnets)
    tgws = (t.share_with for t in org.transit_gateways)
    if any(s is not None and (s.accounts or s.ous) for s in (*tiers, *tgws)):
        return True
    # a directory's Resolver rule, shared with the accounts owning its consumer VPCs
    return any(resolver_principals(org, d) for d in org.directories)
