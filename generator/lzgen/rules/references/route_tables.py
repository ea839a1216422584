"""LZ2012: every route table reference names a route table of its transit gateway.

References: a VPC attachment's ``route_table`` and ``propagate_to``, a static route's
``route_table``, a TGW VPN connection's ``route_table`` and ``propagate_to``. A VPN on a VPC's
virtual private gateway has no TGW route tables, so these keys are errors there.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.load import YamlPath
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ2012"


def _references(ctx: RuleContext) -> Iterator[tuple[str, str, YamlPath]]:
    """(TGW name, route table name, path) of every route table reference to an existing TGW."""
    for i, vpc in enumerate(ctx.org.vpcs):
        attachment = vpc.transit_gateway
        if attachment is None:
            continue
        base = ("vpcs", i, "transit_gateway")
        yield attachment.name, attachment.route_table, (*base, "route_table")
        for k, table in enumerate(attachment.propagate_to):
            yield attachment.name, table, (*base, "propagate_to", k)
    for t, tgw in enumerate(ctx.org.transit_gateways):
        for r, route in enumerate(tgw.routes):
            yield tgw.name, route.route_table, ("transit_gateways", t, "routes", r, "route_table")
        for vpn, path in ctx.tgw_vpns(t):
            if vpn.route_table is not None:
                yield tgw.name, vpn.route_table, (*path, "route_table")
            for k, table in enumerate(vpn.propagate_to):
                yield tgw.name, table, (*path, "propagate_to", k)


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for tgw_name, table, path in _references(ctx):
        found = ctx.transit_gateways.get(tgw_name)
        if found is None:
            continue  # LZ2011
        t, tgw = found
        if table not in tgw.route_table_names:
            yield ctx.doc.diagnostic(
                CODE,
                f"transit gateway '{tgw_name}' has no route table '{table}'",
                path,
                related=(("transit_gateways", t, "route_tables"),),
                hint=did_you_mean(table, tgw.route_table_names)
                if tgw.route_table_names
                else f"list it under route_tables of transit gateway '{tgw_name}'",
            )
    for i, _, (vpn, path) in ctx.vgw_vpns():
        vpc = ctx.org.vpcs[i]
        given = {"route_table": vpn.route_table is not None, "propagate_to": bool(vpn.propagate_to)}
        for key in (k for k, v in given.items() if v):
            yield ctx.doc.diagnostic(
                CODE,
                f"VPN '{vpn.name}' terminates on the virtual private gateway of VPC "
                f"'{vpc.name}', which has no transit gateway route tables",
                (*path, key),
                hint=f"remove `{key}`; to use TGW route tables, move the VPN under "
                "transit_gateways[].vpn_connections",
            )


RULE = Rule(CODE, "route table references name a route table of their transit gateway", check)
