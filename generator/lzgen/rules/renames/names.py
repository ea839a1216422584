"""LZ2027: a ``renamed_from`` names what the thing was called, and nothing else has that name.

The old name must differ from the new one, belong to no other account (VPC, tier of the same
VPC, Transit Gateway, route table of the same Transit Gateway, peering) of the file, and be
given once: otherwise the previous version would have two things of one name, and which
resources move where could not be told.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.model.renames import Rename, renames
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ2027"


def _current(ctx: RuleContext, rename: Rename) -> list[str]:
    org = ctx.org
    if rename.kind == "account":
        return [a.name for a in org.accounts]
    if rename.kind == "vpc":
        return [v.name for v in org.vpcs]
    if rename.kind == "tier":
        return [t.name for v in org.vpcs if v.name == rename.scope for t in v.subnets]
    if rename.kind == "transit_gateway":
        return [t.name for t in org.transit_gateways]
    if rename.kind == "route_table":
        tgws = [t for t in org.transit_gateways if t.name == rename.scope]
        return [name for t in tgws for name in t.route_table_names]
    return [p.name for p in org.vpc_peerings]


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    seen: dict[tuple[str, str | None, str], Rename] = {}
    for rename in renames(ctx.org):
        at = (*rename.at, "renamed_from")
        what = rename.kind.replace("_", " ")
        if rename.old == rename.new:
            yield ctx.doc.diagnostic(
                CODE,
                f"{what} '{rename.new}' is renamed from its own name",
                at,
                hint="renamed_from names what it was called before; remove it",
            )
        elif rename.old in _current(ctx, rename):
            yield ctx.doc.diagnostic(
                CODE,
                f"{what} '{rename.new}' is renamed from '{rename.old}', but another {what} "
                f"is called '{rename.old}'",
                at,
                hint="the old name must be free: rename the other one in a change of its own",
            )
        elif (key := (rename.kind, rename.scope, rename.old)) in seen:
            first = seen[key]
            yield ctx.doc.diagnostic(
                CODE,
                f"{what} '{rename.new}' and '{first.new}' are both renamed from '{rename.old}'",
                at,
                hint="only one of them was called that: remove the other's renamed_from",
                related=((*first.at, "renamed_from"),),
            )
        else:
            seen[key] = rename


RULE = Rule(CODE, "a renamed_from names a free old name, once", check)
