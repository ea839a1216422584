"""LZ5001: the folder of the user's own blueprints (``service_catalog.blueprints``) holds only
usable blueprints: a manifest that reads, a template per version with the parameters the
manifest lets constraints pin, no name lzgen's blueprints already use (blueprints/README.md).
Reported at the ``blueprints`` key, naming the blueprint and what is wrong with it."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ5001"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    catalog = ctx.org.service_catalog
    if catalog is None or catalog.blueprints is None:
        return
    for problem in ctx.catalog.problems:
        where = f"blueprint {problem.blueprint}: " if problem.blueprint else ""
        yield ctx.doc.diagnostic(
            CODE,
            f"{where}{problem.message}",
            ("service_catalog", "blueprints"),
            hint=problem.hint or "blueprints/README.md describes a blueprint's folder",
        )


RULE = Rule(CODE, "the user's blueprint folder holds usable blueprints", check)
