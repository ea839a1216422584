"""LZ5005: a ``vpc`` or ``tier`` template constraint names a declared VPC (and a tier of it) in
the portfolio's region that every account the portfolio reaches can launch into: the account
owns the VPC, or the tier (for ``vpc``: some tier of the VPC) is shared with it through RAM."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.model.service_catalog import TierConstraint, VpcConstraint
from lzgen.model.vpc import Vpc
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.references.placement import placement
from lzgen.rules.service_catalog import constraints, reached

CODE = "LZ5005"


def _usable(ctx: RuleContext, vpc: Vpc, tier: str | None, account: str) -> bool:
    if vpc.account == account:
        return True
    tiers = [t for t in vpc.subnets if tier is None or t.name == tier]
    return any(
        t.share_with is not None and ctx.shares_with_account(t.share_with, account) for t in tiers
    )


def _shown(names: list[str]) -> str:
    return ", ".join(f"'{n}'" for n in names[:5]) + (
        f" and {len(names) - 5} more" * (len(names) > 5)
    )


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for placed, name, constraint, path in constraints(ctx):
        what = f"the constraint on '{name}'"
        if isinstance(constraint, TierConstraint):
            found = list(
                placement(ctx, CODE, what, vpc=constraint.vpc, tier=constraint.tier, path=path)
            )
            tier: str | None = constraint.tier
        elif isinstance(constraint, VpcConstraint):
            found = []
            if constraint.vpc not in ctx.vpcs:
                known = list(ctx.vpcs)
                found.append(
                    ctx.doc.diagnostic(
                        CODE,
                        f"{what} names unknown VPC '{constraint.vpc}'",
                        (*path, "vpc"),
                        hint=did_you_mean(constraint.vpc, known)
                        if known
                        else "declare it under vpcs",
                    )
                )
            tier = None
        else:
            continue
        yield from found
        if found:
            continue
        vpc = ctx.vpcs[constraint.vpc][1]
        portfolio = placed.portfolio
        if vpc.region != portfolio.region:
            yield ctx.doc.diagnostic(
                CODE,
                f"VPC '{vpc.name}' is in {vpc.region}; portfolio '{portfolio.name}' launches "
                f"in {portfolio.region}",
                (*path, "vpc"),
                hint="pin a VPC of the portfolio's region",
            )
            continue
        missing = [a for a in reached(ctx, portfolio) if not _usable(ctx, vpc, tier, a)]
        if missing:
            subject = f"tier '{tier}' of VPC '{vpc.name}'" if tier else f"VPC '{vpc.name}'"
            yield ctx.doc.diagnostic(
                CODE,
                f"portfolio '{portfolio.name}' reaches {_shown(missing)}, which cannot launch "
                f"into {subject}: it is neither theirs nor shared with them",
                (*path, "tier" if tier else "vpc"),
                hint=f"add them to the share_with of {subject}, or narrow the portfolio's "
                "share_with",
            )


RULE = Rule(CODE, "pinned VPCs and tiers are usable in every account a portfolio reaches", check)
