"""Assemble every capability's stacks into the LandingZone, in apply order."""

from __future__ import annotations

from collections import defaultdict

from lzgen.model import OrgFile
from lzgen.model.vpc import Vpc
from lzgen.plan.docs import plan_docs
from lzgen.plan.organization import plan_organization
from lzgen.plan.types import LandingZone, Stack
from lzgen.plan.vpc import plan_account_stack


def build_plan(org: OrgFile) -> LandingZone:
    stacks: list[Stack] = [plan_organization(org)]
    by_home: dict[tuple[str, str], list[Vpc]] = defaultdict(list)
    for vpc in org.vpcs:
        by_home[(vpc.account, vpc.region)].append(vpc)
    for (account, region), vpcs in sorted(by_home.items()):
        stacks.append(plan_account_stack(org, account, region, vpcs))
    return LandingZone(org.organization.name, tuple(stacks), plan_docs(org, stacks))
