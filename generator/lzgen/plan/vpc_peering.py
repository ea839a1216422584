"""VPC peering: one wiring stack per peering, ``peerings/<name>``.

The requester needs the accepter's VPC id and the accepter needs the connection id, so neither
VPC stack can hold the peering without a cycle; a stack of its own after both keeps the DAG
acyclic. It acts in the requester's home (default provider) and, when the accepter lives in
another account or region, in the accepter's home (provider ``aws.accepter``), reads both VPC
stacks' outputs, and routes every route table of each VPC to the other VPC's CIDR.

A peering with a VPC outside the organization (``accepter: {external: ...}``) acts in the
requester's home only: it requests the connection (the peer's account id, VPC id and region are
literals from the file; ``auto_accept`` false, since only the peer's owner can accept) and routes
the peer's CIDR in every route table of the requester VPC. AWS takes those routes while the
connection is pending acceptance (they are blackholes until it is active). There is no accepter
resource, and no ``aws_vpc_peering_connection_options``: the provider refuses options on a
connection that is not active yet, so remote DNS resolution is left for after the acceptance.
The stack outputs what the peer's owner must do on their side.
"""

from __future__ import annotations

from typing import Any

from lzgen.hcl import hcl_inner
from lzgen.model.vpc import Vpc
from lzgen.model.vpc_peering import ExternalVpc, VpcPeering
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


def external_context(
    index: PlanIndex, peering: VpcPeering, external: ExternalVpc
) -> dict[str, Any]:
    """A peering with a VPC outside the organization: the requester's half only."""
    vpcs = {v.name: v for v in index.org.vpcs}
    requester = vpcs[peering.requester]
    peering_id = ident(peering.name)
    ctx = index.vpc(requester)
    outputs = f"data.terraform_remote_state.{_state_name(requester)}.outputs"
    providers = [ProviderSpec(None, requester.account, requester.region)]
    return {
        "id": peering_id,
        "name": peering.name,
        "requester": {
            "vpc": requester.name,
            "cidr": requester.cidr,
            "region": requester.region,
            "account": requester.account,
            "account_id": account_local(providers, requester.account),
            "vpc_id": f"{outputs}.{ctx['id']}_vpc_id",
            "routes": [
                {
                    "id": f"{table['id']}_to_{ident(peering.name)}",
                    "table": table["name"],
                    "route_table_id": f"{outputs}.{ctx['id']}_route_table_ids",
                    "destination": external.cidr,
                }
                for table in ctx["route_tables"]
            ],
        },
        "external": external,
        "peer_region": None if requester.region == external.region else external.region,
        "connection_id": f"aws_vpc_peering_connection.{peering_id}.id",
    }


def peer_instructions(peering: VpcPeering, requester: Vpc, connection: str, account: str) -> str:
    """What the external VPC's owner does on their side: ``connection`` is the connection's id
    (or where to find it), ``account`` the requester's account id (or how to find it)."""
    external = peering.external
    assert external is not None
    return (
        f"In account {external.account_id}, region {external.region}: accept VPC peering "
        f"connection {connection} from account {account} (VPC {requester.name}, "
        f"{requester.region}) to VPC {external.vpc_id}, then route {requester.cidr} back "
        f"through it in the route tables of {external.vpc_id}."
    )


_CONNECTION, _ACCOUNT = "@@connection@@", "@@account@@"


def _instructions_hcl(peering: VpcPeering, requester: Vpc, connection: str, account: str) -> str:
    """The instructions as an HCL string template, interpolating the connection id and the
    requester's account id."""
    text = hcl_inner(peer_instructions(peering, requester, _CONNECTION, _ACCOUNT))
    text = text.replace(_CONNECTION, f"${{{connection}}}").replace(_ACCOUNT, f"${{{account}}}")
    return f'"{text}"'


def external_docs(index: PlanIndex) -> list[dict[str, str]]:
    """The README's list of peerings with VPCs outside the organization."""
    vpcs = {v.name: v for v in index.org.vpcs}
    found: list[dict[str, str]] = []
    for peering in sorted(index.org.vpc_peerings, key=lambda p: p.name):
        external = peering.external
        if external is None:
            continue
        requester = vpcs[peering.requester]
        account = index.accounts.get(requester.account)
        account_id = (
            account.id
            if account is not None and account.id
            else f"<id of account {requester.account}>"
        )
        path = peering_path(peering.name)
        connection = f"<output vpc_peering_connection_id of {path}>"
        found.append(
            {
                "name": peering.name,
                "path": path,
                "requester": requester.name,
                "cidr": external.cidr,
                "vpc_id": external.vpc_id,
                "account_id": external.account_id,
                "region": external.region,
                "instructions": peer_instructions(peering, requester, connection, account_id),
            }
        )
    return found


def peering_context(index: PlanIndex, peering: VpcPeering) -> dict[str, Any]:
    vpcs = {v.name: v for v in index.org.vpcs}
    assert peering.accepter_vpc is not None
    requester, accepter = vpcs[peering.requester], vpcs[peering.accepter_vpc]
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


def _external_part(index: PlanIndex, peering: VpcPeering, external: ExternalVpc) -> StackPart:
    requester = {v.name: v for v in index.org.vpcs}[peering.requester]
    ctx = external_context(index, peering, external)
    ctx["instructions"] = _instructions_hcl(
        peering, requester, ctx["connection_id"], ctx["requester"]["account_id"]
    )
    home = account_path(requester.account, requester.region)
    return StackPart(
        peering_path(peering.name),
        (
            FileSpec("vpc_peering.tf", "vpc_peering/external.tf.j2", {"peering": ctx}),
            FileSpec("outputs.tf", "vpc_peering/external_outputs.tf.j2", {"peering": ctx}),
        ),
        1 + len(ctx["requester"]["routes"]),  # the connection and the routes
        depends_on=(home,),
        reads=((_state_name(requester), home),),
        providers=(ProviderSpec(None, requester.account, requester.region),),
    )


def plan_vpc_peerings(index: PlanIndex) -> list[StackPart]:
    vpcs = {v.name: v for v in index.org.vpcs}
    parts: list[StackPart] = []
    for peering in sorted(index.org.vpc_peerings, key=lambda p: p.name):
        if peering.external is not None:
            parts.append(_external_part(index, peering, peering.external))
            continue
        ctx = peering_context(index, peering)
        assert peering.accepter_vpc is not None
        requester, accepter = vpcs[peering.requester], vpcs[peering.accepter_vpc]
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
