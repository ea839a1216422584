"""VPC peering: one wiring stack per peering, ``peerings/<name>``.

The requester needs the accepter's VPC id and the accepter needs the connection id, so neither
VPC stack can hold the peering without a cycle; a stack of its own after both keeps the DAG
acyclic. It acts in the requester's home (default provider) and, when the accepter lives in
another account or region, in the accepter's home (provider ``aws.accepter``), reads both VPC
stacks' outputs, and routes every route table of each VPC to the other VPC's CIDR.
"""

from __future__ import annotations

from typing import Any

from lzgen.model.vpc import Vpc
from lzgen.model.vpc_peering import VpcPeering
from lzgen.plan.index import PlanIndex
from lzgen.plan.naming import ident
from lzgen.plan.stack import account_local
from lzgen.plan.types import (
    FileSpec,
    ProviderSpec,
    StackPart,
    account_path,
    account_state_name,
    peering_path,
)

ACCEPTER = "accepter"  # provider alias of the accepter's home


def _state_name(vpc: Vpc) -> str:
    """Remote state data name of a VPC's stack (one per stack, even if both VPCs share it)."""
    return account_state_name(vpc.account, vpc.region)


def _side(ctx: dict[str, Any], vpc: Vpc, other: Vpc, provider: str | None) -> dict[str, Any]:
    """One VPC's half (``ctx`` its context): its id from its stack's state, and a route to the
    other VPC's CIDR in every route table it has."""
    outputs = f"data.terraform_remote_state.{_state_name(vpc)}.outputs"
    return {
        "vpc": vpc.name,
        "cidr": vpc.cidr,
        "region": vpc.region,
        "account": vpc.account,
        "provider": provider,
        "peer": other.name,
        "peer_cidr": other.cidr,
        "vpc_id": f"{outputs}.{ctx['id']}_vpc_id",
        "routes": [
            {
                "id": f"{table['id']}_to_{ident(other.name)}",
                "table": table["name"],
                "route_table_id": f"{outputs}.{ctx['id']}_route_table_ids",
                "destination": other.cidr,
            }
            for table in ctx["route_tables"]
        ],
    }


def peering_context(index: PlanIndex, peering: VpcPeering) -> dict[str, Any]:
    vpcs = {v.name: v for v in index.org.vpcs}
    requester, accepter = vpcs[peering.requester], vpcs[peering.accepter]
    same_home = (requester.account, requester.region) == (accepter.account, accepter.region)
    providers = _providers(requester, accepter)
    peering_id = ident(peering.name)
    # Routes and options refer to the acceptance, so they wait until the connection is active.
    connection = (
        f"aws_vpc_peering_connection.{peering_id}.id"
        if same_home
        else f"aws_vpc_peering_connection_accepter.{peering_id}.id"
    )
    requester_side = _side(index.vpc(requester), requester, accepter, None)
    accepter_side = _side(index.vpc(accepter), accepter, requester, None if same_home else ACCEPTER)
    return {
        "id": peering_id,
        "name": peering.name,
        "same_home": same_home,
        "accepter_provider": None if same_home else ACCEPTER,
        "peer_owner_id": account_local(providers, accepter.account),
        "peer_region": None if requester.region == accepter.region else accepter.region,
        "connection_id": connection,
        "requester": requester_side,
        "accepter": accepter_side,
        "sides": [requester_side, accepter_side],
    }


def _providers(requester: Vpc, accepter: Vpc) -> list[ProviderSpec]:
    default = ProviderSpec(None, requester.account, requester.region)
    if (requester.account, requester.region) == (accepter.account, accepter.region):
        return [default]
    return [default, ProviderSpec(ACCEPTER, accepter.account, accepter.region)]


def _resource_count(ctx: dict[str, Any]) -> int:
    """Resource blocks of templates/vpc_peering/vpc_peering.tf.j2."""
    count = 1  # the connection
    count += 1 if ctx["same_home"] else 3  # options; or accepter + options per side
    return count + len(ctx["requester"]["routes"]) + len(ctx["accepter"]["routes"])


def plan_vpc_peerings(index: PlanIndex) -> list[StackPart]:
    vpcs = {v.name: v for v in index.org.vpcs}
    parts: list[StackPart] = []
    for peering in sorted(index.org.vpc_peerings, key=lambda p: p.name):
        ctx = peering_context(index, peering)
        requester, accepter = vpcs[peering.requester], vpcs[peering.accepter]
        homes = {_state_name(v): account_path(v.account, v.region) for v in (requester, accepter)}
        parts.append(
            StackPart(
                peering_path(peering.name),
                (
                    FileSpec("vpc_peering.tf", "vpc_peering/vpc_peering.tf.j2", {"peering": ctx}),
                    FileSpec("outputs.tf", "vpc_peering/outputs.tf.j2", {"peering": ctx}),
                ),
                _resource_count(ctx),
                depends_on=tuple(sorted(set(homes.values()))),
                reads=tuple(sorted(homes.items())),
                providers=tuple(_providers(requester, accepter)),
            )
        )
    return parts
