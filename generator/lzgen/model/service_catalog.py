"""Service Catalog: portfolios of blueprints (``lzgen.model.blueprint``) published from one
account, shared through AWS Organizations with OUs and accounts, and launched there by product
teams through a launch role of each account.

A template constraint pins a parameter of a product's template to what the landing zone
renders: the id of one of its VPCs, exactly the subnets of one tier, the name of an ECS cluster
of the launching account, or a list of allowed values.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import Discriminator, Field, StringConstraints, Tag

from lzgen.model.common import Name, StrictModel
from lzgen.model.organization import Account, reaches
from lzgen.model.sharing import ShareWith

ProviderName = Annotated[str, StringConstraints(min_length=1, max_length=50)]
Description = Annotated[str, StringConstraints(max_length=2000)]
ParameterName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]{1,255}$")]
AllowedValue = str | int | float | bool


class VpcConstraint(StrictModel):
    """The parameter is the id of this lzgen VPC."""

    vpc: str


class TierConstraint(StrictModel):
    """The parameter lists only subnets of this tier of the VPC."""

    vpc: str
    tier: str


class EcsClusterConstraint(StrictModel):
    """The parameter is the name of this ECS cluster, which exists in the launching account."""

    ecs_cluster: str


class AllowedConstraint(StrictModel):
    """The parameter is one of these values."""

    allowed: Annotated[list[AllowedValue], Field(min_length=1)]


def _constraint_form(value: Any) -> str | None:
    """Which constraint a mapping is, by its keys (``vpc`` with ``tier`` is a tier's); None for
    anything else, which the union reports in one message."""
    if isinstance(value, StrictModel):
        kind = KINDS.get(type(value))
        return f"{kind}-form" if kind else None
    if not isinstance(value, dict):
        return None
    # tags never equal a key of the data, so diagnostics' paths keep only the data's keys
    return next(
        (f"{k}-form" for k in ("allowed", "ecs_cluster", "tier", "vpc") if k in value), None
    )


TemplateConstraint = Annotated[
    Annotated[VpcConstraint, Tag("vpc-form")]
    | Annotated[TierConstraint, Tag("tier-form")]
    | Annotated[EcsClusterConstraint, Tag("ecs_cluster-form")]
    | Annotated[AllowedConstraint, Tag("allowed-form")],
    Discriminator(
        _constraint_form,
        custom_error_type="template_constraint",
        custom_error_message="a template constraint is a mapping with vpc, vpc and tier, "
        "ecs_cluster, or allowed",
    ),
]
KINDS: dict[type, str] = {
    VpcConstraint: "vpc",
    TierConstraint: "tier",
    EcsClusterConstraint: "ecs_cluster",
    AllowedConstraint: "allowed",
}


def constraint_kind(constraint: TemplateConstraint) -> str:
    """The kind of a constraint, as blueprint manifests name them."""
    return KINDS[type(constraint)]


class Product(StrictModel):
    blueprint: str  # a shipped blueprint or one of ``service_catalog.blueprints``
    versions: list[str] | None = None  # the blueprint's versions to publish; None: all of them
    # the role of this name in the launching account runs the launch (a launch constraint);
    # lzgen creates it in every account the portfolio reaches. None: SCLaunch-<blueprint>
    launch_role: str | None = None
    template_constraints: dict[ParameterName, TemplateConstraint] = {}


class Portfolio(StrictModel):
    name: Name
    account: str  # publishes the portfolio: its template bucket, products and shares
    region: str  # products launch in this region
    provider_name: ProviderName
    description: Description = ""
    share_with: ShareWith = ShareWith()
    # IAM role names granted the portfolio in every account it reaches (shared by name); a
    # path and a trailing * are allowed: aws-reserved/sso.amazonaws.com/AWSReservedSSO_Dev_*
    principals: list[str] = []
    # create the principals' roles in every account the portfolio reaches (trusting the
    # account's administrators, with Service Catalog end-user access); off when IAM Identity
    # Center or another tool provides them
    create_principals: bool = False
    products: list[Product] = []


class ServiceCatalog(StrictModel):
    # a folder of the user's own blueprints, laid out like lzgen's (relative to the org file)
    blueprints: Annotated[str, StringConstraints(min_length=1, max_length=1024)] | None = None
    portfolios: list[Portfolio] = []


def launch_role(product: Product) -> str:
    return product.launch_role or f"SCLaunch-{product.blueprint}"


def api_gateway_logging_role(region: str) -> str:
    """The role API Gateway writes CloudWatch logs with, in one region (a regional account
    setting; role names are global, hence the region)."""
    return f"lzgen-apigateway-logs-{region}"


def recipients(portfolio: Portfolio, accounts: Iterable[Account]) -> list[str]:
    """Names of the accounts the portfolio reaches, in file order: named, or in a named OU
    (or below one); never the portfolio's own account, which publishes and does not launch."""
    share = portfolio.share_with
    found: dict[str, None] = {}
    for account in accounts:
        if account.name != portfolio.account and reaches(share.accounts, share.ous, account):
            found.setdefault(account.name)
    return list(found)
