"""Service Catalog: per portfolio a publisher stack and a stack per receiving account,
``service-catalog/<portfolio>/<account>``; Organizations access in the organization stack.

1. publisher (the portfolio's account and region; after the account stacks of the VPCs its
   template constraints pin, whose states give the VPC and subnet ids): a KMS key and a
   private, versioned, TLS-only template bucket; each published blueprint version's template,
   copied into the stack's ``blueprints/<blueprint>/`` folder and uploaded from there (a
   changed template is a new object version, and its artifact's URL names that version); the
   portfolio; per product the product (its first version as the initial artifact), one
   provisioning artifact per further version, the portfolio association, a launch constraint
   (``LocalRoleName``: the role of that name in the launching account) and a template
   constraint whose rules pin each constrained parameter; one share per OU and per account
   (through Organizations, principal names shared); a principal association per name
   (``IAM_PATTERN``, so every receiving account grants the portfolio to its role of that name).
2. receiving account (every account the portfolio reaches, never the publisher): the launch
   roles, trusting Service Catalog, each with CloudFormation's own permissions on the ``SC-*``
   stacks Service Catalog creates plus the blueprint's ``launch_policy``; the principals' roles
   when the portfolio creates them.
3. organization stack: trusted access for Service Catalog, Organizations access enabled, and
   each publisher account other than the management account registered as Service Catalog's
   delegated administrator (only those may share with OUs).

Nothing reads a receiving account's stack, and the publisher reads only account stacks.
"""

from __future__ import annotations

from typing import Any

from lzgen.hcl import hcl
from lzgen.model import OrgFile
from lzgen.model.organization import Account
from lzgen.model.service_catalog import (
    Portfolio,
    recipients,
)
from lzgen.plan.index import PlanIndex
from lzgen.plan.naming import ident
from lzgen.plan.service_catalog_context import (
    SERVICE,
    launch_roles,
    organizations_sharing,
    pinned_stacks,
    portfolio_context,
    portfolios,
)
from lzgen.plan.stack import is_management, needs_organization_state
from lzgen.plan.types import (
    ORGANIZATION,
    FileSpec,
    ProviderSpec,
    StackPart,
    service_catalog_path,
)


def _publisher_resources(ctx: dict[str, Any]) -> int:
    """Resource blocks of templates/service_catalog/publisher.tf.j2."""
    # KMS key and alias; the bucket, its four controls, lifecycle, notification, policy; portfolio
    count = 2 + 8 + 1
    for product in ctx["products"]:
        count += len(product["versions"])  # template objects
        count += 1 + len(product["more"]) + 2  # product, artifacts, association, launch
        count += int(bool(product["rules"]))
    return count + len(ctx["ou_shares"]) + len(ctx["account_shares"]) + len(ctx["principals"])


def _role_resources(receiver: dict[str, Any]) -> int:
    """Resource blocks of templates/service_catalog/receiver.tf.j2: a role per launch role, an
    inline policy per product it launches; a principal role and its policy attachment; API
    Gateway's logging role, its policy attachment and the account setting."""
    roles = receiver["roles"]
    count = len(roles) + sum(len(r["products"]) for r in roles) + 2 * len(receiver["principals"])
    return count + (3 if receiver["api_gateway_logging"] else 0)


def _publisher_parts(
    index: PlanIndex, portfolio: Portfolio, ctx: dict[str, Any]
) -> list[StackPart]:
    """The publisher stack: the portfolio and its products, and (a part of its own, so the
    stack's resource counts name the right file) the launch roles: Service Catalog creates a
    launch constraint only if its LocalRoleName exists in the publishing account too."""
    path = service_catalog_path(portfolio.name, portfolio.account)
    reads = pinned_stacks(index, portfolio)
    shared = [s["account"] for s in ctx["account_shares"]]
    if ctx["ou_shares"] or needs_organization_state(index, shared):
        reads[ORGANIZATION] = ORGANIZATION
    files = [
        FileSpec(
            f"service_catalog_{portfolio.name}.tf", "service_catalog/publisher.tf.j2", {"p": ctx}
        ),
        FileSpec("outputs.tf", "service_catalog/publisher_outputs.tf.j2", {"p": ctx}),
        *(
            FileSpec(v["file"], "stack/verbatim.j2", {"text": v["text"]})
            for product in ctx["products"]
            for v in product["versions"]
        ),
    ]
    roles = _receiver(portfolio.account, ctx, publisher=True)
    return [
        StackPart(
            path,
            tuple(files),
            _publisher_resources(ctx),
            depends_on=tuple(sorted(set(reads.values()))),
            reads=tuple(sorted(reads.items())),
            providers=(ProviderSpec(None, portfolio.account, portfolio.region),),
        ),
        StackPart(
            path,
            (
                FileSpec(
                    "launch_roles.tf",
                    "service_catalog/receiver.tf.j2",
                    {"p": ctx, "receiver": roles},
                ),
            ),
            _role_resources(roles),
        ),
    ]


def _receiver(account: str, ctx: dict[str, Any], *, publisher: bool) -> dict[str, Any]:
    """What receiver.tf.j2 creates in ``account``: the launch roles, and the principals' roles
    when the portfolio creates them (never in the publishing account, which shares them)."""
    create = ctx["create_principals"] and not publisher
    return {
        "account": account,
        "publisher": publisher,
        "roles": launch_roles(ctx),
        "principals": ctx["principals"] if create else [],
        "api_gateway_logging": ctx["api_gateway_logging"],
    }


def _receiver_part(portfolio: Portfolio, ctx: dict[str, Any], account: str) -> StackPart:
    local = _receiver(account, ctx, publisher=False)
    resources = _role_resources(local)
    return StackPart(
        service_catalog_path(portfolio.name, account),
        (
            FileSpec(
                f"service_catalog_{portfolio.name}.tf",
                "service_catalog/receiver.tf.j2",
                {"p": ctx, "receiver": local},
            ),
        ),
        resources,
        providers=(ProviderSpec(None, account, portfolio.region),),
    )


def _own_id(index: PlanIndex, name: str) -> str:
    """An account's id inside the organization stack, which creates the accounts it lacks."""
    account = index.accounts[name]
    return hcl(account.id) if account.id else f"aws_organizations_account.{ident(name)}.id"


def _organization_part(index: PlanIndex) -> list[StackPart]:
    if not organizations_sharing(index.org):
        return []
    admins = sorted(
        {p.account for p in portfolios(index.org) if not is_management(index, p.account)}
    )
    ctx = {
        "admins": [
            {"id": ident("service_catalog", a), "account": a, "expr": _own_id(index, a)}
            for a in admins
        ],
        "service": SERVICE,
    }
    return [
        StackPart(
            ORGANIZATION,
            (FileSpec("service_catalog.tf", "service_catalog/organization.tf.j2", ctx),),
            1 + len(admins),
        )
    ]


def receivers(org: OrgFile, portfolio: Portfolio) -> list[str]:
    """Accounts with a receiving stack: those the portfolio reaches, sorted."""
    accounts: list[Account] = org.accounts
    return sorted(recipients(portfolio, accounts))


def plan_service_catalog(index: PlanIndex) -> list[StackPart]:
    parts = _organization_part(index)
    for portfolio in portfolios(index.org):
        ctx = portfolio_context(index, portfolio)
        parts.extend(_publisher_parts(index, portfolio, ctx))
        parts.extend(
            _receiver_part(portfolio, ctx, account) for account in receivers(index.org, portfolio)
        )
    return parts


def _code(paths: tuple[str, ...]) -> str:
    return ", ".join(f"`{p}`" for p in paths)


def service_catalog_docs(
    index: PlanIndex, depends_on: dict[str, tuple[str, ...]]
) -> list[dict[str, Any]]:
    """The generated README's "Service Catalog" sections: per portfolio its stacks in order
    (``depends_on``: stack path -> the stacks it follows), products and what each pins."""
    found = []
    for portfolio in portfolios(index.org):
        ctx = portfolio_context(index, portfolio)
        publisher = service_catalog_path(portfolio.name, portfolio.account)
        found.append(
            {
                **ctx,
                "publisher": publisher,
                "publisher_after": _code(depends_on.get(publisher, ())),
                "delegated": not is_management(index, portfolio.account),
                "receivers": [
                    {
                        "account": account,
                        "path": service_catalog_path(portfolio.name, account),
                    }
                    for account in receivers(index.org, portfolio)
                ],
                "launch_roles": [r["name"] for r in launch_roles(ctx)],
                "shares": [f"OU {s['ou']}" for s in ctx["ou_shares"]]
                + [f"account {s['account']}" for s in ctx["account_shares"]],
            }
        )
    return found
