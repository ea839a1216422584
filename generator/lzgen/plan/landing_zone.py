"""Assemble every capability's stack parts into the LandingZone, in apply order.

A capability plans ``StackPart``s (plan/<capability>.py); this module groups them by stack
path, assembles each stack (plan/stack.py) and orders the stacks so every stack comes after the
stacks it depends on: the organization first, ties broken by path. A new capability adds its
planner to ``PLANNERS``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from lzgen.model import OrgFile
from lzgen.plan.account_settings import plan_account_settings
from lzgen.plan.baseline import plan_baseline
from lzgen.plan.docs import plan_docs
from lzgen.plan.organization import plan_organization
from lzgen.plan.ram_share import plan_ram_shares
from lzgen.plan.stack import assemble_stack
from lzgen.plan.transit_gateway import plan_transit_gateways
from lzgen.plan.types import ORGANIZATION, LandingZone, Stack, StackPart
from lzgen.plan.vpc import plan_vpcs
from lzgen.plan.vpc_peering import plan_vpc_peerings

PLANNERS: tuple[Callable[[OrgFile], list[StackPart]], ...] = (
    plan_organization,
    plan_vpcs,
    plan_ram_shares,
    plan_transit_gateways,
    plan_vpc_peerings,
    plan_baseline,
    plan_account_settings,
)


def build_plan(org: OrgFile) -> LandingZone:
    by_path: dict[str, list[StackPart]] = defaultdict(list)
    by_path[ORGANIZATION] = []
    for planner in PLANNERS:
        for part in planner(org):
            by_path[part.path].append(part)
    stacks = {path: assemble_stack(org, path, parts) for path, parts in by_path.items()}
    ordered = apply_order(stacks)
    return LandingZone(org.organization.name, ordered, plan_docs(org, list(ordered)))


def apply_order(stacks: dict[str, Stack]) -> tuple[Stack, ...]:
    """Topological order of the stack DAG; among stacks that are ready, by path."""
    waiting = {path: set(stack.depends_on) & set(stacks) for path, stack in stacks.items()}
    ordered: list[Stack] = []
    while waiting:
        ready = sorted(path for path, deps in waiting.items() if not deps)
        if not ready:
            cycle = ", ".join(sorted(waiting))
            raise AssertionError(f"stack dependency cycle among: {cycle}")  # a planner bug
        for path in ready:
            ordered.append(stacks[path])
            del waiting[path]
        for deps in waiting.values():
            deps.difference_update(ready)
    return tuple(ordered)
