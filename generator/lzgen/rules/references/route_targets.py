"""LZ2014: a TGW static route's ``vpc`` names a VPC attached to that transit gateway, and its
``vpn`` names a VPN connection of that transit gateway."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ2014"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for t, tgw in enumerate(ctx.org.transit_gateways):
        attached = [v.name for _, v in ctx.attachments.get(tgw.name, [])]
        vpns = [v.name for v in tgw.vpn_connections]
        for r, route in enumerate(tgw.routes):
            path = ("transit_gateways", t, "routes", r)
            if route.vpc is not None and route.vpc not in attached:
                found = ctx.vpcs.get(route.vpc)
                if found is None:
                    message = f"route to unknown VPC '{route.vpc}'"
                    hint = did_you_mean(route.vpc, attached or list(ctx.vpcs))
                else:
                    message = (
                        f"route to VPC '{route.vpc}', which is not attached to transit "
                        f"gateway '{tgw.name}'"
                    )
                    hint = (
                        f"add `transit_gateway: {{ name: {tgw.name}, ... }}` to VPC '{route.vpc}'"
                    )
                yield ctx.doc.diagnostic(CODE, message, (*path, "vpc"), hint=hint)
            if route.vpn is not None and route.vpn not in vpns:
                yield ctx.doc.diagnostic(
                    CODE,
                    f"transit gateway '{tgw.name}' has no VPN connection '{route.vpn}'",
                    (*path, "vpn"),
                    hint=did_you_mean(route.vpn, vpns)
                    if vpns
                    else "declare it under vpn_connections of this transit gateway",
                )


RULE = Rule(CODE, "static routes target a VPC attached to, or a VPN of, their TGW", check)
