"""What the CloudHSM rules share: clusters whose VPC resolves.

A cluster whose ``vpc`` names no declared VPC has no tier, AZs or CIDR to check; LZ2024 reports
it and the other rules skip it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lzgen.load import YamlPath
from lzgen.model.cloudhsm import CloudHsmCluster
from lzgen.model.vpc import Vpc
from lzgen.rules.base import RuleContext

# why the HSM VPC has no internet path, and nothing that translates addresses between a client
# and the HSMs (LZ6001)
NO_TRANSLATION = (
    "NAT, load balancers and PrivateLink endpoint services between the client and the HSMs do "
    "not work: they mask the real IPs of the HSM cluster nodes"
)


@dataclass(frozen=True)
class Placed:
    """A cluster (``cloudhsm_clusters[index]``) in declared VPC ``vpcs[vpc_index]``."""

    index: int
    cluster: CloudHsmCluster
    vpc_index: int
    vpc: Vpc

    @property
    def path(self) -> YamlPath:
        return ("cloudhsm_clusters", self.index)

    @property
    def vpc_path(self) -> YamlPath:
        return ("vpcs", self.vpc_index)


def placed(ctx: RuleContext) -> Iterator[Placed]:
    """Every cluster whose VPC is declared."""
    for c, cluster in enumerate(ctx.org.cloudhsm_clusters):
        found = ctx.vpcs.get(cluster.vpc)
        if found is not None:
            yield Placed(c, cluster, *found)


def hsm_vpcs(ctx: RuleContext) -> Iterator[Placed]:
    """The first cluster in each declared VPC: the rules on the HSM VPC itself report each VPC
    once, however many clusters it holds."""
    seen: set[int] = set()
    for p in placed(ctx):
        if p.vpc_index not in seen:
            seen.add(p.vpc_index)
            yield p
