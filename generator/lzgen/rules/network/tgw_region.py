"""LZ3016: a VPC attaches only to a transit gateway in its own region.

(Transit gateways in different regions connect by TGW peering, which lzgen does not model.)
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.regions import REGIONS
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ3016"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc in enumerate(ctx.org.vpcs):
        name = ctx.attached_tgw(i)
        if name is None:
            continue  # LZ2011
        t, tgw = ctx.transit_gateways[name]
        if tgw.region != vpc.region and tgw.region in REGIONS and vpc.region in REGIONS:
            yield ctx.doc.diagnostic(
                CODE,
                f"VPC '{vpc.name}' is in {vpc.region} but transit gateway '{name}' is in "
                f"{tgw.region}",
                ("vpcs", i, "transit_gateway", "name"),
                related=(("transit_gateways", t, "region"),),
                hint="a VPC attaches to a transit gateway in its own region; declare a "
                f"transit gateway in {vpc.region} for it",
            )


RULE = Rule(CODE, "VPCs attach to a transit gateway in their region", check)
