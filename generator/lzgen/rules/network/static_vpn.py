"""LZ3022: a VPN with ``routing: static`` lists the on-premises CIDRs to route to it."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ3022"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for vpn, path in ctx.all_vpns():
        if vpn.routing == "static" and not vpn.on_premises_cidrs:
            yield ctx.doc.diagnostic(
                CODE,
                f"VPN '{vpn.name}' uses static routing but lists no on_premises_cidrs",
                (*path, "routing"),
                hint="list the on-premises networks (on_premises_cidrs: [172.16.0.0/12]), or "
                "use `routing: bgp`",
            )


RULE = Rule(CODE, "static-routed VPNs list their on-premises CIDRs", check)
