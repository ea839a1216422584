"""Reachability computed from the offline plan JSON of every stack of a rendered tree.

The network is read from the plans only: VPCs and subnets, VPC route tables (``aws_route``
and inline ``aws_route_table`` routes, subnet associations), NAT and internet gateways,
peerings, and the Transit Gateway's route tables (static routes including blackholes,
propagations, associations), whichever stack made them. A reference resolves in its own stack
(``aws_route_table.x``) or through ``terraform_remote_state`` into the upstream stack whose
output names the resource; map outputs are keyed by the resource's ``Name`` tag (a TGW route
table's ``<tgw>-<key>``) or, for subnets by tier, its ``Tier`` tag.

A packet is traced hop by hop with longest-prefix match: a subnet's route table (the VPC's
``local`` route included), then the target: ``local`` delivers in the VPC, a peering only to the
peer VPC's CIDR (never transitively), a NAT gateway forwards from its own subnet, an internet
gateway is the internet, the TGW looks the destination up in the route table associated with
the VPC's attachment (a static route beats a propagated one of equal length; a blackhole
drops) and hands the packet to the target attachment's subnet in the same AZ (else its first).
"""

from __future__ import annotations

import ipaddress
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conftest import Plan
from lzgen.offline import PLAN_JSON

Key = tuple[str, str]  # (kind, name): ("rt", "app-a-vpc-private-a"), ("att", "dev-vpc"), ...
Net = ipaddress.IPv4Network

_KINDS = {
    "aws_vpc": "vpc",
    "aws_subnet": "subnet",
    "aws_route_table": "rt",
    "aws_ec2_transit_gateway": "tgw",
    "aws_ec2_transit_gateway_route_table": "tgw_rt",
    "aws_nat_gateway": "nat",
    "aws_internet_gateway": "igw",
    "aws_vpc_peering_connection": "pcx",
    "aws_network_interface": "eni",
}
_TARGETS = (
    "transit_gateway_id",
    "nat_gateway_id",
    "gateway_id",
    "vpc_peering_connection_id",
    "network_interface_id",
)
_REMOTE = re.compile(r'^data\.terraform_remote_state\.([^.]+)\.outputs\.([^.\[]+)(?:\["(.+)"\])?$')


@dataclass
class Trace:
    end: Key | None  # ("vpc", name), ("internet", ""), or None: dropped
    hops: list[str] = field(default_factory=list)

    def via(self, kind: str) -> bool:
        return any(h.split(" -> ", 1)[-1].startswith(kind + " ") for h in self.hops)


class Network:
    def __init__(self, manifest: dict[str, Any], plans: Path) -> None:
        self.reads = {s["path"]: s.get("reads", {}) for s in manifest["stacks"]}
        self.plans = {
            s["path"]: Plan(json.loads((plans / s["path"] / PLAN_JSON).read_text()))
            for s in manifest["stacks"]
        }
        self.vpcs: dict[str, Net] = {}
        self.subnets: dict[str, tuple[str, str, Net]] = {}  # name -> (vpc, az, cidr)
        self.subnet_rt: dict[str, str] = {}
        self.routes: dict[str, list[tuple[Net, Key]]] = {}
        self.nat_subnet: dict[str, str] = {}
        self.peerings: dict[str, tuple[str, str]] = {}
        self.attachments: dict[str, list[str]] = {}  # VPC name (or vpn:<name>) -> subnets
        self.associated: dict[str, str] = {}  # attachment -> TGW route table
        self.tgw_routes: dict[str, list[tuple[Net, Key]]] = {}  # static routes
        self.propagated: dict[str, set[str]] = {}  # TGW route table -> attachments
        for path, plan in self.plans.items():
            for address in plan.config:
                self._read_vpc(path, plan, address)
                self._read_tgw(path, plan, address)

    # --- references ---------------------------------------------------------------------

    def _name(self, plan: Plan, address: str) -> str:
        name: str = plan.planned[address]["tags"]["Name"]
        return name

    def key(self, path: str, address: str) -> Key:
        plan = self.plans[path]
        kind = address.split(".", 1)[0]
        if kind == "aws_ec2_transit_gateway_vpc_attachment":
            return ("att", self.one(path, address, "vpc_id")[1])
        if kind in (
            "aws_ec2_transit_gateway_vpc_attachment_accepter",
            "aws_vpc_peering_connection_accepter",
        ):
            attribute = "transit_gateway_attachment_id"
            if kind == "aws_vpc_peering_connection_accepter":
                attribute = "vpc_peering_connection_id"
            return self.one(path, address, attribute)
        if kind == "aws_vpn_connection":
            return ("att", "vpn:" + self._name(plan, address))
        return (_KINDS.get(kind, kind), self._name(plan, address))

    def resolve(self, path: str, address: str, attribute: str) -> list[Key]:
        """What ``attribute`` of ``address`` refers to: resources of the stack, else the
        resources an upstream output names."""
        plan = self.plans[path]
        refs = plan.references(address, attribute)
        own = [r for r in refs if r in plan.config and not r.startswith("data.")]
        if own:
            return list(dict.fromkeys(self.key(path, r) for r in own))
        for ref in refs:
            match = _REMOTE.match(ref)
            if match:
                return self._remote(path, *match.groups())
        return []

    def one(self, path: str, address: str, attribute: str) -> Key:
        found = self.resolve(path, address, attribute)
        assert len(found) == 1, f"{path}: {address}.{attribute} -> {found}"
        return found[0]

    def _remote(self, path: str, remote: str, output: str, key: str | None) -> list[Key]:
        upstream = self.reads[path][remote]
        plan = self.plans[upstream]
        outputs = plan.data["configuration"]["root_module"]["outputs"]
        named = [r for r in outputs[output]["expression"]["references"] if r in plan.config]
        if key is not None:
            named = [a for a in named if _keyed(plan.planned[a].get("tags", {}), key)]
        assert named, f"{upstream}: output {output}[{key}] names no resource"
        return list(dict.fromkeys(self.key(upstream, a) for a in named))

    # --- reading the plans ----------------------------------------------------------------

    def _read_vpc(self, path: str, plan: Plan, address: str) -> None:
        kind = address.split(".", 1)[0]
        values = plan.planned.get(address, {})
        if kind == "aws_vpc":
            self.vpcs[self._name(plan, address)] = Net(values["cidr_block"])
        elif kind == "aws_subnet":
            vpc = self.one(path, address, "vpc_id")[1]
            cidr = Net(values["cidr_block"])
            self.subnets[self._name(plan, address)] = (vpc, values["availability_zone"], cidr)
        elif kind == "aws_route_table_association" and plan.references(address, "subnet_id"):
            subnet = self.one(path, address, "subnet_id")[1]
            self.subnet_rt[subnet] = self.one(path, address, "route_table_id")[1]
        elif kind == "aws_route_table":
            rt = self._name(plan, address)
            for block in plan.config[address]["expressions"].get("route", []):
                self._route(rt, block, lambda a: self.resolve(path, address, a))
        elif kind == "aws_route" and values.get("destination_cidr_block"):
            rt = self.one(path, address, "route_table_id")[1]
            block = {"destination_cidr_block": {"constant_value": values["destination_cidr_block"]}}
            block |= plan.config[address]["expressions"]
            self._route(rt, block, lambda a: self.resolve(path, address, a))
        elif kind == "aws_nat_gateway":
            self.nat_subnet[self._name(plan, address)] = self.one(path, address, "subnet_id")[1]
        elif kind == "aws_vpc_peering_connection":
            sides = (self.one(path, address, "vpc_id")[1], self.one(path, address, "peer_vpc_id"))
            self.peerings[self._name(plan, address)] = (sides[0], sides[1][1])

    def _read_tgw(self, path: str, plan: Plan, address: str) -> None:
        kind = address.split(".", 1)[0]
        values = plan.planned.get(address, {})
        if kind == "aws_ec2_transit_gateway_vpc_attachment":
            vpc = self.one(path, address, "vpc_id")[1]
            self.attachments[vpc] = [s for _, s in self.resolve(path, address, "subnet_ids")]
        elif kind == "aws_ec2_transit_gateway_route_table_association":
            att = self.one(path, address, "transit_gateway_attachment_id")[1]
            self.associated[att] = self.one(path, address, "transit_gateway_route_table_id")[1]
        elif kind == "aws_ec2_transit_gateway_route_table_propagation":
            att = self.one(path, address, "transit_gateway_attachment_id")[1]
            table = self.one(path, address, "transit_gateway_route_table_id")[1]
            self.propagated.setdefault(table, set()).add(att)
        elif kind == "aws_ec2_transit_gateway_route":
            table = self.one(path, address, "transit_gateway_route_table_id")[1]
            target = ("blackhole", "")
            if not values.get("blackhole"):
                target = self.one(path, address, "transit_gateway_attachment_id")
            net = Net(values["destination_cidr_block"])
            self.tgw_routes.setdefault(table, []).append((net, target))

    def _route(self, rt: str, block: dict[str, Any], resolve: Callable[[str], list[Key]]) -> None:
        destination = block.get("destination_cidr_block", {}).get("constant_value")
        if not destination:
            return
        for attribute in _TARGETS:
            if attribute in block:
                found = resolve(attribute) or [(attribute, "?")]
                self.routes.setdefault(rt, []).append((Net(destination), found[0]))
                return

    # --- tracing --------------------------------------------------------------------------

    def sample(self, vpc: str) -> list[ipaddress.IPv4Address]:
        """One address in each subnet of ``vpc`` (the first after the four AWS reserves)."""
        return [c.network_address + 4 for v, _, c in self.subnets.values() if v == vpc]

    def subnets_of(self, vpc: str) -> list[str]:
        return sorted(s for s, (v, _, _) in self.subnets.items() if v == vpc)

    def trace(self, subnet: str, dst: ipaddress.IPv4Address) -> Trace:
        trace = Trace(None, [f"subnet {subnet}"])
        for _ in range(16):
            vpc, az, _ = self.subnets[subnet]
            rt = self.subnet_rt.get(subnet, "?")
            entries = [(self.vpcs[vpc], ("local", vpc)), *self.routes.get(rt, [])]
            target = _longest(dst, [(n, 0, t) for n, t in entries])
            trace.hops.append(f"{rt} -> {target[0]} {target[1]}" if target else f"{rt}: none")
            if target is None or target[0] in ("eni", "?"):
                return trace
            kind, name = target
            if kind == "local":
                trace.end = ("vpc", vpc)
                return trace
            if kind == "igw":
                trace.end = ("internet", "")
                return trace
            if kind == "nat":
                subnet = self.nat_subnet[name]
                continue
            if kind == "pcx":
                peer = next(s for s in self.peerings[name] if s != vpc)
                if dst in self.vpcs[peer]:
                    trace.end = ("vpc", peer)
                return trace
            table = self.associated.get(vpc, "?")
            static = [(n, 1, t) for n, t in self.tgw_routes.get(table, [])]
            # VPNs propagate BGP routes, which the plan does not know
            propagated = [
                (self.vpcs[a], 0, ("att", a))
                for a in self.propagated.get(table, ())
                if a in self.vpcs
            ]
            hop = _longest(dst, static + propagated)
            trace.hops.append(f"{table} -> {hop[0]} {hop[1]}" if hop else f"{table}: none")
            if hop is None or hop[0] != "att" or hop[1] not in self.attachments:
                return trace
            landing = self.attachments[hop[1]]
            same_az = [s for s in landing if self.subnets[s][1] == az]
            subnet = (same_az or landing)[0]
        trace.hops.append("loop")
        return trace


def _keyed(tags: dict[str, str], key: str) -> bool:
    name = tags.get("Name", "")
    return name == key or name.endswith(f"-{key}") or tags.get("Tier") == key


def _longest(dst: ipaddress.IPv4Address, entries: list[tuple[Net, int, Key]]) -> Key | None:
    """Longest-prefix match; on equal length the higher rank (a static TGW route) wins."""
    matching = [(n.prefixlen, rank, t) for n, rank, t in entries if dst in n]
    return max(matching)[2] if matching else None
