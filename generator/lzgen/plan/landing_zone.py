"""The plan's output types and the function that assembles every capability's stacks."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from lzgen.model import OrgFile
from lzgen.model.vpc import Vpc


@dataclass(frozen=True)
class FileSpec:
    """One output file: which template renders it, with what context."""

    path: str
    template: str
    context: dict[str, Any] = field(hash=False)


@dataclass(frozen=True)
class Stack:
    """A Terraform root module with its own state."""

    name: str
    path: str
    depends_on: tuple[str, ...]
    files: tuple[FileSpec, ...]
    resource_count: int
    account: str
    region: str
    reads: tuple[tuple[str, str], ...] = ()  # (remote state data name, upstream stack path)


@dataclass(frozen=True)
class LandingZone:
    """Everything render needs: stacks in apply order plus the tree's top-level files."""

    org_name: str
    stacks: tuple[Stack, ...]
    files: tuple[FileSpec, ...]


def build_plan(org: OrgFile) -> LandingZone:
    # imported here so capability modules can import the types above
    from lzgen.plan.docs import plan_docs
    from lzgen.plan.organization import plan_organization
    from lzgen.plan.vpc import plan_account_stack

    stacks: list[Stack] = [plan_organization(org)]
    by_home: dict[tuple[str, str], list[Vpc]] = defaultdict(list)
    for vpc in org.vpcs:
        by_home[(vpc.account, vpc.region)].append(vpc)
    for (account, region), vpcs in sorted(by_home.items()):
        stacks.append(plan_account_stack(org, account, region, vpcs))
    return LandingZone(org.organization.name, tuple(stacks), plan_docs(org, stacks))
