"""Transit Gateways: the hub and the spokes' attachments.

Two kinds of stack part, split by concern, so that the stack DAG stays acyclic across accounts
and no stack grows with the number of spokes:

1. hub (its own stack ``transit-gateways/<name>`` in the owner account, applied after the owner's
   VPC stack, whose state gives the owner's VPC, subnet and route table ids): the TGW with
   default association and propagation off, its route tables, the RAM share of the TGW,
   site-to-site VPNs, the owner's own VPC attachments with their associations, propagations and
   VPC routes, static routes that point at the owner's attachments, VPNs or a blackhole, and
   the isolation blackholes for the owner's VPCs (plan/isolation.py);
2. spoke (each other account's stack, applied after the hub, whose state gives the TGW and route
   table ids): the VPC attachment request; its acceptance, association, propagations, the
   static routes to it and the isolation blackholes for its CIDR, made in the owner account
   through a provider alias; and the VPC's routes to the TGW, once the attachment is accepted.

Every attached VPC gets, in each of its route tables, a route via the TGW to each CIDR its
associated TGW route table can reach (propagated VPCs and VPNs, static routes), collapsed; a
default route only in private route tables of VPCs without NAT gateways (central egress). A VPC
peered with another routes that VPC's CIDR over the peering (plan/vpc_peering.py) and not also
via the TGW: a route table holds one route per destination.
"""

from __future__ import annotations

from typing import Any

from lzgen.model import OrgFile
from lzgen.model.transit_gateway import TransitGateway
from lzgen.model.vpc import Vpc
from lzgen.plan.index import PlanIndex
from lzgen.plan.isolation import blackholes
from lzgen.plan.naming import ident
from lzgen.plan.sharing import principal_reads, principals
from lzgen.plan.types import (
    FileSpec,
    ProviderSpec,
    StackPart,
    account_path,
    account_state_name,
    transit_gateway_path,
)

DEFAULT_ROUTE = "0.0.0.0/0"


def _attached(org: OrgFile, tgw: TransitGateway) -> list[Vpc]:
    return sorted(
        (v for v in org.vpcs if v.transit_gateway and v.transit_gateway.name == tgw.name),
        key=lambda v: v.name,
    )


def _vpc_routes(index: PlanIndex, vpc: Vpc, ctx: dict[str, Any]) -> list[dict[str, Any]]:
    """Routes via the TGW for every route table of an attached VPC: what the reachability
    model says its route tables send to the TGW (not its peers' CIDRs, which the peering
    routes)."""
    specific, default = index.network.tgw_routes(vpc)
    routes: list[dict[str, Any]] = []
    for table in ctx["route_tables"]:
        destinations = [str(n) for n in specific]
        if default and table["kind"] == "private":
            destinations.insert(0, DEFAULT_ROUTE)
        routes.extend(
            {
                "id": ident(table["id"], "tgw", d),
                "table_id": table["id"],
                "table_name": table["name"],
                "cidr": d,
            }
            for d in destinations
        )
    return routes


def _attachment(index: PlanIndex, tgw: TransitGateway, vpc: Vpc) -> dict[str, Any]:
    assert vpc.transit_gateway is not None
    att = vpc.transit_gateway
    ctx = index.vpc(vpc)
    return {
        "id": ident(tgw.name, vpc.name),
        "vpc": ctx["id"],
        "vpc_name": vpc.name,
        "account": vpc.account,
        "home": account_path(vpc.account, vpc.region),
        "subnets": [s["id"] for s in ctx["subnets"] if s["tier"] == att.subnets],
        "tier": att.subnets,
        "appliance_mode": "enable" if att.appliance_mode else "disable",
        "route_table": ident(tgw.name, att.route_table),
        "route_table_name": att.route_table,
        "propagations": [
            {"id": ident(tgw.name, vpc.name, t), "table": ident(tgw.name, t), "table_name": t}
            for t in att.propagate_to
        ],
        "routes": _vpc_routes(index, vpc, ctx),
    }


def _vpns(tgw: TransitGateway) -> list[dict[str, Any]]:
    vpns = []
    for vpn in tgw.vpn_connections:
        vid = ident(tgw.name, "vpn", vpn.name)
        static = (
            [
                {
                    "id": ident(tgw.name, t, "vpn", vpn.name, c),
                    "table": ident(tgw.name, t),
                    "cidr": c,
                }
                for t in vpn.propagate_to
                for c in vpn.on_premises_cidrs
            ]
            if vpn.routing == "static"
            else []
        )
        vpns.append(
            {
                "id": vid,
                "name": vpn.name,
                "ip": vpn.customer_gateway.ip,
                "asn": vpn.customer_gateway.asn,
                "static": vpn.routing == "static",
                "accelerated": vpn.accelerated,
                "route_table": ident(tgw.name, vpn.route_table) if vpn.route_table else None,
                "propagations": []
                if vpn.routing == "static"
                else [
                    {"id": ident(tgw.name, "vpn", vpn.name, t), "table": ident(tgw.name, t)}
                    for t in vpn.propagate_to
                ],
                "static_routes": static,
            }
        )
    return vpns


def _static_routes(
    tgw: TransitGateway, owner: set[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(hub routes, spoke routes): routes to a spoke's attachment live with its acceptance."""
    hub: list[dict[str, Any]] = []
    spoke: list[dict[str, Any]] = []
    for route in tgw.routes:
        target = route.vpc or (f"vpn {route.vpn}" if route.vpn else "blackhole")
        entry = {
            "id": ident(tgw.name, route.route_table, route.cidr),
            "table": ident(tgw.name, route.route_table),
            "table_name": route.route_table,
            "cidr": route.cidr,
            "blackhole": route.blackhole,
            "vpc": ident(tgw.name, route.vpc) if route.vpc else None,
            "vpn": ident(tgw.name, "vpn", route.vpn) if route.vpn else None,
            "target": target,
        }
        (spoke if route.vpc and route.vpc not in owner else hub).append(entry)
    return hub, spoke


def _blackholes(tgw: TransitGateway, attached: list[Vpc]) -> dict[str, list[dict[str, Any]]]:
    """VPC name -> the isolation blackholes for its CIDR (plan/isolation.py)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for hole in blackholes(tgw, attached):
        found.setdefault(hole.vpc, []).append(
            {
                "id": ident(tgw.name, hole.table, hole.vpc, "blackhole"),
                "table": ident(tgw.name, hole.table),
                "table_name": hole.table,
                "cidr": hole.cidr,
                "vpc_name": hole.vpc,
                "egress": hole.egress,
            }
        )
    return found


def plan_transit_gateways(index: PlanIndex) -> list[StackPart]:
    parts: list[StackPart] = []
    for tgw in index.org.transit_gateways:
        parts.extend(_plan_one(index, tgw))
    return parts


def _plan_one(index: PlanIndex, tgw: TransitGateway) -> list[StackPart]:
    org = index.org
    hub_path = transit_gateway_path(tgw.name)
    # "<name>_tgw" can never be an account stack's "<account>_<region>": no region is "tgw"
    hub_remote = ident(tgw.name, "tgw")
    owner_path = account_path(tgw.account, tgw.region)
    owner_remote = account_state_name(tgw.account, tgw.region)
    attached = _attached(org, tgw)
    attachments = [_attachment(index, tgw, v) for v in attached]
    owned = [a for a in attachments if a["account"] == tgw.account]
    spokes = [a for a in attachments if a["account"] != tgw.account]
    hub_routes, spoke_routes = _static_routes(tgw, {a["vpc_name"] for a in owned})
    holes = _blackholes(tgw, attached)
    hub_holes = [h for a in owned for h in holes.get(a["vpc_name"], [])]
    shared = principals(index, tgw.share_with)
    vpns = _vpns(tgw)
    tgw_id = ident(tgw.name)
    hub_ctx = {
        "id": tgw_id,
        "name": tgw.name,
        "account": tgw.account,
        "asn": tgw.asn,
        "route_tables": [{"id": ident(tgw.name, t), "name": t} for t in tgw.route_table_names],
        "principals": shared,
        "attachments": owned,
        "vpns": vpns,
        "routes": hub_routes,
        "blackholes": hub_holes,
        "owner_remote": owner_remote,
    }
    # the owner's attached VPCs come from its VPC stack
    owner_reads = ((owner_remote, owner_path),) if owned else ()
    hub_resources = (
        1
        + len(tgw.route_table_names)
        + (2 + len(shared) if shared else 0)
        + sum(2 + len(a["propagations"]) + len(a["routes"]) for a in owned)
        + sum(
            2 + int(bool(v["route_table"])) + len(v["propagations"]) + len(v["static_routes"])
            for v in vpns
        )
        + len(hub_routes)
        + len(hub_holes)
    )
    parts = [
        StackPart(
            hub_path,
            (
                FileSpec(
                    f"transit_gateway_{tgw.name}.tf", "transit_gateway/hub.tf.j2", {"tgw": hub_ctx}
                ),
                FileSpec("outputs.tf", "transit_gateway/hub_outputs.tf.j2", {"tgw": hub_ctx}),
            ),
            hub_resources,
            depends_on=tuple(path for _, path in owner_reads),
            reads=(*principal_reads(index, tgw.share_with), *owner_reads),
            providers=(ProviderSpec(None, tgw.account, tgw.region),),
        )
    ]
    hub_alias = owner_remote  # the spokes' provider into the owner account, named alike
    routes_to: dict[str, list[dict[str, Any]]] = {}
    for route in spoke_routes:
        routes_to.setdefault(route["vpc"], []).append(route)
    for spoke in spokes:
        static = routes_to.get(spoke["id"], [])
        isolation = holes.get(spoke["vpc_name"], [])
        ctx = {
            "tgw": hub_ctx,
            "attachment": spoke,
            "static_routes": static,
            "blackholes": isolation,
            "hub_remote": hub_remote,
            "hub_alias": hub_alias,
        }
        parts.append(
            StackPart(
                spoke["home"],
                (
                    FileSpec(
                        f"transit_gateway_{tgw.name}_{spoke['vpc_name']}.tf",
                        "transit_gateway/spoke.tf.j2",
                        ctx,
                    ),
                    FileSpec("outputs.tf", "transit_gateway/spoke_outputs.tf.j2", ctx),
                ),
                # request, acceptance, association, then propagations, routes and blackholes
                3
                + len(spoke["propagations"])
                + len(spoke["routes"])
                + len(static)
                + len(isolation),
                depends_on=(hub_path,),
                reads=((hub_remote, hub_path),),
                providers=(ProviderSpec(hub_alias, tgw.account, tgw.region),),
            )
        )
    return parts
