"""Rules of Service Catalog portfolios (``service_catalog:``, LZ5xxx): the blueprints and
versions products name, their template constraints (parameters that exist, kinds that fit,
VPCs, tiers and ECS clusters every receiving account can use), share targets and IAM names."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lzgen.load import YamlPath
from lzgen.model.blueprint import Blueprint, Version
from lzgen.model.service_catalog import Portfolio, Product, TemplateConstraint, recipients
from lzgen.rules.base import RuleContext


@dataclass(frozen=True)
class Placed:
    """A product of a portfolio, with the YAML path of its entry."""

    portfolio: Portfolio
    product: Product
    path: YamlPath


def products(ctx: RuleContext) -> Iterator[Placed]:
    catalog = ctx.org.service_catalog
    for p, portfolio in enumerate(catalog.portfolios if catalog else ()):
        for k, product in enumerate(portfolio.products):
            yield Placed(portfolio, product, ("service_catalog", "portfolios", p, "products", k))


def versions(ctx: RuleContext, product: Product) -> list[Version]:
    """The known versions a product publishes (all of the blueprint's when it lists none)."""
    blueprint: Blueprint | None = ctx.catalog.blueprints.get(product.blueprint)
    if blueprint is None:
        return []
    if product.versions is None:
        return list(blueprint.versions.values())
    return [blueprint.versions[v] for v in product.versions if v in blueprint.versions]


def constraints(ctx: RuleContext) -> Iterator[tuple[Placed, str, TemplateConstraint, YamlPath]]:
    """Every template constraint: (its product, the parameter, the constraint, its path)."""
    for placed in products(ctx):
        for name, constraint in placed.product.template_constraints.items():
            yield placed, name, constraint, (*placed.path, "template_constraints", name)


def reached(ctx: RuleContext, portfolio: Portfolio) -> list[str]:
    """The declared accounts the portfolio reaches (model.service_catalog.recipients)."""
    return recipients(portfolio, ctx.org.accounts)
