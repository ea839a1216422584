"""LZ2017: lists of names in the network hub name each entry once.

Checked: a VPC attachment's and a TGW VPN's ``propagate_to``, ``ingress_routing.protected_tiers``
and ``share_with`` accounts and OUs. A repeat would become a duplicate Terraform resource.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ2017"


def _lists(ctx: RuleContext) -> Iterator[tuple[Sequence[str], YamlPath]]:
    for i, vpc in enumerate(ctx.org.vpcs):
        if vpc.transit_gateway is not None:
            yield vpc.transit_gateway.propagate_to, ("vpcs", i, "transit_gateway", "propagate_to")
        if vpc.ingress_routing is not None:
            yield (
                vpc.ingress_routing.protected_tiers,
                ("vpcs", i, "ingress_routing", "protected_tiers"),
            )
    for t, _ in enumerate(ctx.org.transit_gateways):
        for vpn, path in ctx.tgw_vpns(t):
            yield vpn.propagate_to, (*path, "propagate_to")
    for share, path in ctx.share_targets():
        yield share.accounts, (*path, "accounts")
        yield share.ous, (*path, "ous")


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for names, path in _lists(ctx):
        first: dict[str, int] = {}
        for k, name in enumerate(names):
            if name in first:
                line, column = ctx.doc.locate((*path, first[name]))
                yield ctx.doc.diagnostic(
                    CODE,
                    f"'{name}' is listed twice",
                    (*path, k),
                    related=((*path, first[name]),),
                    hint=f"the first is at line {line}, column {column}; list each once",
                )
            else:
                first[name] = k


RULE = Rule(CODE, "propagations, protected tiers and share targets are listed once", check)
