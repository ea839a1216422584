"""LZ2003: names that become addresses must be unique.

Org-wide: accounts, VPCs, transit gateways, VPC peerings, directories, CloudHSM clusters; and
a peering with an external VPC is named unlike any VPC (it names the external end in ``lzgen
path``). Within
their parent: sibling OUs, a VPC's subnet tiers, a transit gateway's route tables, and the VPN
connections of one transit gateway or of one VPC's virtual private gateway. Names are compared
as the Terraform addresses they become (``plan.naming.ident``): case and runs of '-' fold.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.model.organization import OrganizationalUnit
from lzgen.plan.naming import ident
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ2003"


def _duplicates(
    ctx: RuleContext, kind: str, names: Sequence[tuple[str, YamlPath]]
) -> Iterator[Diagnostic]:
    first: dict[str, tuple[str, YamlPath]] = {}
    for name, path in names:
        key = ident(name)  # the address the name becomes: case and runs of '-' fold
        if key in first:
            earlier, at = first[key]
            line, column = ctx.doc.locate(at)
            same = earlier.lower() == name.lower()
            yield ctx.doc.diagnostic(
                CODE,
                f"{kind} name '{name}' is used twice"
                if same
                else f"{kind} names '{earlier}' and '{name}' become the same address '{key}'",
                path,
                hint=f"the first is at line {line}, column {column}; names must be unique"
                + ("" if same else " once case and repeated '-' are folded"),
                related=(at,),
            )
        else:
            first[key] = (name, path)


def _ou_siblings(
    ctx: RuleContext, units: list[OrganizationalUnit], ypath: YamlPath
) -> Iterator[Diagnostic]:
    yield from _duplicates(ctx, "OU", [(u.name, (*ypath, i, "name")) for i, u in enumerate(units)])
    for i, unit in enumerate(units):
        yield from _ou_siblings(ctx, unit.children, (*ypath, i, "children"))


def _external_names(ctx: RuleContext) -> Iterator[Diagnostic]:
    """A peering with an external VPC names that VPC's endpoint (``lzgen path``), so it is no
    VPC's name."""
    vpcs = {v.name.lower(): i for i, v in enumerate(ctx.org.vpcs)}
    for k, peering in enumerate(ctx.org.vpc_peerings):
        i = vpcs.get(peering.name.lower())
        if peering.external is None or i is None:
            continue
        line, column = ctx.doc.locate(("vpcs", i, "name"))
        yield ctx.doc.diagnostic(
            CODE,
            f"VPC peering name '{peering.name}' is also a VPC's name",
            ("vpc_peerings", k, "name"),
            hint=f"the VPC is at line {line}, column {column}; a peering with an external VPC "
            "names that VPC's end in `lzgen path`, so it needs a name of its own",
            related=(("vpcs", i, "name"),),
        )


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    org = ctx.org
    yield from _duplicates(
        ctx, "account", [(a.name, ("accounts", i, "name")) for i, a in enumerate(org.accounts)]
    )
    yield from _duplicates(
        ctx, "VPC", [(v.name, ("vpcs", i, "name")) for i, v in enumerate(org.vpcs)]
    )
    yield from _duplicates(
        ctx,
        "transit gateway",
        [(t.name, ("transit_gateways", i, "name")) for i, t in enumerate(org.transit_gateways)],
    )
    yield from _duplicates(
        ctx,
        "VPC peering",
        [(p.name, ("vpc_peerings", i, "name")) for i, p in enumerate(org.vpc_peerings)],
    )
    yield from _duplicates(
        ctx,
        "directory",
        [(d.name, ("directories", i, "name")) for i, d in enumerate(org.directories)],
    )
    yield from _duplicates(
        ctx,
        "CloudHSM cluster",
        [(c.name, ("cloudhsm_clusters", i, "name")) for i, c in enumerate(org.cloudhsm_clusters)],
    )
    yield from _external_names(ctx)
    yield from _ou_siblings(ctx, org.organizational_units, ("organizational_units",))
    for vi, vpc in enumerate(org.vpcs):
        yield from _duplicates(
            ctx,
            "subnet tier",
            [(t.name, ("vpcs", vi, "subnets", ti, "name")) for ti, t in enumerate(vpc.subnets)],
        )
        if vpc.vpn_gateway is not None:
            yield from _duplicates(
                ctx,
                "VPN connection",
                [
                    (c.name, ("vpcs", vi, "vpn_gateway", "vpn_connections", ci, "name"))
                    for ci, c in enumerate(vpc.vpn_gateway.vpn_connections)
                ],
            )
    for ti, tgw in enumerate(org.transit_gateways):
        yield from _duplicates(
            ctx,
            "route table",
            [
                (r, ("transit_gateways", ti, "route_tables", ri))
                for ri, r in enumerate(tgw.route_table_names)
            ],
        )
        yield from _duplicates(
            ctx,
            "VPN connection",
            [
                (c.name, ("transit_gateways", ti, "vpn_connections", ci, "name"))
                for ci, c in enumerate(tgw.vpn_connections)
            ],
        )


RULE = Rule(
    CODE,
    "names are unique: accounts, VPCs, TGWs, peerings, directories, CloudHSM clusters, sibling "
    "OUs, tiers, TGW route tables, VPN connections",
    check,
)
