"""LZ5009: no IAM role is created twice in one account. Each portfolio's stacks create its launch
roles in the publishing account and in every account it reaches, and its principals' roles in
the receiving accounts when ``create_principals`` is set, and API Gateway's logging role (with
the account setting that names it, once per account and region) where a blueprint requires it;
two portfolios (or a launch role and a principal of one) that name the same role in one account
would collide at apply."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.model.service_catalog import api_gateway_logging_role, launch_role
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.service_catalog import reached

CODE = "LZ5009"


def _roles(ctx: RuleContext) -> Iterator[tuple[str, str, list[str], YamlPath]]:
    """(portfolio, role name, the accounts it is created in, the YAML node naming it)."""
    catalog = ctx.org.service_catalog
    for p, portfolio in enumerate(catalog.portfolios if catalog else ()):
        receivers = reached(ctx, portfolio)
        launching = [portfolio.account, *receivers]
        seen: set[str] = set()
        for k, product in enumerate(portfolio.products):
            at = ("service_catalog", "portfolios", p, "products", k)
            name = launch_role(product)
            if name not in seen:
                seen.add(name)
                key = "launch_role" if product.launch_role else "blueprint"
                yield portfolio.name, name, launching, (*at, key)
            blueprint = ctx.catalog.blueprints.get(product.blueprint)
            needs = blueprint is not None and "api_gateway_logging" in blueprint.manifest.requires
            logs = api_gateway_logging_role(portfolio.region)
            if needs and logs not in seen:
                seen.add(logs)
                yield portfolio.name, logs, launching, (*at, "blueprint")
        if portfolio.create_principals:
            for k, principal in enumerate(dict.fromkeys(portfolio.principals)):
                at = ("service_catalog", "portfolios", p, "principals", k)
                yield portfolio.name, principal, receivers, at


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    owner: dict[tuple[str, str], tuple[str, YamlPath]] = {}
    for portfolio, name, accounts, at in _roles(ctx):
        for account in accounts:
            first = owner.setdefault((account, name.lower()), (portfolio, at))
            if first[1] != at:
                yield ctx.doc.diagnostic(
                    CODE,
                    f"role '{name}' would be created twice in account '{account}': "
                    f"portfolio '{first[0]}' creates it too",
                    at,
                    hint="IAM role names are unique in an account (case-insensitively); give "
                    "this one another name (a product's `launch_role`, or a principal)",
                    related=(first[1],),
                )
                break


RULE = Rule(CODE, "no IAM role is created twice in one account", check)
