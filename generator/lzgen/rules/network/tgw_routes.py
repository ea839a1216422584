"""LZ3021: a TGW static route has exactly one target (``vpc``, ``vpn`` or ``blackhole: true``),
and a route table holds each destination CIDR once. Route CIDRs are checked by LZ3001/LZ3006."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ3021"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for t, tgw in enumerate(ctx.org.transit_gateways):
        seen: dict[tuple[str, str], YamlPath] = {}
        for r, route in enumerate(tgw.routes):
            path = ("transit_gateways", t, "routes", r)
            targets = [
                key
                for key, given in (
                    ("vpc", route.vpc is not None),
                    ("vpn", route.vpn is not None),
                    ("blackhole", route.blackhole),
                )
                if given
            ]
            if len(targets) != 1:
                given = " and ".join(f"`{k}`" for k in targets) if targets else "no target"
                yield ctx.doc.diagnostic(
                    CODE,
                    f"route to {route.cidr} in route table '{route.route_table}' has {given}",
                    path,
                    hint="give exactly one of `vpc: NAME`, `vpn: NAME` or `blackhole: true`",
                )
            key = (route.route_table, route.cidr)
            if key in seen:
                line, column = ctx.doc.locate(seen[key])
                yield ctx.doc.diagnostic(
                    CODE,
                    f"route table '{route.route_table}' has a route to {route.cidr} already",
                    (*path, "cidr"),
                    related=(seen[key],),
                    hint=f"the first is at line {line}, column {column}; keep one route per "
                    "destination",
                )
            else:
                seen[key] = (*path, "cidr")


RULE = Rule(CODE, "TGW static routes have one target and one route per CIDR", check)
