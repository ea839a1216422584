"""examples/service-catalog.yaml: the portfolio, its constraints and shares, read from the
offline plan JSON of its stacks.

Expected values come from the YAML, not from the rendered code. Values only known after an
upstream apply (the shared VPC's and its subnets' ids, OU ARNs, created accounts' ids) are
the offline planner's placeholders, derived from the upstream output's name, so they prove
which output was read: the template constraint pins ``VpcId`` to the shared VPC's id and
``Subnets`` to exactly the ``app`` tier's subnets, one per AZ, as the VPC's account stack
creates them.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from conftest import REPO, OfflinePlans, Plan, RenderedExamples, tree_group
from lzgen.offline import placeholder

EXAMPLE = "service-catalog"
pytestmark = [pytest.mark.terraform, tree_group(EXAMPLE)]
PORTFOLIO = "platform-blueprints"
PUBLISHER = f"service-catalog/{PORTFOLIO}/shared-services"
ECS = f"{PORTFOLIO}_ecs-fargate-service"
# the API blueprints require API Gateway's CloudWatch role in every launching account
LOGS_ROLE = "lzgen-apigateway-logs-us-east-1"


def _org() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((REPO / "examples" / f"{EXAMPLE}.yaml").read_text())
    return data


def _portfolio() -> dict[str, Any]:
    found: dict[str, Any] = _org()["service_catalog"]["portfolios"][0]
    return found


def _plan(plans: OfflinePlans, rendered: RenderedExamples, path: str) -> Plan:
    stacks = {s["path"]: s for s in rendered.manifest(EXAMPLE)["stacks"]}
    assert path in stacks, f"{EXAMPLE} renders no stack {path!r}: {sorted(stacks)}"
    return plans.plan(EXAMPLE, stacks[path])


@pytest.fixture(scope="module")
def publisher(rendered_examples: RenderedExamples, offline_plans: OfflinePlans) -> Plan:
    return _plan(offline_plans, rendered_examples, PUBLISHER)


def _rules(plan: Plan, product: str) -> dict[str, Any]:
    constraint = plan.planned[f"aws_servicecatalog_constraint.{product}_template"]
    assert constraint["type"] == "TEMPLATE"
    rules: dict[str, Any] = json.loads(constraint["parameters"])["Rules"]
    return rules


def _assertion(rules: dict[str, Any], parameter: str) -> dict[str, Any]:
    (assertion,) = rules[f"{parameter}Pinned"]["Assertions"]
    found: dict[str, Any] = assertion["Assert"]
    return found


def test_vpc_id_is_pinned_to_the_shared_vpc(publisher: Plan) -> None:
    vpc = _portfolio()["products"][1]["template_constraints"]["VpcId"]["vpc"]
    assert _assertion(_rules(publisher, ECS), "VpcId") == {
        "Fn::Contains": [[placeholder(f"{vpc}_vpc_id")], {"Ref": "VpcId"}]
    }


def test_subnets_are_pinned_to_exactly_the_tiers_subnets(
    publisher: Plan, rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    pin = _portfolio()["products"][1]["template_constraints"]["Subnets"]
    vpc = next(v for v in _org()["vpcs"] if v["name"] == pin["vpc"])
    assertion = _assertion(_rules(publisher, ECS), "Subnets")
    ref, allowed = assertion["Fn::EachMemberIn"]
    assert ref == {"Ref": "Subnets"}
    output = f"{pin['vpc']}_subnet_ids"
    assert allowed == [placeholder(f"{output}.{pin['tier']}[{i}]") for i in range(len(vpc["azs"]))]
    # the VPC's account stack puts exactly the tier's subnets, one per AZ, in that output
    home = _plan(offline_plans, rendered_examples, f"accounts/{vpc['account']}/{vpc['region']}")
    refs = home.data["configuration"]["root_module"]["outputs"][output]["expression"]
    subnets = [r for r in refs["references"] if r in home.config]
    tiers = {home.planned[s]["tags"]["Tier"] for s in subnets}
    assert tiers == {t["name"] for t in vpc["subnets"]}
    tier = [s for s in subnets if home.planned[s]["tags"]["Tier"] == pin["tier"]]
    azs = [home.planned[s]["availability_zone"] for s in tier]
    assert azs == [f"{vpc['region']}{az}" for az in vpc["azs"]]


def test_cluster_and_desired_count_are_pinned(publisher: Plan) -> None:
    rules = _rules(publisher, ECS)
    assert set(rules) == {"VpcIdPinned", "SubnetsPinned", "ClusterNamePinned", "DesiredCountPinned"}
    assert _assertion(rules, "ClusterName") == {"Fn::Contains": [["apps"], {"Ref": "ClusterName"}]}
    assert _assertion(rules, "DesiredCount") == {
        "Fn::Contains": [["1", "2", "3"], {"Ref": "DesiredCount"}]
    }


def test_the_share_reaches_the_named_ou_and_account(publisher: Plan) -> None:
    shares = {
        a: publisher.planned[a] for a in publisher.of_type("aws_servicecatalog_portfolio_share")
    }
    share_with = _portfolio()["share_with"]
    assert sorted((s["type"], s["principal_id"]) for s in shares.values()) == sorted(
        [("ORGANIZATIONAL_UNIT", placeholder(f"ou_arns.{ou}")) for ou in share_with["ous"]]
        + [
            ("ORGANIZATION_MEMBER_ACCOUNT", placeholder(f"account_ids.{a}"))
            for a in share_with["accounts"]
        ]
    )
    assert all(s["share_principals"] for s in shares.values())
    portfolio = f"aws_servicecatalog_portfolio.{PORTFOLIO}"
    assert {publisher.one(a, "portfolio_id") for a in shares} == {portfolio}


def test_principals_are_shared_by_name(publisher: Plan) -> None:
    found = publisher.of_type("aws_servicecatalog_principal_portfolio_association")
    assert sorted(
        (publisher.planned[a]["principal_arn"], publisher.planned[a]["principal_type"])
        for a in found
    ) == [(f"arn:aws:iam:::role/{p}", "IAM_PATTERN") for p in _portfolio()["principals"]]


def test_every_version_s_artifact_names_its_uploaded_template(publisher: Plan) -> None:
    products = publisher.of_type("aws_servicecatalog_product")
    assert len(products) == len(_portfolio()["products"])
    for product in products:
        (artifact,) = publisher.config[product]["expressions"]["provisioning_artifact_parameters"]
        refs = artifact["template_url"]["references"]
        objects = {r for r in refs if r.startswith("aws_s3_object.") and r in publisher.config}
        (uploaded,) = objects
        source = publisher.config[uploaded]["expressions"]["source"]
        assert source["references"] == ["path.module"]
        assert publisher.one(uploaded, "kms_key_id") == f"aws_kms_key.{PORTFOLIO}"


def test_each_product_launches_as_its_role(publisher: Plan) -> None:
    for entry in _portfolio()["products"]:
        address = f"aws_servicecatalog_constraint.{PORTFOLIO}_{entry['blueprint']}_launch"
        role = entry.get("launch_role", f"SCLaunch-{entry['blueprint']}")
        assert json.loads(publisher.planned[address]["parameters"]) == {"LocalRoleName": role}
    # Service Catalog creates a LocalRoleName constraint only where that role exists already
    names = {publisher.planned[a]["name"] for a in publisher.of_type("aws_iam_role")}
    assert names == {
        e.get("launch_role", f"SCLaunch-{e['blueprint']}") for e in _portfolio()["products"]
    } | {LOGS_ROLE}


@pytest.mark.parametrize("account", ["app-a", "app-b"])
def test_every_receiving_account_has_the_launch_roles(
    account: str, rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    plan = _plan(offline_plans, rendered_examples, f"service-catalog/{PORTFOLIO}/{account}")
    roles = {plan.planned[a]["name"]: a for a in plan.of_type("aws_iam_role")}
    expected = {
        e.get("launch_role", f"SCLaunch-{e['blueprint']}") for e in _portfolio()["products"]
    }
    assert set(roles) == expected | set(_portfolio()["principals"]) | {LOGS_ROLE}
    for name in expected:
        trust = json.loads(plan.planned[roles[name]]["assume_role_policy"])
        principals = [s["Principal"] for s in trust["Statement"]]
        assert principals == [{"Service": "servicecatalog.amazonaws.com"}]


def test_the_organization_enables_sharing_and_delegates(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    plan = _plan(offline_plans, rendered_examples, "organization")
    assert plan.planned["aws_servicecatalog_organizations_access.this"]["enabled"] is True
    organization = plan.planned["aws_organizations_organization.this"]
    assert "servicecatalog.amazonaws.com" in organization["aws_service_access_principals"]
    (admin,) = plan.of_type("aws_organizations_delegated_administrator")
    assert plan.planned[admin]["service_principal"] == "servicecatalog.amazonaws.com"
    assert plan.one(admin, "account_id") == "aws_organizations_account.shared-services"


@pytest.mark.parametrize("account", ["app-a", "app-b"])
def test_api_gateway_logs_with_the_account_s_role(
    account: str, rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    plan = _plan(offline_plans, rendered_examples, f"service-catalog/{PORTFOLIO}/{account}")
    (setting,) = plan.of_type("aws_api_gateway_account")
    role = plan.one(setting, "cloudwatch_role_arn")
    assert plan.planned[role]["name"] == LOGS_ROLE
    trust = json.loads(plan.planned[role]["assume_role_policy"])
    assert [s["Principal"] for s in trust["Statement"]] == [{"Service": "apigateway.amazonaws.com"}]
    policies = {
        plan.planned[a]["policy_arn"]
        for a in plan.of_type("aws_iam_role_policy_attachment")
        if plan.one(a, "role") == role
    }
    assert policies == {"arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"}
