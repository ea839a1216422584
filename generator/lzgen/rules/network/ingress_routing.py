"""LZ3024: VPC ingress routing has an internet gateway and an appliance in a public tier.

The VPC needs a public tier (that is what gives it an internet gateway), the appliance tier is
a public tier, and no protected tier is the appliance tier itself. A protected tier gets a route
table per AZ named after it, so it may not be named ``private``: that is the name of the VPC's
per-AZ private route tables.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ3024"
RESERVED_TIER = "private"  # plan/vpc.py: per-AZ private route tables are <vpc>_private_<az>


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc in enumerate(ctx.org.vpcs):
        ingress = vpc.ingress_routing
        if ingress is None:
            continue
        base = ("vpcs", i, "ingress_routing")
        types = {t.name: t.type for t in vpc.subnets}
        public = sorted(name for name, kind in types.items() if kind == "public")
        appliance = types.get(ingress.appliance_tier)
        if not public:
            yield ctx.doc.diagnostic(
                CODE,
                f"VPC '{vpc.name}' uses ingress routing but has no public tier, so no "
                "internet gateway",
                ("vpcs", i, "ingress_routing"),
                hint="add a public tier for the appliance (size 28 is enough) and name it in "
                "`appliance_tier`",
            )
        elif appliance is not None and appliance != "public":
            yield ctx.doc.diagnostic(
                CODE,
                f"appliance tier '{ingress.appliance_tier}' of VPC '{vpc.name}' is "
                f"{appliance}; the appliance must sit in a public tier",
                (*base, "appliance_tier"),
                hint=f"public tiers of this VPC: {', '.join(public)}",
            )
        for k, name in enumerate(ingress.protected_tiers):
            if name == ingress.appliance_tier:
                yield ctx.doc.diagnostic(
                    CODE,
                    f"tier '{name}' is both the appliance tier and a protected tier",
                    (*base, "protected_tiers", k),
                    related=((*base, "appliance_tier"),),
                    hint="traffic to the protected tiers is routed through the appliance; it "
                    "cannot protect its own tier",
                )
            elif name == RESERVED_TIER:
                yield ctx.doc.diagnostic(
                    CODE,
                    f"protected tier '{name}' of VPC '{vpc.name}' would share its route tables' "
                    "names with the VPC's per-AZ private route tables",
                    (*base, "protected_tiers", k),
                    hint="rename the tier (here and under `subnets`) for what it holds, `web` say",
                )


RULE = Rule(CODE, "ingress routing has an IGW, a public appliance tier apart from protected", check)
