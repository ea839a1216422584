"""LZ2007 and LZ2008: regions are real AWS regions and AZ letters exist in them.

LZ2007 covers the home and state regions, every VPC's and every transit gateway's region, and
external peers' regions.
Regions of another partition (GovCloud, China) get LZ2018 instead (rules/references/partitions.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.load import YamlPath
from lzgen.partitions import COMMERCIAL, partition
from lzgen.regions import REGIONS, az_letters
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.baseline.scope import listed_policies

CODE_REGION = "LZ2007"
CODE_AZ = "LZ2008"


def region_paths(ctx: RuleContext) -> Iterator[tuple[str, YamlPath]]:
    org = ctx.org.organization
    yield org.home_region, ("organization", "home_region")
    region = getattr(org.state, "region", None)
    if isinstance(region, str):
        yield region, ("organization", "state", "region")
    for i, vpc in enumerate(ctx.org.vpcs):
        yield vpc.region, ("vpcs", i, "region")
    for policy in listed_policies(ctx):
        for j, region in enumerate(policy.regions or ()):
            yield region, (*policy.path, "regions", j)
    for i, tgw in enumerate(ctx.org.transit_gateways):
        yield tgw.region, ("transit_gateways", i, "region")
    for i, cluster in enumerate(ctx.org.ecs_clusters):
        yield cluster.region, ("ecs_clusters", i, "region")
    catalog = ctx.org.service_catalog
    for i, portfolio in enumerate(catalog.portfolios if catalog else ()):
        yield portfolio.region, ("service_catalog", "portfolios", i, "region")
    ic = ctx.org.identity_center
    if ic is not None and ic.region is not None:
        yield ic.region, ("identity_center", "region")


def _external_regions(ctx: RuleContext) -> Iterator[tuple[str, YamlPath]]:
    """The regions of peered VPCs outside the organization (not ours to allow or opt into)."""
    for k, peering in enumerate(ctx.org.vpc_peerings):
        if peering.external is not None:
            yield peering.external.region, ("vpc_peerings", k, "accepter", "external", "region")


def check_regions(ctx: RuleContext) -> Iterator[Diagnostic]:
    for region, path in (*region_paths(ctx), *_external_regions(ctx)):
        if region not in REGIONS and partition(region)[0] == COMMERCIAL:
            yield ctx.doc.diagnostic(
                CODE_REGION,
                f"'{region}' is not an AWS region",
                path,
                hint=did_you_mean(region, list(REGIONS)),
            )


def check_azs(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc in enumerate(ctx.org.vpcs):
        letters = az_letters(vpc.region)
        if not letters or partition(vpc.region)[0] != COMMERCIAL:
            continue  # LZ2007 or LZ2018 already says the region is wrong
        for j, az in enumerate(vpc.azs):
            if az not in letters:
                yield ctx.doc.diagnostic(
                    CODE_AZ,
                    f"{vpc.region} has no availability zone '{az}'",
                    ("vpcs", i, "azs", j),
                    hint=f"{vpc.region} offers zones {', '.join(letters)}",
                )


RULES = (
    Rule(CODE_REGION, "regions are AWS regions", check_regions),
    Rule(CODE_AZ, "AZ letters exist in the VPC's region", check_azs),
)
