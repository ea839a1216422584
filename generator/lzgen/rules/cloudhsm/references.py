"""LZ2024: a CloudHSM cluster's names resolve: ``vpc`` a declared VPC, ``tier`` a subnet tier
of that VPC, each ``clients.vpcs`` entry a declared VPC, and each ``clients.peerings`` entry a
declared peering with a VPC outside the organization whose requester is the cluster's VPC
(only such a peering routes the external VPC to the HSMs' subnets)."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.load import YamlPath
from lzgen.model.cloudhsm import CloudHsmCluster
from lzgen.model.vpc_peering import VpcPeering
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.references.placement import placement, vpc_list

CODE = "LZ2024"


def _vpc_names(ctx: RuleContext, cluster: CloudHsmCluster, path: YamlPath) -> Iterator[Diagnostic]:
    what = f"CloudHSM cluster '{cluster.name}'"
    yield from placement(ctx, CODE, what, vpc=cluster.vpc, tier=cluster.tier, path=path)
    clients = (*path, "clients", "vpcs")
    yield from vpc_list(ctx, CODE, what, role="client", names=cluster.clients.vpcs, path=clients)


def _peering_names(
    ctx: RuleContext, cluster: CloudHsmCluster, path: YamlPath
) -> Iterator[Diagnostic]:
    peerings: dict[str, VpcPeering] = {}
    for declared in ctx.org.vpc_peerings:
        peerings.setdefault(declared.name, declared)
    externals = [p.name for p in peerings.values() if p.external is not None]
    for k, name in enumerate(cluster.clients.peerings):
        at = (*path, "clients", "peerings", k)
        peering = peerings.get(name)
        if peering is None:
            yield ctx.doc.diagnostic(
                CODE,
                f"CloudHSM cluster '{cluster.name}' names unknown peering '{name}'",
                at,
                hint=did_you_mean(name, externals)
                if externals
                else f"declare it under vpc_peerings with `requester: {cluster.vpc}` and "
                "`accepter: { external: {...} }`",
            )
        elif peering.external is None:
            yield ctx.doc.diagnostic(
                CODE,
                f"CloudHSM cluster '{cluster.name}' lists peering '{name}' as an external "
                f"client, but it joins VPCs '{peering.requester}' and '{peering.accepter_vpc}' "
                "of the organization",
                at,
                hint="list an organization's VPC under `clients.vpcs` by its name; "
                "`clients.peerings` names peerings with VPCs outside the organization",
            )
        elif peering.requester != cluster.vpc and cluster.vpc in ctx.vpcs:
            yield ctx.doc.diagnostic(
                CODE,
                f"CloudHSM cluster '{cluster.name}' lists external peering '{name}', which is "
                f"requested by VPC '{peering.requester}', not by the cluster's VPC "
                f"'{cluster.vpc}'",
                at,
                hint=f"an external client reaches the HSMs only over a peering with the HSM "
                f"VPC: set `requester: {cluster.vpc}` on peering '{name}', or peer the external "
                "VPC with it in a peering of its own",
            )


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for c, cluster in enumerate(ctx.org.cloudhsm_clusters):
        path: YamlPath = ("cloudhsm_clusters", c)
        yield from _vpc_names(ctx, cluster, path)
        yield from _peering_names(ctx, cluster, path)


RULE = Rule(
    CODE,
    "CloudHSM clusters name declared VPCs, tiers, client VPCs and external peerings of their VPC",
    check,
)
