"""LZ5006: an ``ecs_cluster`` template constraint names an ECS cluster (``ecs_clusters:``) that
exists in every account the portfolio reaches, in the portfolio's region: ECS clusters are
not shared across accounts, a product's service runs in a cluster of the launching account."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.model.service_catalog import EcsClusterConstraint
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.service_catalog import constraints, reached

CODE = "LZ5006"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    clusters = {(c.name, c.account, c.region) for c in ctx.org.ecs_clusters}
    names = sorted({c.name for c in ctx.org.ecs_clusters})
    for placed, _, constraint, path in constraints(ctx):
        if not isinstance(constraint, EcsClusterConstraint):
            continue
        cluster = constraint.ecs_cluster
        at = (*path, "ecs_cluster")
        if cluster not in names:
            yield ctx.doc.diagnostic(
                CODE,
                f"unknown ECS cluster '{cluster}'",
                at,
                hint=did_you_mean(cluster, names) if names else "declare it under ecs_clusters",
            )
            continue
        region = placed.portfolio.region
        missing = [
            a for a in reached(ctx, placed.portfolio) if (cluster, a, region) not in clusters
        ]
        if missing:
            shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" * (len(missing) > 5))
            yield ctx.doc.diagnostic(
                CODE,
                f"ECS cluster '{cluster}' is missing in {region} of {shown}, which portfolio "
                f"'{placed.portfolio.name}' reaches",
                at,
                hint=f"add `{{ name: {cluster}, account: <account>, region: {region} }}` to "
                "ecs_clusters for each: ECS clusters are not shared across accounts",
            )


RULE = Rule(CODE, "pinned ECS clusters exist in every account a portfolio reaches", check)
