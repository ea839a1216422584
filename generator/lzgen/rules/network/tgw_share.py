"""LZ3017: a VPC attaches to a transit gateway only from an account that owns it or that the
transit gateway's ``share_with`` reaches (the account itself, its OU, or an OU above it)."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ3017"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc in enumerate(ctx.org.vpcs):
        name = ctx.attached_tgw(i)
        if name is None or vpc.account not in ctx.accounts:
            continue  # LZ2011, LZ2002
        t, tgw = ctx.transit_gateways[name]
        if tgw.account not in ctx.accounts:
            continue  # LZ2002
        if vpc.account == tgw.account or ctx.shares_with_account(tgw.share_with, vpc.account):
            continue
        ou = ctx.accounts[vpc.account][1].ou
        yield ctx.doc.diagnostic(
            CODE,
            f"VPC '{vpc.name}' of account '{vpc.account}' attaches to transit gateway "
            f"'{name}', which is not shared with that account",
            ("vpcs", i, "transit_gateway", "name"),
            related=(("transit_gateways", t, "share_with"),),
            hint=f"add '{vpc.account}' to share_with.accounts of transit gateway '{name}', or "
            f"its OU '{ou}' to share_with.ous",
        )


RULE = Rule(CODE, "attaching accounts own the transit gateway or are shared it", check)
