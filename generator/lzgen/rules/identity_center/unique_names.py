"""LZ4202: Identity Center permission sets and groups are declared once each.

Permission set names are compared without case (each becomes a Terraform address and a policy
file name); group names are compared likewise, and an existing group's id is named once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.plan.naming import ident
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ4202"


def _duplicates(
    ctx: RuleContext, kind: str, values: Sequence[tuple[str, YamlPath]]
) -> Iterator[Diagnostic]:
    first: dict[str, YamlPath] = {}
    for value, path in values:
        key = ident(value)
        if key not in first:
            first[key] = path
            continue
        line, column = ctx.doc.locate(first[key])
        yield ctx.doc.diagnostic(
            CODE,
            f"{kind} '{value}' is declared twice",
            path,
            hint=f"the first is at line {line}, column {column} (case and punctuation are "
            "ignored); remove one, or rename it",
            related=(first[key],),
        )


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    ic = ctx.org.identity_center
    if ic is None:
        return
    base: YamlPath = ("identity_center",)
    yield from _duplicates(
        ctx,
        "permission set",
        [
            (ps.name, (*base, "permission_sets", i, "name"))
            for i, ps in enumerate(ic.permission_sets)
        ],
    )
    yield from _duplicates(
        ctx, "group", [(g.name, (*base, "groups", i, "name")) for i, g in enumerate(ic.groups)]
    )
    yield from _duplicates(
        ctx,
        "group id",
        [(g.id, (*base, "groups", i, "id")) for i, g in enumerate(ic.groups) if g.id],
    )


RULE = Rule(CODE, "Identity Center permission sets and groups are declared once", check)
