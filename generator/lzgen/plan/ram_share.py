"""RAM subnet shares: one share per shared tier, every AZ's subnet associated, principals the
named accounts' ids and OUs' ARNs. Inside the organization, participants need no accepter
(sharing with the organization is enabled once, in the organization stack)."""

from __future__ import annotations

from lzgen.plan.index import PlanIndex
from lzgen.plan.naming import ident
from lzgen.plan.sharing import principal_reads, principals
from lzgen.plan.types import FileSpec, StackPart, account_path


def plan_ram_shares(index: PlanIndex) -> list[StackPart]:
    parts: list[StackPart] = []
    for vpc in sorted(index.org.vpcs, key=lambda v: v.name):
        shared = [
            t for t in vpc.subnets if t.share_with and (t.share_with.accounts or t.share_with.ous)
        ]
        if not shared:
            continue
        ctx = index.vpc(vpc)
        shares = []
        reads: set[tuple[str, str]] = set()
        for tier in shared:
            assert tier.share_with is not None
            shares.append(
                {
                    "id": ident(vpc.name, tier.name),
                    "name": f"{vpc.name}-{tier.name}",
                    "subnets": [s["id"] for s in ctx["subnets"] if s["tier"] == tier.name],
                    "principals": principals(index, tier.share_with),
                }
            )
            reads.update(principal_reads(index, tier.share_with))
        resources = sum(1 + len(s["subnets"]) + len(s["principals"]) for s in shares)
        parts.append(
            StackPart(
                account_path(vpc.account, vpc.region),
                (
                    FileSpec(
                        f"ram_share_{vpc.name}.tf",
                        "ram_share/ram_share.tf.j2",
                        {"vpc": ctx, "shares": shares},
                    ),
                ),
                resources,
                reads=tuple(sorted(reads)),
            )
        )
    return parts
