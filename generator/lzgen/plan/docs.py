"""The output tree's README: a Mermaid picture of the network, stacks in apply order, what the
owners of external peered VPCs must do, an IP plan per VPC, how to use each directory, both
phases of each CloudHSM cluster, and which stacks publish and receive each Service Catalog
portfolio."""

from __future__ import annotations

from typing import Any

from lzgen.graph import network_picture, to_mermaid
from lzgen.model.organization import S3State
from lzgen.plan.cloudhsm import cloudhsm_docs
from lzgen.plan.directory import directory_docs
from lzgen.plan.index import PlanIndex
from lzgen.plan.order import apply_waves
from lzgen.plan.service_catalog import service_catalog_docs
from lzgen.plan.stack import is_management
from lzgen.plan.types import BOOTSTRAP, DEPLOYER_ROLE, FileSpec, Stack
from lzgen.plan.vpc_peering import external_docs


def _credentials(index: PlanIndex, stack: Stack) -> str:
    o = index.org.organization
    if stack.path == BOOTSTRAP:
        return "the management account's administrator (the pipeline role does not exist yet)"
    if is_management(index, stack.account):
        return f"the pipeline role `{o.pipeline.role}`"
    return f"the pipeline role, assuming `{o.deployer_role}` in {stack.account}"


MERMAID_LIMIT = 50_000  # Mermaid's default maxTextSize: GitHub draws no larger diagram


def _topology(index: PlanIndex) -> dict[str, Any]:
    text = to_mermaid(network_picture(index.org))
    fits = len(text) <= MERMAID_LIMIT
    return {"mermaid": text if fits else "", "size": len(text), "limit": f"{MERMAID_LIMIT:,}"}


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
    o = org.organization
    context = {
        "org": org.organization.name,
        "management_account_id": o.management_account_id,
        "pipeline_role": o.pipeline.role,
        "deployer_role": o.deployer_role,
        "s3_state": isinstance(o.state, S3State),
        "existing": o.existing is not None,
        "has_deployer_role": any(s.path == DEPLOYER_ROLE for s in stacks),
        "adopts": any(s.path.startswith("adopted-accounts/") for s in stacks),
        "waves": [
            [{"path": s.path, "credentials": _credentials(index, s)} for s in wave]
            for wave in apply_waves({s.path: s for s in stacks})
        ],
        "destroy_order": [s.path for s in reversed(stacks)],
        "stacks": [
            {
                "name": s.name,
                "path": s.path,
                "depends_on": list(s.depends_on),
                "resources": s.resource_count,
            }
            for s in stacks
        ],
        "topology": _topology(index),
        "vpcs": vpcs,
        "external_peerings": external_docs(index),
        "directories": directory_docs(index, {s.path: s.depends_on for s in stacks}),
        "cloudhsm": cloudhsm_docs(index),
        "service_catalog": service_catalog_docs(index, {s.path: s.depends_on for s in stacks}),
    }
    return (FileSpec("README.md", "docs/README.md.j2", context),)
