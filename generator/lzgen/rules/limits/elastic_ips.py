"""LZ8002: the NAT gateways of an account's VPCs in a region fit its Elastic IP quota.

Each NAT gateway lzgen renders has an Elastic IP: ``per_az`` one per AZ, ``single`` one,
``none`` none, and a VPC without a public tier that ingress routing leaves unprotected gets no
NAT gateway at all (LZ3007 says so). The quota, 'EC2-VPC Elastic IPs', is per account and
region (default 5; ``accounts[].quotas.elastic_ips``). The error points at ``nat_gateways`` of
the VPC whose addresses first go over it and cites the other VPCs that need addresses there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import accumulate

from lzgen.diagnostics import Diagnostic
from lzgen.model.quotas import ELASTIC_IPS
from lzgen.model.vpc import Vpc
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.limits.quota import Owner, counted_vpcs, over_quota

CODE = "LZ8002"


def nat_gateways(vpc: Vpc) -> int:
    """How many NAT gateways (so Elastic IPs) plan/vpc.py renders for ``vpc``."""
    protected = set(vpc.ingress_routing.protected_tiers) if vpc.ingress_routing else set()
    if not any(t.type == "public" and t.name not in protected for t in vpc.subnets):
        return 0
    return {"none": 0, "single": 1, "per_az": len(vpc.azs)}[vpc.nat_gateways]


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    groups: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    owners: dict[str, Owner] = {}
    for i, vpc, who in counted_vpcs(ctx):
        n = nat_gateways(vpc)
        if n:
            groups[vpc.account, vpc.region].append((i, n))
            owners[vpc.account] = who
    for (account, region), vpcs in groups.items():
        who = owners[account]
        quota = who.value(ELASTIC_IPS)
        total = sum(n for _, n in vpcs)
        if total <= quota:
            continue
        sums = accumulate(n for _, n in vpcs)
        first = next(i for (i, _), running in zip(vpcs, sums, strict=True) if running > quota)
        others = tuple(("vpcs", i, "nat_gateways") for i, _ in vpcs if i != first)
        yield over_quota(
            ctx,
            CODE,
            ELASTIC_IPS,
            who,
            region,
            message=f"account '{account}' would need {total} Elastic IPs in {region} for the "
            f"NAT gateways of {len(vpcs)} VPC{'' if len(vpcs) == 1 else 's'}",
            path=("vpcs", first, "nat_gateways"),
            needed=total,
            related=others,
            instead="need fewer: `nat_gateways: single` in non-production VPCs, or `none` "
            "with egress through a central VPC on the Transit Gateway",
        )


RULE = Rule(CODE, "NAT gateways fit the account's Elastic IP quota per region", check)
