"""LZ4108: every consumer VPC is in the region of the directory's VPC.

Directory sharing and the Route 53 Resolver rule that forwards the domain are regional: a VPC
in another region can neither use the share nor resolve the domain through the rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.regions import REGIONS
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.directory.placed import consumers, placed

CODE = "LZ4108"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for p in placed(ctx):
        region = p.vpc.region
        for c in consumers(ctx, p):
            if c.vpc.region == region or {region, c.vpc.region} - REGIONS.keys():
                continue  # an unknown region is LZ2007's
            yield ctx.doc.diagnostic(
                CODE,
                f"consumer VPC '{c.vpc.name}' is in {c.vpc.region}, directory "
                f"'{p.directory.name}' in {region}",
                c.path,
                related=(("vpcs", c.vpc_index, "region"), (*p.path, "vpc")),
                hint="directory sharing and Route 53 Resolver rules are regional: list only "
                f"VPCs in {region}, or give '{c.vpc.name}' a directory of its own in "
                f"{c.vpc.region}",
            )


RULE = Rule(CODE, "consumer VPCs are in the directory's region", check)
