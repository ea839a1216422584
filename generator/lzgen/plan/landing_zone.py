"""Assemble every capability's stack parts into the LandingZone, in apply order.

A capability plans ``StackPart``s (plan/<capability>.py); this module groups them by stack
path, assembles each stack (plan/stack.py) and orders the stacks so every stack comes after the
stacks it depends on: the bootstrap, then the organization, then the deployer role; ties
broken by path. A new capability adds its planner to ``PLANNERS``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping

from lzgen.model import OrgFile
from lzgen.model.blueprint import Catalog
from lzgen.plan.account_adoption import plan_account_adoption
from lzgen.plan.account_settings import plan_account_settings
from lzgen.plan.atlantis import plan_atlantis
from lzgen.plan.baseline import plan_baseline
from lzgen.plan.bootstrap import plan_bootstrap
from lzgen.plan.cis_alarms import plan_cis_alarms
from lzgen.plan.cloudhsm import plan_cloudhsm
from lzgen.plan.deployer_role import plan_deployer_role
from lzgen.plan.directory import plan_directories
from lzgen.plan.docs import plan_docs
from lzgen.plan.ecs_cluster import plan_ecs_clusters
from lzgen.plan.gitignore import plan_gitignore
from lzgen.plan.guardrails import plan_guardrails
from lzgen.plan.identity_center import plan_identity_center
from lzgen.plan.index import PlanIndex
from lzgen.plan.order import apply_order
from lzgen.plan.organization import plan_organization
from lzgen.plan.ram_share import plan_ram_shares
from lzgen.plan.security import plan_security
from lzgen.plan.service_catalog import plan_service_catalog
from lzgen.plan.stack import assemble_stack
from lzgen.plan.transit_gateway import plan_transit_gateways
from lzgen.plan.types import ORGANIZATION, LandingZone, StackPart
from lzgen.plan.vpc import plan_vpcs
from lzgen.plan.vpc_peering import plan_vpc_peerings

PLANNERS: tuple[Callable[[PlanIndex], list[StackPart]], ...] = (
    plan_bootstrap,
    plan_organization,
    plan_account_adoption,
    plan_deployer_role,
    plan_vpcs,
    plan_ram_shares,
    plan_transit_gateways,
    plan_vpc_peerings,
    plan_directories,
    plan_cloudhsm,
    plan_ecs_clusters,
    plan_service_catalog,
    plan_identity_center,
    plan_guardrails,
    plan_baseline,
    plan_cis_alarms,
    plan_account_settings,
    plan_security,
)


def build_plan(
    org: OrgFile, files: Mapping[str, str] | None = None, catalog: Catalog | None = None
) -> LandingZone:
    """The landing zone of a valid ``org``; ``files`` are the files it names, by the path as
    written, as the load stage read them (model.document.referenced_files); ``catalog`` the
    blueprints its products name (lzgen.blueprints)."""
    # every VPC's context and the account lookups, computed once for all the planners
    index = PlanIndex.of(org, files or {}, catalog)
    by_path: dict[str, list[StackPart]] = defaultdict(list)
    by_path[ORGANIZATION] = []
    for planner in PLANNERS:
        for part in planner(index):
            by_path[part.path].append(part)
    stacks = {path: assemble_stack(index, path, parts) for path, parts in by_path.items()}
    ordered = apply_order(stacks)
    # the tree's top-level files: its README, .gitignore and, when asked for, atlantis.yaml
    top_level = (*plan_docs(index, list(ordered)), plan_gitignore(), *plan_atlantis(index, ordered))
    return LandingZone(org.organization.name, ordered, top_level)
