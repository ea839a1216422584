"""LZ5003: a template constraint names a parameter of the product's template, in every version
the product publishes; the hint lists that template's parameters."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.service_catalog import constraints, versions

CODE = "LZ5003"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for placed, name, _, path in constraints(ctx):
        for version in versions(ctx, placed.product):
            if name not in version.parameters:
                yield ctx.doc.diagnostic(
                    CODE,
                    f"template constraint on '{name}', a parameter that version "
                    f"{version.name} of blueprint '{placed.product.blueprint}' does not have",
                    path,
                    key=True,
                    hint=f"its parameters: {', '.join(version.parameters) or 'none'}",
                )
                break


RULE = Rule(CODE, "template constraints name parameters the template has", check)
