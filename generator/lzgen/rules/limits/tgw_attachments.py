"""LZ8005: a transit gateway's attachments fit the 'Attachments per transit gateway' quota of
its owner account (default 5,000; ``accounts[].quotas.transit_gateway_attachments`` on the
owner). Counted: every VPC attached to it and every VPN connection on it. The error points at
the attachment, in file order, that goes over the quota and cites the transit gateway.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.model.quotas import TGW_ATTACHMENTS
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.limits.quota import over_quota, owner

CODE = "LZ8005"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for name, (t, tgw) in ctx.transit_gateways.items():
        who = owner(ctx, tgw.account, tgw.region)
        if who is None:
            continue
        vpcs = ctx.attachments[name]
        count = len(vpcs) + len(tgw.vpn_connections)
        quota = who.value(TGW_ATTACHMENTS)
        if count <= quota:
            continue
        paths: list[YamlPath] = [("vpcs", i, "transit_gateway") for i, _ in vpcs]
        paths += [path for _, path in ctx.tgw_vpns(t)]
        paths.sort(key=ctx.doc.locate)
        yield over_quota(
            ctx,
            CODE,
            TGW_ATTACHMENTS,
            who,
            tgw.region,
            message=f"transit gateway '{name}' (account '{tgw.account}', {tgw.region}) would "
            f"have {count} attachments ({len(vpcs)} VPCs, {len(tgw.vpn_connections)} VPNs)",
            path=paths[quota],
            needed=count,
            related=(("transit_gateways", t, "name"),),
            instead="split the spokes over a second transit gateway",
        )


RULE = Rule(CODE, "a transit gateway's attachments fit its owner's quota", check)
