"""LZ2013: tiers named by a VPC's ``transit_gateway.subnets`` and ``ingress_routing``
(``appliance_tier``, ``protected_tiers``) are subnet tiers of that VPC.

Every tier has one subnet in each AZ of its VPC, so a resolved attachment tier covers every AZ.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.load import YamlPath
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ2013"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc in enumerate(ctx.org.vpcs):
        tiers = [t.name for t in vpc.subnets]
        uses: list[tuple[str, str, YamlPath]] = []
        if vpc.transit_gateway is not None:
            uses.append(
                (
                    "transit gateway attachment",
                    vpc.transit_gateway.subnets,
                    ("vpcs", i, "transit_gateway", "subnets"),
                )
            )
        if vpc.ingress_routing is not None:
            ingress = vpc.ingress_routing
            base = ("vpcs", i, "ingress_routing")
            uses.append(
                ("ingress routing appliance", ingress.appliance_tier, (*base, "appliance_tier"))
            )
            uses.extend(
                ("ingress routing", name, (*base, "protected_tiers", k))
                for k, name in enumerate(ingress.protected_tiers)
            )
        for what, name, path in uses:
            if name not in tiers:
                yield ctx.doc.diagnostic(
                    CODE,
                    f"{what} tier '{name}' is not a subnet tier of VPC '{vpc.name}'",
                    path,
                    hint=did_you_mean(name, tiers),
                )


RULE = Rule(CODE, "TGW attachment and ingress routing tiers exist in their VPC", check)
