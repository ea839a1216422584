"""Assemble every capability's stack parts into the LandingZone, in apply order.

A capability plans ``StackPart``s (plan/<capability>.py); this module groups them by stack,
adds each stack's common files, and orders the stacks: the organization first, then account
stacks by account and region. A new capability adds its planner to ``PLANNERS``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from lzgen.model import OrgFile
from lzgen.plan.docs import plan_docs
from lzgen.plan.organization import plan_organization
from lzgen.plan.stack import account_stack, organization_stack
from lzgen.plan.types import ORGANIZATION, LandingZone, Stack, StackPart
from lzgen.plan.vpc import plan_vpcs

PLANNERS: tuple[Callable[[OrgFile], list[StackPart]], ...] = (plan_organization, plan_vpcs)


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
    return LandingZone(org.organization.name, tuple(stacks), plan_docs(org, stacks))
