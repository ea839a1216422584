"""LZ8003: an account's VPCs in a region fit its 'VPCs per Region' quota (default 5;
``accounts[].quotas.vpcs_per_region``). The error points at the name of the first VPC over the
quota and cites the others in that account and region. The default VPC, where an account still
has one, counts too; lzgen cannot see it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.model.quotas import VPCS_PER_REGION
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.limits.quota import Owner, counted_vpcs, over_quota

CODE = "LZ8003"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    owners: dict[str, Owner] = {}
    for i, vpc, who in counted_vpcs(ctx):
        groups[vpc.account, vpc.region].append(i)
        owners[vpc.account] = who
    for (account, region), vpcs in groups.items():
        who = owners[account]
        quota = who.value(VPCS_PER_REGION)
        if len(vpcs) <= quota:
            continue
        first = vpcs[quota]
        yield over_quota(
            ctx,
            CODE,
            VPCS_PER_REGION,
            who,
            region,
            message=f"account '{account}' would have {len(vpcs)} VPCs in {region}",
            path=("vpcs", first, "name"),
            needed=len(vpcs),
            related=tuple(("vpcs", i, "name") for i in vpcs if i != first),
            instead="move some VPCs to another account or region (a default VPC left in the "
            "account counts too)",
        )


RULE = Rule(CODE, "an account's VPCs in a region fit its VPCs per Region quota", check)
