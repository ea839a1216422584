"""What the declared network lets reach what: one model for route planning, rules and
``lzgen path``.

The network is the org file's, exactly as lzgen renders it:

- a VPC delivers its own CIDR locally;
- a peering routes each VPC's CIDR in every route table of the other (plan/vpc_peering.py): one
  hop, never transitive;
- a peering with a VPC outside the organization (``accepter: {external: ...}``) routes the
  external CIDR in every route table of the requester VPC; the external VPC (an endpoint named
  after its peering) reaches the requester VPC only, and only if its owner adds the return route
  on their side, which the file cannot see: that hop is assumed and says so;
- a VPC attached to a Transit Gateway routes, in every route table, each CIDR its associated TGW
  route table reaches (``destinations``), collapsed, except its own and its peers'; and the
  default route in private route tables when it has no NAT gateway (central egress);
- a TGW route table holds the CIDRs of the VPCs and BGP VPNs propagating into it, its static
  routes (to an attachment, a VPN or a blackhole), static VPNs' on-premises CIDRs, and the
  isolation blackholes (plan/isolation.py); the longest prefix wins, a static route beats a
  propagated one of equal length, and traffic lands on the target attachment;
- a VPN on a VPC's virtual private gateway reaches that VPC and is reached from it (the VGW
  propagates into every route table), nothing beyond.

``Network.path(a, b)`` traces both directions between two endpoints (VPC names, VPN
connection names, or the names of peerings with external VPCs) and returns the hops, or the
first missing hop with the YAML node where the fix goes. The model tolerates a file with errors
(it ignores what does not resolve), so the rules can ask it before the file is valid.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from lzgen.load import YamlPath
from lzgen.model import OrgFile
from lzgen.model.transit_gateway import TransitGateway, VpnConnection
from lzgen.model.vpc import Vpc
from lzgen.model.vpc_peering import ExternalVpc
from lzgen.plan.isolation import blackholes

Net = ipaddress.IPv4Network
DEFAULT = Net("0.0.0.0/0")


def _net(text: str) -> Net | None:
    try:
        return Net(text)
    except ValueError:
        return None


@dataclass(frozen=True)
class Missing:
    """The first hop a direction lacks: why, what to add, and the node where it goes."""

    reason: str
    fix: str
    at: YamlPath


@dataclass(frozen=True)
class Direction:
    """One way between two endpoints: the hops taken, and the missing one if it stops."""

    source: str
    destination: str
    hops: tuple[str, ...]
    missing: Missing | None = None

    @property
    def reachable(self) -> bool:
        return self.missing is None


@dataclass(frozen=True)
class Path:
    forward: Direction
    back: Direction

    @property
    def reachable(self) -> bool:
        return self.forward.reachable and self.back.reachable


@dataclass(frozen=True)
class Entry:
    """A route in a TGW route table: to ``target`` ("vpc"/"vpn", name) or a blackhole."""

    net: Net
    kind: str  # "vpc", "vpn" or "blackhole"
    target: str  # the VPC or VPN name; for a blackhole what it is
    static: bool
    at: YamlPath  # the node that declares it
    isolation: bool = False  # a blackhole lzgen adds for spoke isolation (plan/isolation.py)


@dataclass(frozen=True)
class Endpoint:
    """A VPC (``vpc`` set), an on-premises site behind a VPN connection (``vpn`` set), or a VPC
    outside the organization (``external`` set, named after its peering with ``requester``)."""

    name: str
    cidrs: tuple[Net, ...]
    vpc: Vpc | None = None
    vpn: VpnConnection | None = None
    tgw: str | None = None  # the TGW a VPN connection is on; None for a VGW VPN
    vgw_vpc: str | None = None  # the VPC whose virtual private gateway carries the VPN
    external: ExternalVpc | None = None
    requester: str | None = None  # the VPC an external VPC is peered with
    at: YamlPath = ()

    def label(self) -> str:
        cidrs = ", ".join(str(c) for c in self.cidrs) or "no declared CIDR"
        kind = "VPC" if self.vpc else "external VPC" if self.external else "VPN"
        return f"{kind} {self.name} ({cidrs})"


class Network:
    def __init__(self, org: OrgFile) -> None:
        self.org = org
        self.vpcs: dict[str, tuple[int, Vpc, Net]] = {}
        for i, vpc in enumerate(org.vpcs):
            net = _net(vpc.cidr)
            if net is not None:
                self.vpcs.setdefault(vpc.name, (i, vpc, net))
        self.tgws: dict[str, tuple[int, TransitGateway]] = {}
        for t, tgw in enumerate(org.transit_gateways):
            self.tgws.setdefault(tgw.name, (t, tgw))
        self.peerings: dict[frozenset[str], tuple[int, str]] = {}  # pair -> (index, name)
        self.peers: dict[str, list[str]] = {}
        # external peering name -> (index, the external VPC, its CIDR, the requester VPC)
        self.externals: dict[str, tuple[int, ExternalVpc, Net, str]] = {}
        self.external_peers: dict[str, list[str]] = {}  # requester VPC -> external peerings
        for k, peering in enumerate(org.vpc_peerings):
            external = peering.external
            if external is not None:
                net = _net(external.cidr)
                known = peering.name in self.externals or peering.name in self.vpcs
                if net is not None and peering.requester in self.vpcs and not known:
                    self.externals[peering.name] = (k, external, net, peering.requester)
                    self.external_peers.setdefault(peering.requester, []).append(peering.name)
                continue
            accepter = peering.accepter_vpc or ""
            pair = frozenset((peering.requester, accepter))
            if len(pair) == 2 and pair <= self.vpcs.keys() and pair not in self.peerings:
                self.peerings[pair] = (k, peering.name)
                self.peers.setdefault(peering.requester, []).append(accepter)
                self.peers.setdefault(accepter, []).append(peering.requester)
        self.attached: dict[str, list[Vpc]] = {name: [] for name in self.tgws}
        for _, vpc, _ in sorted(self.vpcs.values(), key=lambda v: v[1].name):
            if vpc.transit_gateway is not None and vpc.transit_gateway.name in self.attached:
                self.attached[vpc.transit_gateway.name].append(vpc)
        self._tables: dict[tuple[str, str], list[Entry]] = {}
        self._destinations: dict[tuple[str, str], list[str]] = {}
        self._nets: dict[tuple[str, str], list[Net]] = {}

    # --- what route planning asks ------------------------------------------------------------

    def destinations(self, tgw: str, table: str) -> list[str]:
        """CIDRs a TGW route table routes somewhere (not to a blackhole), sorted."""
        key = (tgw, table)
        if key not in self._destinations:
            entries = self.table(tgw, table)
            self._destinations[key] = sorted({str(e.net) for e in entries if e.kind != "blackhole"})
        return self._destinations[key]

    def _destination_nets(self, tgw: str, table: str) -> list[Net]:
        """``destinations`` as networks, parsed once per table (every attached VPC asks)."""
        key = (tgw, table)
        if key not in self._nets:
            self._nets[key] = [Net(c) for c in self.destinations(tgw, table)]
        return self._nets[key]

    def peered_cidrs(self, vpc: str) -> set[Net]:
        """CIDRs of the VPCs ``vpc`` is peered with, external ones too."""
        inside = {self.vpcs[p][2] for p in self.peers.get(vpc, [])}
        return inside | {self.externals[e][2] for e in self.external_peers.get(vpc, [])}

    def tgw_routes(self, vpc: Vpc) -> tuple[list[Net], bool]:
        """What an attached VPC's route tables send to its TGW: the specific CIDRs (collapsed,
        not its own, not its peers'), and whether private route tables get the default route
        (the table reaches 0.0.0.0/0 and the VPC has no NAT gateway)."""
        att = vpc.transit_gateway
        own = _net(vpc.cidr)
        if att is None or own is None or att.name not in self.tgws:
            return [], False
        reachable = self._destination_nets(att.name, att.route_table)
        collapsed = ipaddress.collapse_addresses(
            n for n in reachable if n.prefixlen > 0 and not n.overlaps(own)
        )
        peered = self.peered_cidrs(vpc.name)
        specific = [n for n in collapsed if n not in peered]
        default = any(n.prefixlen == 0 for n in reachable) and vpc.nat_gateways == "none"
        return specific, default

    # --- TGW route tables ----------------------------------------------------------------------

    def table(self, tgw: str, table: str) -> list[Entry]:
        """Every route of a TGW route table, propagated and static, isolation blackholes too."""
        key = (tgw, table)
        if key not in self._tables:
            self._tables[key] = self._entries(tgw, table)
        return self._tables[key]

    def _entries(self, name: str, table: str) -> list[Entry]:
        return [
            *self._propagated(name, table),
            *self._static(name, table),
            *self._isolation(name, table),
        ]

    def _propagated(self, name: str, table: str) -> list[Entry]:
        """Attached VPCs and VPNs propagating into the table (a static VPN's ranges are
        static routes of the tables it propagates to)."""
        t, tgw = self.tgws[name]
        found: list[Entry] = []
        for vpc in self.attached[name]:
            assert vpc.transit_gateway is not None
            if table in vpc.transit_gateway.propagate_to:
                i, _, net = self.vpcs[vpc.name]
                found.append(Entry(net, "vpc", vpc.name, False, _at("vpcs", i, "transit_gateway")))
        for k, vpn in enumerate(tgw.vpn_connections):
            if table in vpn.propagate_to:
                at = _at("transit_gateways", t, "vpn_connections", k)
                static = vpn.routing == "static"
                found.extend(Entry(n, "vpn", vpn.name, static, at) for n in _cidrs(vpn))
        return found

    def _static(self, name: str, table: str) -> list[Entry]:
        t, tgw = self.tgws[name]
        found: list[Entry] = []
        for r, route in enumerate(tgw.routes):
            net = _net(route.cidr)
            if route.route_table != table or net is None:
                continue
            at = ("transit_gateways", t, "routes", r)
            if route.blackhole:
                found.append(Entry(net, "blackhole", "a blackhole route", True, at))
            elif route.vpc is not None:
                found.append(Entry(net, "vpc", route.vpc, True, at))
            elif route.vpn is not None:
                found.append(Entry(net, "vpn", route.vpn, True, at))
        return found

    def _isolation(self, name: str, table: str) -> list[Entry]:
        t, tgw = self.tgws[name]
        return [
            Entry(
                Net(hole.cidr),
                "blackhole",
                f"the isolation blackhole for {hole.vpc} (default route to {hole.egress})",
                True,
                ("transit_gateways", t, "routes"),
                isolation=True,
            )
            for hole in blackholes(tgw, self.attached[name])
            if hole.table == table
        ]

    def lookup(self, tgw: str, table: str, destination: Net) -> Entry | None:
        """The route a TGW route table uses for all of ``destination``: the longest prefix that
        covers it, a static route before a propagated one of equal length."""
        covering = [e for e in self.table(tgw, table) if destination.subnet_of(e.net)]
        if not covering:
            return None
        return max(covering, key=lambda e: (e.net.prefixlen, e.static))

    # --- endpoints -----------------------------------------------------------------------------

    def endpoint(self, name: str) -> Endpoint | None:
        """A VPC by name, else an external VPC by its peering's name, else a VPN connection by
        name (TGW VPNs first, then VGW VPNs)."""
        if name in self.vpcs:
            i, vpc, net = self.vpcs[name]
            return Endpoint(name, (net,), vpc=vpc, at=("vpcs", i))
        if name in self.externals:
            k, external, net, requester = self.externals[name]
            at: YamlPath = ("vpc_peerings", k)
            return Endpoint(name, (net,), external=external, requester=requester, at=at)
        for tgw_name, (t, tgw) in self.tgws.items():
            for k, vpn in enumerate(tgw.vpn_connections):
                if vpn.name == name:
                    path: YamlPath = ("transit_gateways", t, "vpn_connections", k)
                    return Endpoint(name, _cidrs(vpn), vpn=vpn, tgw=tgw_name, at=path)
        for vpc_name, (i, vpc, _) in self.vpcs.items():
            if vpc.vpn_gateway is None:
                continue
            for k, vpn in enumerate(vpc.vpn_gateway.vpn_connections):
                if vpn.name == name:
                    path = ("vpcs", i, "vpn_gateway", "vpn_connections", k)
                    return Endpoint(name, _cidrs(vpn), vpn=vpn, vgw_vpc=vpc_name, at=path)
        return None

    def names(self) -> list[str]:
        """Every endpoint name ``path`` accepts."""
        vpns = [v.name for _, t in self.tgws.values() for v in t.vpn_connections]
        vpns += [
            v.name for _, vpc, _ in self.vpcs.values() if vpc.vpn_gateway
            for v in vpc.vpn_gateway.vpn_connections
        ]  # fmt: skip
        return sorted({*self.vpcs, *self.externals, *vpns})

    # --- tracing -------------------------------------------------------------------------------

    def path(self, source: Endpoint, destination: Endpoint) -> Path:
        return Path(self.direction(source, destination), self.direction(destination, source))

    def direction(self, source: Endpoint, destination: Endpoint) -> Direction:
        if not destination.cidrs:
            assert destination.vpn is not None
            reason = f"{destination.label()}: BGP learns its routes, the file names none"
            fix = f"list its ranges under `on_premises_cidrs` of VPN {destination.name}"
            missing = Missing(reason, fix, destination.at)
            return Direction(source.name, destination.name, (), missing)
        hops: list[str] = []
        for cidr in destination.cidrs:
            stop = self._trace(source, destination, cidr, hops)
            if stop is not None:
                return Direction(source.name, destination.name, tuple(hops), stop)
        return Direction(source.name, destination.name, tuple(dict.fromkeys(hops)))

    def _trace(self, source: Endpoint, dst: Endpoint, cidr: Net, hops: list[str]) -> Missing | None:
        if source.vpc is not None:
            return self._from_vpc(source.vpc, dst, cidr, hops)
        if source.external is not None:
            return self._from_external(source, dst, cidr, hops)
        assert source.vpn is not None
        if source.vgw_vpc is not None:  # on premises -> the VGW's own VPC, nothing beyond
            if dst.vpc is not None and dst.vpc.name == source.vgw_vpc:
                hops.append(f"VPN {source.name} -> virtual private gateway of {dst.name}")
                return None
            reason = (
                f"VPN {source.name} ends on the virtual private gateway of VPC "
                f"{source.vgw_vpc}, which delivers only to that VPC, not to {dst.label()}"
            )
            fix = "move the VPN to a transit gateway both attach to"
            return Missing(reason, fix, source.at)
        assert source.tgw is not None
        if source.vpn.route_table is None:
            reason = f"VPN {source.name} is associated with no route table of {source.tgw}"
            fix = f"set `route_table:` on VPN {source.name}"
            return Missing(reason, fix, source.at)
        label = f"VPN {source.name} -> transit gateway {source.tgw}"
        hops.append(label)
        return self._through_tgw(source.tgw, source.vpn.route_table, dst, cidr, hops)

    def _from_vpc(self, vpc: Vpc, dst: Endpoint, cidr: Net, hops: list[str]) -> Missing | None:
        hop = self._own_or_peered(vpc, cidr)
        if hop is not None:
            hops.append(hop)
            return None
        if dst.external is not None:  # over a peering or a TGW, never beyond the requester
            reason = (
                f"{dst.label()} is peered only with {dst.requester}, not with {vpc.name}, and "
                "peering is not transitive"
            )
            fix = f"peer {vpc.name} with that external VPC too, under `vpc_peerings`"
            return Missing(reason, fix, ("vpcs", self.vpcs[vpc.name][0]))
        if dst.vgw_vpc == vpc.name:
            hops.append(f"{vpc.name} route tables: {cidr} -> virtual private gateway -> {dst.name}")
            return None
        att = vpc.transit_gateway
        if att is None or att.name not in self.tgws:
            return self._unconnected(vpc, dst)
        entry = self.lookup(att.name, att.route_table, cidr)
        if entry is not None and entry.net.prefixlen == 0 and vpc.nat_gateways != "none":
            reason = (
                f"route table {att.route_table} of transit gateway {att.name} reaches {cidr} "
                f"only by its default route, and {vpc.name} sends its default route to its NAT "
                "gateways, not to the transit gateway"
            )
            return Missing(reason, *self._propagate_fix(att.name, att.route_table, dst))
        specific, default = self.tgw_routes(vpc)
        if default or any(cidr.subnet_of(n) for n in specific):
            hops.append(f"{vpc.name} route tables: {cidr} -> transit gateway {att.name}")
        # else the VPC has no route either: the TGW table lacking one is the hop to report
        return self._through_tgw(att.name, att.route_table, dst, cidr, hops)

    def _own_or_peered(self, vpc: Vpc, cidr: Net) -> str | None:
        """The hop when ``vpc`` delivers ``cidr`` itself or sends it over one of its peerings."""
        if cidr.subnet_of(self.vpcs[vpc.name][2]):
            return f"{vpc.name} delivers {cidr} locally"
        for peer in self.peers.get(vpc.name, []):
            if cidr.subnet_of(self.vpcs[peer][2]):
                name = self.peerings[frozenset((vpc.name, peer))][1]
                return f"{vpc.name} route tables: {cidr} -> peering {name} -> {peer}"
        for name in self.external_peers.get(vpc.name, []):
            _, external, net, _ = self.externals[name]
            if cidr.subnet_of(net):
                return (
                    f"{vpc.name} route tables: {cidr} -> peering {name} -> external VPC "
                    f"{external.vpc_id} (account {external.account_id}, {external.region})"
                )
        return None

    def _from_external(
        self, source: Endpoint, dst: Endpoint, cidr: Net, hops: list[str]
    ) -> Missing | None:
        """An external VPC reaches its requester VPC over its peering, if its owner routes it
        (their side, outside the file), and nothing beyond."""
        requester = source.requester
        assert requester is not None
        if dst.vpc is not None and dst.name == requester:
            hops.append(
                f"{source.name} route tables (peer's side: outside the file): {cidr} -> peering "
                f"{source.name} -> {requester}; that return route is the peer's to add"
            )
            return None
        reason = (
            f"{source.label()} is peered only with {requester}, not with {dst.label()}, and "
            "peering is not transitive"
        )
        fix = (
            f"peer {dst.name} with that external VPC too, under `vpc_peerings`"
            if dst.vpc is not None
            else "no path: an external VPC reaches only the VPC it is peered with"
        )
        return Missing(reason, fix, source.at)

    def _through_tgw(
        self, tgw: str, table: str, dst: Endpoint, cidr: Net, hops: list[str]
    ) -> Missing | None:
        entry = self.lookup(tgw, table, cidr)
        where = f"route table {table} of transit gateway {tgw}"
        if entry is None:
            reason = f"{where} has no route to {cidr} ({dst.label()})"
            return Missing(reason, *self._propagate_fix(tgw, table, dst))
        if entry.isolation:
            reason = f"{where} drops {cidr}: {entry.target}"
            return Missing(reason, *self._propagate_fix(tgw, table, dst))
        if entry.kind == "blackhole":
            reason = f"{where} drops {cidr}: its blackhole route to {entry.net}"
            fix = f"remove the blackhole route, or add a more specific route to {dst.name}"
            return Missing(reason, fix, entry.at)
        kind = "static route" if entry.static else "propagated route"
        arrives = (entry.kind == "vpc" and dst.vpc is not None and entry.target == dst.name) or (
            entry.kind == "vpn" and dst.vpn is not None and entry.target == dst.name
        )
        if not arrives:
            target = f"{'VPC' if entry.kind == 'vpc' else 'VPN'} {entry.target}"
            reason = f"{where} sends {cidr} to {target} ({kind} {entry.net}), not to {dst.name}"
            return Missing(reason, *self._propagate_fix(tgw, table, dst))
        hops.append(f"{where}: {cidr} -> {dst.name} ({kind} {entry.net})")
        return None

    def _propagate_fix(self, tgw: str, table: str, dst: Endpoint) -> tuple[str, YamlPath]:
        """What makes route table ``table`` of ``tgw`` reach ``dst``, and where it goes."""
        if dst.vpn is not None:
            return f"add `{table}` to `propagate_to` of VPN {dst.name}", (*dst.at, "propagate_to")
        assert dst.vpc is not None
        att = dst.vpc.transit_gateway
        if att is None or att.name != tgw:
            fix = f"attach VPC {dst.name} to transit gateway {tgw} (`transit_gateway:`)"
            return fix, dst.at
        fix = (
            f"add `{table}` to `propagate_to` of VPC {dst.name}'s transit_gateway, or a static "
            f"route to it in route table {table}"
        )
        return fix, (*dst.at, "transit_gateway", "propagate_to")

    def _unconnected(self, vpc: Vpc, dst: Endpoint) -> Missing:
        via = [p for p in self.peers.get(vpc.name, []) if dst.name in self.peers.get(p, [])]
        if via:
            reason = (
                f"{vpc.name} and {dst.name} are not peered and share no transit gateway; "
                f"{vpc.name} is peered with {via[0]}, which is peered with {dst.name}, but "
                "peering is not transitive"
            )
        else:
            reason = (
                f"{vpc.name} has no route to {dst.label()}: not peered with it and not "
                "attached to a transit gateway that reaches it"
            )
        fix = (
            f"peer {vpc.name} with {dst.name} under `vpc_peerings`, or attach both to one "
            "transit gateway"
        )
        if dst.vpn is not None:
            fix = f"attach {vpc.name} to the transit gateway VPN {dst.name} is on"
        return Missing(reason, fix, ("vpcs", self.vpcs[vpc.name][0]))

    # --- internet egress ----------------------------------------------------------------------

    def internet_egress(self, name: str) -> str | None:
        """How a VPC's private subnets reach the internet (AWS public endpoints such as SSM):
        its own NAT gateways, or its TGW's default route to an egress VPC with NAT gateways;
        None when they cannot."""
        vpc = self.vpcs[name][1] if name in self.vpcs else None
        # isolated subnets route nowhere beyond the network, public ones to the IGW
        if vpc is None or not any(tier.type == "private" for tier in vpc.subnets):
            return None
        if vpc.nat_gateways != "none":
            return f"the NAT gateways of {name}"
        _, default = self.tgw_routes(vpc)
        att = vpc.transit_gateway
        entry = self.lookup(att.name, att.route_table, DEFAULT) if default and att else None
        known = entry is not None and entry.kind == "vpc" and entry.target in self.vpcs
        egress = self.vpcs[entry.target][1] if entry is not None and known else None
        if att is None or egress is None or egress.nat_gateways == "none":
            return None
        return f"transit gateway {att.name} to the NAT gateways of {egress.name}"


def _at(*path: str | int) -> YamlPath:
    """The ``propagate_to`` list under a VPC's attachment or a VPN connection."""
    return (*path, "propagate_to")


def _cidrs(vpn: VpnConnection) -> tuple[Net, ...]:
    return tuple(n for c in vpn.on_premises_cidrs if (n := _net(c)) is not None)
