"""LZ8007: a directory's security group holds no more inbound rules than the owner
account's quota.

AWS puts about ``AWS_DIRECTORY_RULES`` inbound rules on the domain controllers' security group;
lzgen adds one per AD port (``AD_PORTS``) and consumer VPC. The sum counts against 'Inbound or
outbound rules per security group' (L-0EA8095F, 60 by default) of the owner account and region;
the apply of the directory stack fails past it. The error points at ``consumer_vpcs``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.model.directory import AD_PORTS, security_group_rules
from lzgen.model.quotas import SECURITY_GROUP_RULES
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.directory.placed import consumers, placed
from lzgen.rules.limits.quota import over_quota, owner

CODE = "LZ8007"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for p in placed(ctx):
        who = owner(ctx, p.owner, p.vpc.region)
        if who is None:
            continue  # an unknown account or region is LZ2002's or LZ2007's
        count = len(list(consumers(ctx, p)))
        needed = security_group_rules(count)
        if needed <= who.value(SECURITY_GROUP_RULES):
            continue
        yield over_quota(
            ctx,
            CODE,
            SECURITY_GROUP_RULES,
            who,
            p.vpc.region,
            message=f"the security group of directory '{p.directory.name}' would hold about "
            f"{needed} inbound rules (AWS's own and {len(AD_PORTS)} per consumer VPC, "
            f"{count} of them)",
            path=(*p.path, "consumer_vpcs"),
            needed=needed,
            instead="serve fewer consumer VPCs from this directory",
        )


RULE = Rule(CODE, "a directory's security group fits the rules-per-group quota", check)
