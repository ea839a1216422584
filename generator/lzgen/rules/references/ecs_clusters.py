"""LZ2025: an ECS cluster names a declared account, and no two clusters share a name in one
account and region."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.references.share_targets import DECLARE

CODE = "LZ2025"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    seen: set[tuple[str, str, str]] = set()
    known = list(ctx.accounts)
    for i, cluster in enumerate(ctx.org.ecs_clusters):
        if cluster.account not in ctx.accounts:
            yield ctx.doc.diagnostic(
                CODE,
                f"ECS cluster '{cluster.name}' names unknown account '{cluster.account}'",
                ("ecs_clusters", i, "account"),
                hint=did_you_mean(cluster.account, known) if known else DECLARE["account"],
            )
        key = (cluster.name, cluster.account, cluster.region)
        if key in seen:
            yield ctx.doc.diagnostic(
                CODE,
                f"ECS cluster '{cluster.name}' is declared twice in {cluster.region} of "
                f"account '{cluster.account}'",
                ("ecs_clusters", i, "name"),
                hint="remove the second entry, or give it another name",
            )
        seen.add(key)


RULE = Rule(CODE, "ECS clusters name declared accounts, once per account and region", check)
