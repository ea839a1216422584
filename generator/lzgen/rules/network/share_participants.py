"""LZ3105 (warning): the shared tiers of one VPC reach more than 100 participant accounts, the
default AWS quota of participant accounts per shared VPC.

Counted from the org file: accounts named in ``share_with`` of any tier of the VPC, plus the
accounts in named OUs and the OUs below them, each once, the VPC's own account left out.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, Severity
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ3105"
PARTICIPANT_QUOTA = 100


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc in enumerate(ctx.org.vpcs):
        shared = [(t, tier.share_with) for t, tier in enumerate(vpc.subnets) if tier.share_with]
        if not shared:
            continue
        participants: set[str] = set()
        for _, share in shared:
            participants.update(a for a in share.accounts if a in ctx.accounts)
            for ou in share.ous:
                participants.update(ctx.accounts_under(ou))
        participants.discard(vpc.account)
        if len(participants) > PARTICIPANT_QUOTA:
            yield ctx.doc.diagnostic(
                CODE,
                f"VPC '{vpc.name}' is shared with {len(participants)} participant accounts; "
                f"AWS allows {PARTICIPANT_QUOTA} per VPC by default",
                ("vpcs", i, "subnets", shared[0][0], "share_with"),
                severity=Severity.WARNING,
                hint="request an increase of the 'Participant accounts per VPC' quota before "
                "applying, or split the workloads over more shared VPCs",
            )


RULE = Rule(CODE, "warn: a shared VPC reaches more than 100 participant accounts", check)
