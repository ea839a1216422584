"""Assemble every capability's stack parts into the LandingZone, in apply order.

A capability plans ``StackPart``s (plan/<capability>.py); this module groups them by stack,
adds each stack's common files, and orders the stacks: the organization first, then account
stacks by account and region, then the management account's other stacks, each moved after
the stacks it depends on. A new capability adds its planner to ``PLANNERS``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from lzgen.model import OrgFile
from lzgen.plan.account_settings import plan_account_settings
from lzgen.plan.baseline import plan_baseline
from lzgen.plan.docs import plan_docs
from lzgen.plan.organization import plan_organization
from lzgen.plan.stack import account_stack, management_stack, organization_stack
from lzgen.plan.types import ORGANIZATION, LandingZone, Stack, StackPart
from lzgen.plan.vpc import plan_vpcs

PLANNERS: tuple[Callable[[OrgFile], list[StackPart]], ...] = (
    plan_organization,
    plan_vpcs,
    plan_baseline,
    plan_account_settings,
)


def apply_order(stacks: list[Stack]) -> list[Stack]:
    """``stacks`` reordered so that each comes after the stacks it depends on, otherwise
    keeping the given order (the earliest ready stack goes next)."""
    paths = {s.path for s in stacks}
    done: set[str] = set()
    ordered: list[Stack] = []
    pending = list(stacks)
    while pending:
        ready = next(
            (s for s in pending if all(d in done or d not in paths for d in s.depends_on)),
            pending[0],  # a cycle is a planner bug; keep going rather than loop forever
        )
        pending.remove(ready)
        ordered.append(ready)
        done.add(ready.path)
    return ordered


def build_plan(org: OrgFile) -> LandingZone:
    by_home: dict[str | tuple[str, str], list[StackPart]] = defaultdict(list)
    for planner in PLANNERS:
        for part in planner(org):
            by_home[part.home].append(part)
    stacks: list[Stack] = [organization_stack(org, by_home.pop(ORGANIZATION, []))]
    homes = sorted(home for home in by_home if isinstance(home, tuple))
    stacks.extend(
        account_stack(org, account, region, by_home[(account, region)]) for account, region in homes
    )
    management = sorted(home for home in by_home if isinstance(home, str))
    stacks.extend(management_stack(org, path, by_home[path]) for path in management)
    stacks = apply_order(stacks)
    return LandingZone(org.organization.name, tuple(stacks), plan_docs(org, stacks))
