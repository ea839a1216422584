"""The output tree's README: stacks in apply order and an IP plan per VPC."""

from __future__ import annotations

from typing import Any

from lzgen.plan.index import PlanIndex
from lzgen.plan.types import FileSpec, Stack


def plan_docs(index: PlanIndex, stacks: list[Stack]) -> tuple[FileSpec, ...]:
    org = index.org
    vpcs: list[dict[str, Any]] = []
    for vpc in sorted(org.vpcs, key=lambda v: v.name):
        ctx = index.vpc(vpc)
        vpcs.append(
            {
                "name": vpc.name,
                "account": vpc.account,
                "region": vpc.region,
                "cidr": vpc.cidr,
                "ipv6": vpc.ipv6,
                "subnets": ctx["subnets"],
            }
        )
    context = {
        "org": org.organization.name,
        "stacks": [
            {
                "name": s.name,
                "path": s.path,
                "depends_on": list(s.depends_on),
                "resources": s.resource_count,
            }
            for s in stacks
        ],
        "vpcs": vpcs,
    }
    return (FileSpec("README.md", "docs/README.md.j2", context),)
