"""ECS clusters on Fargate, each in one account and region (an account's stack).

ECS clusters cannot be shared across accounts: a service launched in account X runs in a
cluster of account X, so a Service Catalog product pinned to a cluster name needs that cluster
in every account the portfolio reaches (LZ5006).
"""

from __future__ import annotations

from typing import Literal

from lzgen.model.common import Name, StrictModel


class EcsCluster(StrictModel):
    name: Name
    account: str
    region: str
    # CloudWatch Container Insights; "enhanced" adds task and container level metrics
    container_insights: Literal["enabled", "enhanced"] = "enabled"
