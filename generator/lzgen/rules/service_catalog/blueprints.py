"""LZ5002: a product names a blueprint that exists (lzgen's or the user's), versions of it that
exist, and appears once in its portfolio."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.service_catalog import products

CODE = "LZ5002"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    known = sorted(ctx.catalog.blueprints)
    seen: dict[tuple[str, str], None] = {}
    for placed in products(ctx):
        product = placed.product
        key = (placed.portfolio.name, product.blueprint)
        if key in seen:
            yield ctx.doc.diagnostic(
                CODE,
                f"portfolio '{placed.portfolio.name}' lists blueprint '{product.blueprint}' twice",
                (*placed.path, "blueprint"),
                hint="list a blueprint once; its versions go in that entry's `versions`",
            )
        seen.setdefault(key)
        blueprint = ctx.catalog.blueprints.get(product.blueprint)
        if blueprint is None:
            yield ctx.doc.diagnostic(
                CODE,
                f"unknown blueprint '{product.blueprint}'",
                (*placed.path, "blueprint"),
                hint=did_you_mean(product.blueprint, known) or "`lzgen blueprints` lists them",
            )
            continue
        names = list(blueprint.versions)
        for k, version in enumerate(product.versions or ()):
            if version not in blueprint.versions:
                yield ctx.doc.diagnostic(
                    CODE,
                    f"blueprint '{product.blueprint}' has no version '{version}'",
                    (*placed.path, "versions", k),
                    hint=f"its versions: {', '.join(names)}",
                )
        if product.versions == []:
            yield ctx.doc.diagnostic(
                CODE,
                f"product '{product.blueprint}' publishes no version",
                (*placed.path, "versions"),
                hint=f"list versions ({', '.join(names)}), or drop `versions` for all of them",
            )


RULE = Rule(CODE, "products name blueprints and versions that exist, once each", check)
