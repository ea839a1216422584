"""Service Catalog, what its stacks need of one portfolio (``portfolio_context``): the products
with their published versions, template-constraint rules (the HCL of each assertion) and launch
policies (the blueprint's ``launch_policy`` after CloudFormation's own statements, placeholders
written out), the shares, the principals, the template bucket's name. plan/service_catalog.py
turns it into stacks.
"""

from __future__ import annotations

import hashlib
from typing import Any

from lzgen.hcl import hcl, hcl_inner
from lzgen.model import OrgFile
from lzgen.model.blueprint import Blueprint, PolicyStatement, Version, parameter_text
from lzgen.model.service_catalog import (
    AllowedConstraint,
    EcsClusterConstraint,
    Portfolio,
    Product,
    TemplateConstraint,
    TierConstraint,
    VpcConstraint,
    api_gateway_logging_role,
    constraint_kind,
    launch_role,
)
from lzgen.model.vpc import Vpc
from lzgen.partitions import COMMERCIAL
from lzgen.plan.index import PlanIndex
from lzgen.plan.naming import ident
from lzgen.plan.stack import account_id_expr
from lzgen.plan.types import (
    account_path,
    account_state_name,
)

SERVICE = "servicecatalog.amazonaws.com"
END_USER_POLICY = "AWSServiceCatalogEndUserFullAccess"
API_GATEWAY_LOGS_POLICY = "service-role/AmazonAPIGatewayPushToCloudWatchLogs"
# What every launch needs, whatever the blueprint: the stacks Service Catalog names SC-* (their
# template summary too, which CloudFormation scopes to a stack), template validation (no
# resource-level permissions), and the template copies Service Catalog tags
PROVISIONING: tuple[PolicyStatement, ...] = tuple(
    PolicyStatement.model_validate(s)
    for s in (
        {
            "sid": "ProvisionedStacks",
            "actions": [
                "cloudformation:CreateChangeSet",
                "cloudformation:CreateStack",
                "cloudformation:DeleteChangeSet",
                "cloudformation:DeleteStack",
                "cloudformation:DescribeChangeSet",
                "cloudformation:DescribeStackEvents",
                "cloudformation:DescribeStacks",
                "cloudformation:ExecuteChangeSet",
                "cloudformation:GetTemplateSummary",
                "cloudformation:ListChangeSets",
                "cloudformation:ListStackResources",
                "cloudformation:SetStackPolicy",
                "cloudformation:TagResource",
                "cloudformation:UntagResource",
                "cloudformation:UpdateStack",
            ],
            "resources": ["arn:{partition}:cloudformation:{region}:{account}:stack/SC-*"],
            "conditions": [],
        },
        {
            "sid": "TemplateChecks",
            "actions": ["cloudformation:ValidateTemplate"],
            "resources": ["*"],
            "conditions": [],
        },
        {
            "sid": "ProvisioningTemplates",
            "actions": ["s3:GetObject"],
            "resources": ["arn:{partition}:s3:::*/*"],
            "conditions": [
                {
                    "test": "StringEquals",
                    "variable": "s3:ExistingObjectTag/servicecatalog:provisioning",
                    "values": ["true"],
                }
            ],
        },
    )
)


def organizations_sharing(org: OrgFile) -> bool:
    """Whether a portfolio shares with anything (needs Service Catalog's trusted access)."""
    catalog = org.service_catalog
    return catalog is not None and any(
        p.share_with.accounts or p.share_with.ous for p in catalog.portfolios
    )


def portfolios(org: OrgFile) -> list[Portfolio]:
    catalog = org.service_catalog
    return sorted(catalog.portfolios if catalog else (), key=lambda p: p.name)


def published(blueprint: Blueprint, product: Product) -> list[Version]:
    """The versions a product publishes, in the blueprint's order."""
    names = product.versions
    return [v for n, v in blueprint.versions.items() if names is None or n in names]


def template_copy(product: Product, version: Version) -> str:
    """Where a version's template sits in the publisher stack (and its bucket key)."""
    return f"blueprints/{product.blueprint}/{version.template}"


def bucket_name(portfolio: Portfolio) -> str:
    """The template bucket's name, with the account id interpolated: at most 63 characters."""
    name = portfolio.name
    if len(name) > 20:
        name = f"{name[:15]}-{hashlib.sha256(name.encode()).hexdigest()[:4]}"
    return f"lzgen-sc-{name}-${{local.account_id}}-{portfolio.region}"


def _policy_text(text: str, region: str) -> str:
    """A launch policy string as an HCL literal: partition and region written out, the
    account's id interpolated."""
    text = text.replace("{partition}", COMMERCIAL).replace("{region}", region)
    return '"' + "${local.account_id}".join(hcl_inner(p) for p in text.split("{account}")) + '"'


def _statements(statements: list[PolicyStatement], region: str) -> list[dict[str, Any]]:
    return [
        {
            "sid": s.sid,
            "actions": [hcl(a) for a in s.actions],
            "resources": [_policy_text(r, region) for r in s.resources],
            "conditions": [
                {
                    "test": hcl(c.test),
                    "variable": hcl(c.variable),
                    "values": [_policy_text(v, region) for v in c.values],
                }
                for c in s.conditions
            ],
        }
        for s in statements
    ]


def _rule(name: str, constraint: TemplateConstraint, vpc_outputs: dict[str, str]) -> dict[str, Any]:
    """One rule of a template constraint: the HCL of its assertion and what it says."""
    ref = f"{{ Ref = {hcl(name)} }}"
    if isinstance(constraint, TierConstraint):
        outputs = vpc_outputs[constraint.vpc]
        subnets = f"{outputs}.{ident(constraint.vpc)}_subnet_ids[{hcl(constraint.tier)}]"
        assertion = f'{{ "Fn::EachMemberIn" = [{ref}, {subnets}] }}'
        says = f"{name} lists only subnets of tier {constraint.tier} of VPC {constraint.vpc}"
    elif isinstance(constraint, VpcConstraint):
        outputs = vpc_outputs[constraint.vpc]
        assertion = f'{{ "Fn::Contains" = [[{outputs}.{ident(constraint.vpc)}_vpc_id], {ref}] }}'
        says = f"{name} is VPC {constraint.vpc}"
    elif isinstance(constraint, EcsClusterConstraint):
        assertion = f'{{ "Fn::Contains" = [[{hcl(constraint.ecs_cluster)}], {ref}] }}'
        says = f"{name} is ECS cluster {constraint.ecs_cluster} of the launching account"
    else:
        assert isinstance(constraint, AllowedConstraint)
        values = ", ".join(hcl(parameter_text(v)) for v in constraint.allowed)
        assertion = f'{{ "Fn::Contains" = [[{values}], {ref}] }}'
        says = f"{name} is one of {', '.join(parameter_text(v) for v in constraint.allowed)}"
    return {
        "name": f"{name}Pinned",
        "parameter": name,
        "kind": constraint_kind(constraint),
        "assert": assertion,
        "says": says,
    }


def _pinned_vpcs(index: PlanIndex, portfolio: Portfolio) -> list[Vpc]:
    """The VPCs the portfolio's constraints pin (their ids, or a tier's subnets), once each."""
    names = {
        c.vpc: None
        for product in portfolio.products
        for c in product.template_constraints.values()
        if isinstance(c, (VpcConstraint, TierConstraint))
    }
    return [v for v in index.org.vpcs if v.name in names]


def _vpc_outputs(index: PlanIndex, portfolio: Portfolio) -> dict[str, str]:
    """VPC name -> its account stack's outputs, for the VPCs the portfolio's constraints pin."""
    return {
        v.name: f"data.terraform_remote_state.{account_state_name(v.account, v.region)}.outputs"
        for v in _pinned_vpcs(index, portfolio)
    }


def pinned_stacks(index: PlanIndex, portfolio: Portfolio) -> dict[str, str]:
    """Remote state name -> stack path of the account stacks holding those VPCs."""
    return {
        account_state_name(v.account, v.region): account_path(v.account, v.region)
        for v in _pinned_vpcs(index, portfolio)
    }


def portfolio_context(index: PlanIndex, portfolio: Portfolio) -> dict[str, Any]:
    """Everything the publisher and receiving templates need of one portfolio."""
    pid = ident(portfolio.name)
    outputs = _vpc_outputs(index, portfolio)
    products = []
    for product in portfolio.products:
        blueprint = index.catalog.blueprints[product.blueprint]
        manifest = blueprint.manifest
        prid = ident(portfolio.name, product.blueprint)
        versions = [
            {
                "id": ident(portfolio.name, product.blueprint, v.name),
                "name": v.name,
                "description": v.description,
                "file": template_copy(product, v),
                "text": v.text,
            }
            for v in published(blueprint, product)
        ]
        products.append(
            {
                "id": prid,
                "blueprint": product.blueprint,
                "description": manifest.description,
                "owner": manifest.owner,
                "support": [
                    {"key": f"support_{key}", "value": value}
                    for key, value in manifest.support.model_dump().items()
                    if value is not None
                ],
                "first": versions[0],
                "more": versions[1:],
                "versions": versions,
                "launch_role": launch_role(product),
                "launch_role_id": ident(portfolio.name, "launch", launch_role(product)),
                "rules": [
                    _rule(name, c, outputs) for name, c in product.template_constraints.items()
                ],
                "statements": _statements(
                    [*PROVISIONING, *manifest.launch_policy], portfolio.region
                ),
            }
        )
    share = portfolio.share_with
    return {
        "id": pid,
        "name": portfolio.name,
        "account": portfolio.account,
        "region": portfolio.region,
        "provider_name": portfolio.provider_name,
        "description": portfolio.description or f"Blueprints of {portfolio.provider_name}",
        "bucket": bucket_name(portfolio),
        "kms_alias": f"alias/lzgen/service-catalog/{portfolio.name}",
        "products": products,
        "ou_shares": [
            {
                "id": ident(pid, "ou", *ou.split("/")),
                "ou": ou,
                "expr": f"data.terraform_remote_state.organization.outputs.ou_arns[{hcl(ou)}]",
            }
            for ou in dict.fromkeys(share.ous)
        ],
        "account_shares": [
            {"id": ident(pid, a), "account": a, "expr": account_id_expr(index, a)}
            for a in dict.fromkeys(share.accounts)
            if a != portfolio.account
        ],
        "principals": principals_of(pid, portfolio.principals),
        "create_principals": portfolio.create_principals,
        "end_user_policy": END_USER_POLICY,
        "api_gateway_logging": _api_gateway_logging(index, portfolio),
    }


def _api_gateway_logging(index: PlanIndex, portfolio: Portfolio) -> dict[str, str] | None:
    """API Gateway's CloudWatch role, when a product's blueprint requires it: set in every
    account that launches the portfolio (rule LZ5009 keeps two portfolios from both setting
    it in one account and region)."""
    needed = any(
        "api_gateway_logging" in index.catalog.blueprints[p.blueprint].manifest.requires
        for p in portfolio.products
    )
    if not needed:
        return None
    return {
        "id": ident(portfolio.name, "apigateway_logs"),
        "name": api_gateway_logging_role(portfolio.region),
        "policy": API_GATEWAY_LOGS_POLICY,
    }


def principals_of(pid: str, names: list[str]) -> list[dict[str, str]]:
    """Principal associations (and roles), addressed by name; names that differ only in case
    or punctuation get a hash of the name so their addresses stay apart."""
    idents = [ident(pid, "principal", n) for n in dict.fromkeys(names)]
    return [
        {
            "id": i
            if idents.count(i) == 1
            else f"{i}_{hashlib.sha256(n.encode()).hexdigest()[:6]}",
            "name": n,
            "arn": f"arn:{COMMERCIAL}:iam:::role/{n}",
        }
        for i, n in zip(idents, dict.fromkeys(names), strict=True)
    ]


def launch_roles(ctx: dict[str, Any]) -> list[dict[str, Any]]:
    """The distinct launch roles of a portfolio, each with the products it launches."""
    roles: dict[str, dict[str, Any]] = {}
    for product in ctx["products"]:
        name = product["launch_role"]
        role = roles.setdefault(
            name, {"id": product["launch_role_id"], "name": name, "products": []}
        )
        role["products"].append(product)
    return list(roles.values())
