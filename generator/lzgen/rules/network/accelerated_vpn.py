"""LZ3104 (warning): an accelerated VPN on a transit gateway; the flag cannot change in place."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, Severity
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ3104"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for t, tgw in enumerate(ctx.org.transit_gateways):
        for vpn, path in ctx.tgw_vpns(t):
            if vpn.accelerated:
                yield ctx.doc.diagnostic(
                    CODE,
                    f"VPN '{vpn.name}' on transit gateway '{tgw.name}' is accelerated",
                    (*path, "accelerated"),
                    severity=Severity.WARNING,
                    hint="changing `accelerated` on an existing connection replaces it: new "
                    "tunnel addresses and keys, and an outage until the customer gateway is "
                    "reconfigured; settle it before the first apply",
                )


RULE = Rule(CODE, "warn: accelerated VPN (changing it replaces the connection)", check)
