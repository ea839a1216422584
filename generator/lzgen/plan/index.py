"""What the planners look up, computed once per plan by ``build_plan`` and passed to each.

Accounts by name (for their ids) and every VPC's template context (carving is the costly part,
and the VPC, RAM share, Transit Gateway, peering and docs planners all need the same VPC's).
Contexts are read-only by convention: no planner mutates them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lzgen.model import OrgFile
from lzgen.model.blueprint import Catalog
from lzgen.model.organization import Account
from lzgen.model.vpc import Vpc
from lzgen.plan.log_archive import central_flow_logs
from lzgen.plan.vpc_context import vpc_context
from lzgen.reachability import Network


@dataclass(frozen=True)
class PlanIndex:
    org: OrgFile
    accounts: Mapping[str, Account]  # the first account of a name, like a linear search finds
    created: frozenset[str]  # names of the accounts lzgen creates (no id)
    vpcs: Mapping[str, dict[str, Any]]  # VPC name -> its template context
    network: Network  # what reaches what: the TGW routes a VPC gets
    # the files the org file names, by the path as written (model.document.referenced_files)
    files: Mapping[str, str]
    # the blueprints products name, as the load stage read them (lzgen.blueprints)
    catalog: Catalog

    @classmethod
    def of(
        cls, org: OrgFile, files: Mapping[str, str] | None = None, catalog: Catalog | None = None
    ) -> PlanIndex:
        accounts: dict[str, Account] = {}
        for account in org.accounts:
            accounts.setdefault(account.name, account)
        central = central_flow_logs(org)
        vpcs: dict[str, dict[str, Any]] = {}
        for vpc in org.vpcs:
            if vpc.name not in vpcs:  # names are unique in a valid file (LZ2003)
                vpcs[vpc.name] = vpc_context(vpc, central)
        created = frozenset(a.name for a in org.accounts if a.id is None)
        return cls(org, accounts, created, vpcs, Network(org), files or {}, catalog or Catalog())

    def vpc(self, vpc: Vpc) -> dict[str, Any]:
        return self.vpcs[vpc.name]
