"""The output tree's README: stacks in apply order and an IP plan per VPC."""

from __future__ import annotations

from typing import Any

from lzgen.model import OrgFile
from lzgen.plan.types import FileSpec, Stack
from lzgen.plan.vpc import vpc_context


def plan_docs(org: OrgFile, stacks: list[Stack]) -> tuple[FileSpec, ...]:
    vpcs: list[dict[str, Any]] = []
    for vpc in sorted(org.vpcs, key=lambda v: v.name):
        ctx = vpc_context(vpc)
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
