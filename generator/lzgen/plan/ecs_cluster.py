"""ECS clusters: each in its account's stack, ``accounts/<account>/<region>``, in a file of its
own (``ecs_cluster_<name>.tf``): the cluster with Container Insights and ECS Exec sessions
logged, encrypted with a key of its own, and Fargate (with Fargate Spot available) as its
capacity providers, Fargate the default."""

from __future__ import annotations

from lzgen.model.ecs_cluster import EcsCluster
from lzgen.plan.index import PlanIndex
from lzgen.plan.naming import ident
from lzgen.plan.types import FileSpec, StackPart, account_path

# resource blocks of templates/ecs_cluster/cluster.tf.j2: KMS key and alias, exec log group,
# the cluster, its capacity providers
RESOURCES = 5


def _part(cluster: EcsCluster) -> StackPart:
    ctx = {
        "id": ident("ecs", cluster.name),
        "name": cluster.name,
        "insights": cluster.container_insights,
        "kms_alias": f"alias/lzgen/ecs/{cluster.name}",
        "log_group": f"/aws/ecs/{cluster.name}/exec",
        "region": cluster.region,
    }
    return StackPart(
        account_path(cluster.account, cluster.region),
        (FileSpec(f"ecs_cluster_{cluster.name}.tf", "ecs_cluster/cluster.tf.j2", {"c": ctx}),),
        RESOURCES,
    )


def plan_ecs_clusters(index: PlanIndex) -> list[StackPart]:
    clusters = sorted(index.org.ecs_clusters, key=lambda c: (c.account, c.region, c.name))
    return [_part(c) for c in clusters]
