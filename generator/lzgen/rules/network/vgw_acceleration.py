"""LZ3018: a VPN on a VPC's virtual private gateway cannot be accelerated (acceleration needs
a transit gateway)."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ3018"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, _, (vpn, path) in ctx.vgw_vpns():
        if vpn.accelerated:
            yield ctx.doc.diagnostic(
                CODE,
                f"VPN '{vpn.name}' on the virtual private gateway of VPC "
                f"'{ctx.org.vpcs[i].name}' cannot be accelerated",
                (*path, "accelerated"),
                hint="accelerated site-to-site VPN needs a transit gateway: move the VPN under "
                "transit_gateways[].vpn_connections, or remove `accelerated`",
            )


RULE = Rule(CODE, "accelerated VPNs terminate on a transit gateway", check)
