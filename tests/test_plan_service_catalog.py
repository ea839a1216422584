"""The Service Catalog plan (plan/service_catalog.py), pure and fast: which stacks a portfolio
makes and what they follow, the HCL of each template-constraint rule, the launch policy's
placeholders, the template bucket's name, principal addresses, the verbatim template copies,
and resource counts equal to the rendered blocks. Terraform's own view (plan JSON) is in
test_service_catalog.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO
from lzgen.model.service_catalog import Portfolio
from lzgen.pipeline import load_and_check
from lzgen.plan.service_catalog_context import bucket_name, principals_of
from lzgen.plan.types import LandingZone, Stack
from lzgen.render import render

EXAMPLE = REPO / "examples" / "service-catalog.yaml"
OWN = REPO / "tests" / "cases" / "own-blueprints" / "org.yaml"
PUBLISHER = "service-catalog/platform-blueprints/shared-services"
FILE = "service_catalog_platform-blueprints.tf"
RESOURCE = re.compile(r'^resource "([^"]+)" "([^"]+)" \{$', re.MULTILINE)


def _plan(path: Path) -> LandingZone:
    checked = load_and_check(path)
    assert checked.plan is not None, [(d.code, d.line, d.message) for d in checked.diagnostics]
    return checked.plan


@pytest.fixture(scope="module")
def example() -> LandingZone:
    return _plan(EXAMPLE)


@pytest.fixture(scope="module")
def tree(example: LandingZone) -> dict[str, str]:
    return render(example)


def _stack(plan: LandingZone, path: str) -> Stack:
    (stack,) = [s for s in plan.stacks if s.path == path]
    return stack


def test_a_publisher_stack_and_one_per_receiving_account(example: LandingZone) -> None:
    paths = sorted(s.path for s in example.stacks if s.path.startswith("service-catalog/"))
    assert paths == [
        "service-catalog/platform-blueprints/app-a",
        "service-catalog/platform-blueprints/app-b",
        PUBLISHER,
    ]
    publisher = _stack(example, PUBLISHER)
    assert (publisher.account, publisher.region) == ("shared-services", "us-east-1")
    # the VPC whose ids the constraints pin, the OU ARNs the shares name, the deployer role
    assert publisher.depends_on == (
        "accounts/shared-services/us-east-1",
        "deployer-role",
        "organization",
    )
    for account in ("app-a", "app-b"):
        receiver = _stack(example, f"service-catalog/platform-blueprints/{account}")
        assert (receiver.account, receiver.region) == (account, "us-east-1")
        # nothing of the portfolio: its launch roles need only the account
        assert receiver.depends_on == ("deployer-role", "organization")


def test_rules_pin_the_vpc_its_tier_the_cluster_and_the_allowed_counts(
    tree: dict[str, str],
) -> None:
    text = tree[f"{PUBLISHER}/{FILE}"]
    outputs = "data.terraform_remote_state.shared-services_us-east-1.outputs"
    assert f'{{ "Fn::Contains" = [[{outputs}.shared-prod_vpc_id], {{ Ref = "VpcId" }}] }}' in text
    assert (
        f'{{ "Fn::EachMemberIn" = [{{ Ref = "Subnets" }}, '
        f'{outputs}.shared-prod_subnet_ids["app"]] }}' in text
    )
    assert '{ "Fn::Contains" = [["apps"], { Ref = "ClusterName" }] }' in text
    assert '{ "Fn::Contains" = [["1", "2", "3"], { Ref = "DesiredCount" }] }' in text
    # one template constraint per product that pins anything: core-build-tools pins nothing
    assert text.count('type         = "TEMPLATE"') == 3


def test_launch_policies_name_the_launching_account_and_the_portfolio_s_region(
    tree: dict[str, str],
) -> None:
    text = tree[f"service-catalog/platform-blueprints/app-a/{FILE}"]
    assert '"arn:aws:cloudformation:us-east-1:${local.account_id}:stack/SC-*"' in text
    assert '"arn:aws:iam::${local.account_id}:role/SC-*"' in text
    assert "{partition}" not in text
    assert "{region}" not in text
    assert "{account}" not in text
    # CloudFormation's own statements come first in every product's policy
    launch = re.compile(r'data "aws_iam_policy_document" "\w+_launch" \{\n(.*?)\n\}', re.S)
    for policy in launch.findall(text):
        assert policy.startswith('  statement {\n    sid       = "ProvisionedStacks"')


def test_the_publishing_account_holds_the_launch_roles_its_constraints_name(
    tree: dict[str, str],
) -> None:
    roles = tree[f"{PUBLISHER}/launch_roles.tf"]
    assert 'name               = "SCLaunch-ecs-fargate-service"' in roles
    assert "LocalRoleName only if a role of that name exists" in roles
    # the principals are shared by name, never created in the publishing account
    assert "ProductTeam" not in roles
    text = tree[f"{PUBLISHER}/{FILE}"]
    assert "    aws_iam_role.platform-blueprints_launch_sclaunch-ecs-fargate-service,\n" in text


def test_principal_roles_are_created_in_receiving_accounts_only(tree: dict[str, str]) -> None:
    for account in ("app-a", "app-b"):
        text = tree[f"service-catalog/platform-blueprints/{account}/{FILE}"]
        assert 'name               = "ProductTeam"' in text
        assert "arn:aws:iam::aws:policy/AWSServiceCatalogEndUserFullAccess" in text


def test_templates_are_copied_byte_for_byte(tree: dict[str, str]) -> None:
    for name in ("core-build-tools", "ecs-fargate-service", "private-api-fargate"):
        copy = tree[f"{PUBLISHER}/blueprints/{name}/v1.yaml"]
        assert copy == (REPO / "blueprints" / name / "v1.yaml").read_text(encoding="utf-8")


def test_counts_are_the_rendered_resource_blocks(example: LandingZone) -> None:
    plan = _plan(OWN)
    for lz in (example, plan):
        tree = render(lz)
        for stack in lz.stacks:
            if not stack.path.startswith("service-catalog/"):
                continue
            for file, count in stack.contributions:
                found = RESOURCE.findall(tree[f"{stack.path}/{file}"])
                assert count == len(found), f"{stack.path}/{file}"


def test_a_management_publisher_needs_no_delegated_administrator(example: LandingZone) -> None:
    delegated = render(example)["organization/service_catalog.tf"]
    assert delegated.count('resource "aws_organizations_delegated_administrator"') == 1
    assert "aws_organizations_account.shared-services.id" in delegated
    own = render(_plan(OWN))["organization/service_catalog.tf"]
    assert 'resource "aws_servicecatalog_organizations_access"' in own
    assert "aws_organizations_delegated_administrator" not in own


@pytest.mark.parametrize("name", ["p", "a" * 20, "a" * 21, "platform-blueprints-for-all-teams"])
def test_the_bucket_name_fits_s3_s_63_characters(name: str) -> None:
    portfolio = Portfolio.model_validate(
        {
            "name": name,
            "account": "x",
            "region": "ap-southeast-2",
            "provider_name": "p",
            "products": [{"blueprint": "core-build-tools"}],
        }
    )
    bucket = bucket_name(portfolio).replace("${local.account_id}", "123456789012")
    assert len(bucket) <= 63
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*[a-z0-9]", bucket), bucket


def test_principal_names_that_share_an_address_stay_apart() -> None:
    found = principals_of("p", ["Product-Team", "Product_Team", "Ops"])
    ids = [p["id"] for p in found]
    assert len(set(ids)) == 3
    assert ids[2] == "p_principal_ops", ids
    assert [p["arn"] for p in found] == [
        "arn:aws:iam:::role/Product-Team",
        "arn:aws:iam:::role/Product_Team",
        "arn:aws:iam:::role/Ops",
    ]


def test_a_user_s_own_blueprint_is_published_like_lzgen_s() -> None:
    """tests/cases/own-blueprints: the file's blueprints/team-queue (two versions) beside
    lzgen's core-build-tools, from the management account."""
    tree = render(_plan(OWN))
    stack = "service-catalog/team-tools/management"
    own = OWN.parent / "blueprints" / "team-queue"
    for version in ("v1", "v2"):
        copy = tree[f"{stack}/blueprints/team-queue/{version}.yaml"]
        assert copy == (own / f"{version}.yaml").read_text(encoding="utf-8")
    text = tree[f"{stack}/service_catalog_team-tools.tf"]
    assert 'resource "aws_servicecatalog_product" "team-tools_team-queue" {' in text
    assert (
        'resource "aws_servicecatalog_provisioning_artifact" "team-tools_team-queue_v2" {' in text
    )
    assert '{ "Fn::Contains" = [["86400", "345600"], { Ref = "RetentionSeconds" }] }' in text
    assert tree[f"{stack}/blueprints/core-build-tools/v1.yaml"] == (
        REPO / "blueprints" / "core-build-tools" / "v1.yaml"
    ).read_text(encoding="utf-8")
