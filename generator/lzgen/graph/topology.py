"""The landing zone as a picture's parts, from the org file alone (pure; no format here).

Two views. The network: OUs nested as the file nests them, each account in its OU (the
management account and accounts outside every OU at the root), each account's VPCs (CIDR,
region, tiers) and Transit Gateways (route tables), VPNs with their on-premises ranges,
attachments, peerings (an external accepter drawn as a node of its own, marked external) and
RAM shares (subnet tiers and Transit Gateways to the accounts and OUs they are shared with).
The stacks: the dependency DAG of the rendered tree, in apply order.

Every node has an id made of its kind and its name (``vpc_shared_prod``), unique per kind
because names are (LZ2003), so the formats need no bookkeeping of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lzgen.model.vpc_peering import ExternalPeer

if TYPE_CHECKING:  # lzgen.plan's README step draws the network: no import of lzgen.plan here
    from lzgen.model import OrgFile
    from lzgen.model.organization import OrganizationalUnit
    from lzgen.model.vpc import Vpc
    from lzgen.plan.types import LandingZone

ROOT = ""  # the OU path of the organization's root


@dataclass(frozen=True)
class Node:
    id: str
    kind: str  # vpc, tgw, vpn, external, account, stack
    lines: tuple[str, ...]  # the label, a line each; the first names the thing


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str  # attachment, vpn, peering, share, depends
    label: str = ""


@dataclass
class Group:
    """An OU or an account: a box holding nodes and groups. ``id`` is what edges to the OU or
    account point at."""

    id: str
    title: str
    groups: list[Group] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)


@dataclass(frozen=True)
class Picture:
    root: Group
    loose: tuple[Node, ...]  # outside the organization: VPNs' sites, external VPCs
    edges: tuple[Edge, ...]


_NOT_ID = re.compile(r"[^a-z0-9]+")


def gid(kind: str, *parts: str) -> str:
    """A node id that Mermaid and DOT both read bare: lowercase letters, digits and ``_``,
    each run of anything else one ``_``, parts joined by ``__``. Names fold as Terraform
    addresses do (LZ2003 keeps them unique that way), so no two names give one id."""
    return "__".join([kind, *(_NOT_ID.sub("_", p.lower()).strip("_") or "x" for p in parts)])


def account_id(name: str) -> str:
    return gid("account", name)


def ou_id(path: str) -> str:
    return gid("ou", *path.split("/"))


def vpc_id(name: str) -> str:
    return gid("vpc", name)


def tgw_id(name: str) -> str:
    return gid("tgw", name)


def _ous(org: OrgFile) -> tuple[Group, dict[str, Group]]:
    root = Group(
        gid("organization", org.organization.name), f"organization {org.organization.name}"
    )
    by_path = {ROOT: root}

    def add(parent: Group, prefix: str, units: list[OrganizationalUnit]) -> None:
        for unit in units:
            path = f"{prefix}{unit.name}"
            group = Group(ou_id(path), f"OU {unit.name}")
            parent.groups.append(group)
            by_path[path] = group
            add(group, f"{path}/", unit.children)

    add(root, "", org.organizational_units)
    return root, by_path


def _vpc_lines(vpc: Vpc) -> tuple[str, ...]:
    tiers = ", ".join(f"{t.name} ({t.type})" for t in vpc.subnets)
    return (f"VPC {vpc.name}", f"{vpc.cidr} in {vpc.region}", f"tiers: {tiers}")


def network_picture(org: OrgFile) -> Picture:
    root, ous = _ous(org)
    accounts: dict[str, Group] = {}
    for account in org.accounts:
        group = Group(account_id(account.name), f"account {account.name}")
        ous.get(account.ou, root).groups.append(group)
        accounts[account.name] = group

    def holder(name: str) -> Group:
        if name not in accounts:  # the management account, named by the file's resources
            accounts[name] = Group(account_id(name), f"account {name}")
            root.groups.insert(0, accounts[name])
        return accounts[name]

    edges: list[Edge] = []
    loose: list[Node] = []
    for tgw in org.transit_gateways:
        tables = ", ".join(tgw.route_table_names)
        lines = (f"TGW {tgw.name}", f"ASN {tgw.asn} in {tgw.region}", f"route tables: {tables}")
        holder(tgw.account).nodes.append(Node(tgw_id(tgw.name), "tgw", lines))
        for vpn in tgw.vpn_connections:
            site = gid("vpn", tgw.name, vpn.name)
            ranges = ", ".join(vpn.on_premises_cidrs) or "BGP-learned ranges"
            loose.append(Node(site, "vpn", (f"VPN {vpn.name}", f"on premises: {ranges}")))
            edges.append(Edge(site, tgw_id(tgw.name), "vpn", _table(vpn.route_table)))
        edges += _shares(tgw_id(tgw.name), "TGW", tgw.share_with.accounts, tgw.share_with.ous)
    for vpc in org.vpcs:
        holder(vpc.account).nodes.append(Node(vpc_id(vpc.name), "vpc", _vpc_lines(vpc)))
        if vpc.transit_gateway is not None:
            attachment = vpc.transit_gateway
            edges.append(
                Edge(
                    vpc_id(vpc.name),
                    tgw_id(attachment.name),
                    "attachment",
                    _table(attachment.route_table),
                )
            )
        for tier in vpc.subnets:
            if tier.share_with is not None:
                who = tier.share_with
                edges += _shares(vpc_id(vpc.name), f"tier {tier.name}", who.accounts, who.ous)
    for peering in org.vpc_peerings:
        target = peering.accepter
        if isinstance(target, ExternalPeer):
            ext = target.external
            node = gid("external", peering.name)
            lines = (f"external VPC {ext.vpc_id}", f"{ext.cidr} in {ext.region}", ext.account_id)
            loose.append(Node(node, "external", lines))
        else:
            node = vpc_id(target)
        edges.append(Edge(vpc_id(peering.requester), node, "peering", peering.name))
    return Picture(root, tuple(loose), tuple(edges))


def _table(name: str | None) -> str:
    return f"route table {name}" if name else ""


def _shares(source: str, what: str, accounts: list[str], ous: list[str]) -> list[Edge]:
    return [Edge(source, account_id(a), "share", f"RAM: {what}") for a in accounts] + [
        Edge(source, ou_id(o), "share", f"RAM: {what}") for o in ous
    ]


def stacks_picture(lz: LandingZone) -> Picture:
    """The stacks in apply order, an edge from each stack to each one it depends on."""
    root = Group(gid("tree", lz.org_name), f"the {lz.org_name} tree")
    ids = {s.path: gid("stack", *s.path.split("/")) for s in lz.stacks}
    for stack in lz.stacks:
        lines = (stack.path, f"{stack.resource_count} resources")
        root.nodes.append(Node(ids[stack.path], "stack", lines))
    edges = tuple(
        Edge(ids[s.path], ids[upstream], "depends") for s in lz.stacks for upstream in s.depends_on
    )
    return Picture(root, (), edges)
