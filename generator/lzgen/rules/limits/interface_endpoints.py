"""LZ8004: a VPC's interface endpoints fit the 'Interface VPC endpoints per VPC' quota of its
account (default 50; ``accounts[].quotas.interface_endpoints_per_vpc``). The error points at
the first service over the quota.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.model.quotas import INTERFACE_ENDPOINTS_PER_VPC
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.limits.quota import counted_vpcs, over_quota

CODE = "LZ8004"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc, who in counted_vpcs(ctx):
        count = len(vpc.endpoints.interface)
        quota = who.value(INTERFACE_ENDPOINTS_PER_VPC)
        if count <= quota:
            continue
        yield over_quota(
            ctx,
            CODE,
            INTERFACE_ENDPOINTS_PER_VPC,
            who,
            vpc.region,
            message=f"VPC '{vpc.name}' (account '{vpc.account}', {vpc.region}) would have "
            f"{count} interface endpoints",
            path=("vpcs", i, "endpoints", "interface", quota),
            needed=count,
            instead="put the endpoints in one shared services VPC that the others reach "
            "through the Transit Gateway",
        )


RULE = Rule(CODE, "a VPC's interface endpoints fit the per-VPC quota", check)
