"""Renames: an account, VPC, tier, Transit Gateway, route table or peering given the name it
had (``renamed_from``), and the same file as it was before, with the old names back.

Render compares the landing zone of the file with the one of its previous version
(``previous_org``) and writes Terraform ``moved`` blocks for the resources whose address the
rename changed (lzgen.moves), so a rename plans as moves, never as destroy and re-create.

The previous version is this file with each renamed thing's name put back, and every reference
to it: account, VPC, Transit Gateway and peering names wherever a value names them (the
attachment's ``transit_gateway.name`` included), a tier only inside its VPC and where a mapping
names that VPC with a ``tier``, a route table only inside its Transit Gateway and in the
attachments to it. ``renamed_from`` itself is dropped, so the previous version names no rename.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lzgen.load import YamlPath
from lzgen.model.document import OrgFile
from lzgen.model.transit_gateway import RouteTable

# keys whose values name tiers, or route tables: only a tier or route table rename touches them
TIER_KEYS = frozenset({"subnets", "tier", "appliance_tier", "protected_tiers", "subnet_tier"})
ROUTE_TABLE_KEYS = frozenset({"route_table", "propagate_to"})


@dataclass(frozen=True)
class Rename:
    """``kind`` is account, vpc, tier, transit_gateway, route_table or peering; ``scope`` the
    VPC of a tier, the Transit Gateway of a route table; ``at`` the renamed thing's YAML path."""

    kind: str
    old: str
    new: str
    at: YamlPath
    scope: str | None = None

    @property
    def label(self) -> str:
        where = f" of {self.scope}" if self.scope else ""
        return f"{self.kind.replace('_', ' ')} {self.old}{where} -> {self.new}"


def renames(org: OrgFile) -> list[Rename]:
    """Every ``renamed_from`` in the file, in YAML order."""
    found = [
        Rename("account", a.renamed_from, a.name, ("accounts", i))
        for i, a in enumerate(org.accounts)
        if a.renamed_from
    ]
    for i, vpc in enumerate(org.vpcs):
        if vpc.renamed_from:
            found.append(Rename("vpc", vpc.renamed_from, vpc.name, ("vpcs", i)))
        found += [
            Rename("tier", t.renamed_from, t.name, ("vpcs", i, "subnets", j), vpc.name)
            for j, t in enumerate(vpc.subnets)
            if t.renamed_from
        ]
    for i, tgw in enumerate(org.transit_gateways):
        if tgw.renamed_from:
            found.append(
                Rename("transit_gateway", tgw.renamed_from, tgw.name, ("transit_gateways", i))
            )
        found += [
            Rename(
                "route_table",
                t.renamed_from,
                t.name,
                ("transit_gateways", i, "route_tables", j),
                tgw.name,
            )
            for j, t in enumerate(tgw.route_tables)
            if isinstance(t, RouteTable)
        ]
    found += [
        Rename("peering", p.renamed_from, p.name, ("vpc_peerings", i))
        for i, p in enumerate(org.vpc_peerings)
        if p.renamed_from
    ]
    return found


def previous_data(org: OrgFile) -> dict[str, Any]:
    """The file's data as it was before its renames (see the module docstring)."""
    data: dict[str, Any] = org.model_dump(mode="python", exclude_unset=True, warnings=False)
    found = renames(org)
    for rename in found:
        _put_back(data, rename)
    _drop_renamed_from(data)
    return data


def previous_org(org: OrgFile) -> OrgFile:
    """``previous_data`` as a model: the file's previous version."""
    return OrgFile.model_validate(previous_data(org))


def _put_back(data: dict[str, Any], rename: Rename) -> None:
    own = _node(data, rename.at)
    if rename.kind == "tier":
        vpc = _node(data, rename.at[:2])
        _replace(vpc, rename.new, rename.old, keys=TIER_KEYS, skip=own)
        own["name"] = rename.old
        _replace_in_vpc_references(data, rename)
    elif rename.kind == "route_table":
        tgw = _node(data, rename.at[:2])
        tgw["route_tables"][rename.at[3]] = rename.old
        _replace(tgw, rename.new, rename.old, keys=ROUTE_TABLE_KEYS)
        for vpc in data.get("vpcs", []):
            attachment = vpc.get("transit_gateway")
            if attachment and attachment.get("name") == rename.scope:
                _replace(attachment, rename.new, rename.old, keys=ROUTE_TABLE_KEYS)
    else:
        own["name"] = rename.old
        _replace(data, rename.new, rename.old, keys=None, skip=own)


def _node(data: Any, path: YamlPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _replace(
    node: Any, new: str, old: str, *, keys: frozenset[str] | None, skip: Any = None
) -> None:
    """Put ``old`` back for ``new`` in the values of ``keys`` below ``node`` (``None``: in every
    value but names, tiers and route tables, and ``transit_gateway.name``, which names a
    Transit Gateway). ``skip`` is the renamed thing's own mapping, left to the caller."""
    if isinstance(node, list):
        for item in node:
            _replace(item, new, old, keys=keys, skip=skip)
        return
    if not isinstance(node, dict) or node is skip:
        return
    for key, value in node.items():
        wanted = key in keys if keys is not None else _names_a_thing(key, node)
        if wanted and value == new:
            node[key] = old
        elif wanted and isinstance(value, list):
            node[key] = [old if v == new else v for v in value]
        if isinstance(value, (dict, list)):
            _replace(node[key], new, old, keys=keys, skip=skip)


def _names_a_thing(key: str, node: dict[str, Any]) -> bool:
    if key in TIER_KEYS or key in ROUTE_TABLE_KEYS:
        return False
    return key != "name" or "route_table" in node  # a VPC attachment names its TGW


def _replace_in_vpc_references(data: dict[str, Any], rename: Rename) -> None:
    """Mappings elsewhere that name the tier's VPC and the tier (a directory's ``vpc`` and
    ``tier``, say)."""

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            if node.get("vpc") == rename.scope:
                for key in TIER_KEYS & node.keys():
                    value = node[key]
                    if value == rename.new:
                        node[key] = rename.old
                    elif isinstance(value, list):
                        node[key] = [rename.old if v == rename.new else v for v in value]
            for value in node.values():
                walk(value)

    for key, value in data.items():
        if key != "vpcs":
            walk(value)


def _drop_renamed_from(node: Any) -> None:
    if isinstance(node, list):
        for item in node:
            _drop_renamed_from(item)
    elif isinstance(node, dict):
        node.pop("renamed_from", None)
        for value in node.values():
            _drop_renamed_from(value)
