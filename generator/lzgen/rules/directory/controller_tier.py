"""LZ4103: the tier that hosts a directory's domain controllers spans two AZs and is not
public.

AWS places the two domain controllers in two subnets in different AZs (lzgen takes the tier's
subnets in the VPC's first two ``azs``), so the VPC needs at least two. Domain controllers never
sit in a subnet whose route table sends traffic to an internet gateway: a ``public`` tier.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.directory.placed import placed

CODE = "LZ4103"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for p in placed(ctx):
        tiers = {t.name: (t_index, t) for t_index, t in enumerate(p.vpc.subnets)}
        if p.directory.tier not in tiers:
            continue  # LZ2023
        t_index, tier = tiers[p.directory.tier]
        at = (*p.path, "tier")
        vpc_path = ("vpcs", p.vpc_index)
        azs = list(dict.fromkeys(p.vpc.azs))
        if len(azs) < 2:
            yield ctx.doc.diagnostic(
                CODE,
                f"directory '{p.directory.name}' needs its tier '{tier.name}' in two AZs, "
                f"but VPC '{p.vpc.name}' has only AZ {azs[0]}",
                at,
                related=((*vpc_path, "azs"),),
                hint=f"add a second AZ to `azs` of VPC '{p.vpc.name}' (the domain controllers "
                "go in two subnets in different AZs), or host the directory in a VPC with two",
            )
        if tier.type == "public":
            yield ctx.doc.diagnostic(
                CODE,
                f"directory '{p.directory.name}' would put its domain controllers in public "
                f"tier '{tier.name}', routed to the internet gateway",
                at,
                related=((*vpc_path, "subnets", t_index, "type"),),
                hint=f"name a private or isolated tier of VPC '{p.vpc.name}', or add one for "
                "the domain controllers",
            )


RULE = Rule(CODE, "domain controllers sit in a non-public tier in two AZs", check)
