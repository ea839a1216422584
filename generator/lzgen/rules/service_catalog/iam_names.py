"""LZ5008: launch roles and principals are valid IAM role names. A launch role is a plain role
name (the role of that name in the launching account runs the launch); a principal may carry a
path and ``*`` wildcards (IAM Identity Center's roles), unless lzgen is to create it
(``create_principals``), which needs a plain name."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.model.service_catalog import launch_role
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.service_catalog import products

CODE = "LZ5008"
ROLE = re.compile(r"^[A-Za-z0-9+=,.@_-]{1,64}$")
PATTERN = re.compile(r"^(?:[A-Za-z0-9+=,.@_-]+/){0,8}[A-Za-z0-9+=,.@_*-]{1,64}$")
ROLE_HINT = "1-64 letters, digits and + = , . @ _ -"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for placed in products(ctx):
        name = launch_role(placed.product)
        if not ROLE.match(name):
            yield ctx.doc.diagnostic(
                CODE,
                f"launch role '{name}' is not a valid IAM role name",
                (*placed.path, "launch_role" if placed.product.launch_role else "blueprint"),
                hint=f"a role name is {ROLE_HINT}, without a path",
            )
    catalog = ctx.org.service_catalog
    for p, portfolio in enumerate(catalog.portfolios if catalog else ()):
        for k, principal in enumerate(portfolio.principals):
            at = ("service_catalog", "portfolios", p, "principals", k)
            if not PATTERN.match(principal):
                yield ctx.doc.diagnostic(
                    CODE,
                    f"principal '{principal}' is not a valid IAM role name",
                    at,
                    hint=f"a role name is {ROLE_HINT}, after an optional path "
                    "(aws-reserved/sso.amazonaws.com/); * matches any characters",
                )
            elif portfolio.create_principals and not ROLE.match(principal):
                yield ctx.doc.diagnostic(
                    CODE,
                    f"lzgen cannot create principal '{principal}': it has a path or a wildcard",
                    at,
                    hint="give plain role names with create_principals, or set it to false "
                    "when IAM Identity Center provides the roles",
                )


RULE = Rule(CODE, "launch roles and principals are valid IAM role names", check)
