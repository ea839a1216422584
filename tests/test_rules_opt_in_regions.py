"""LZ2019: opt-in regions are declared in organization.opt_in_regions, and only those; and the
organization stack enables each declared region for the member accounts that act there.

Same conventions as test_rules.py (helpers.org puts the snippet first). ``FAILING`` here counts
for test_rules.py's every-code check.
"""

from __future__ import annotations

import pytest

from helpers import diagnose, only, org
from lzgen.load import load_text
from lzgen.pipeline import check_document
from lzgen.render import render

Expected = list[tuple[str, int, int]]

ORGANIZATION = """
        organization:
          name: example-corp
          home_region: us-east-1
          management_account_id: "111111111111"
          existing: { id: o-exampleorg1, root_id: r-ex01 }
          trusted_services: []
          policy_types: []
          state: { backend: local }
          pipeline: { trusted_principals: ["arn:aws:iam::111111111111:role/PlatformAdmin"] }
        """

UAE_VPC = """
        vpcs:
          - name: uae
            account: network
            region: me-central-1
            cidr: 10.0.0.0/20
            azs: [a, b]
            nat_gateways: none
            subnets:
              - { name: data, type: isolated, size: 24 }
        """

FAILING: list[tuple[str, str, Expected]] = [
    ("LZ2019-undeclared-vpc-region", ORGANIZATION + UAE_VPC, [("LZ2019", 14, 13)]),
    (
        "LZ2019-declared-region-that-is-not-opt-in",
        ORGANIZATION.replace(
            "policy_types: []", "policy_types: []\n          opt_in_regions: [us-east-1]"
        ),
        [("LZ2019", 8, 20)],
    ),
]

DECLARED = ORGANIZATION.replace(
    "policy_types: []", "policy_types: []\n          opt_in_regions: [me-central-1]"
)


@pytest.mark.parametrize(("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in FAILING])
def test_failing_snippet(snippet: str, expected: Expected) -> None:
    assert diagnose(org(snippet)) == expected


def test_a_declared_opt_in_region_passes() -> None:
    assert diagnose(org(DECLARED + UAE_VPC)) == []


def test_undeclared_region_hint_says_what_to_add() -> None:
    d = only(org(FAILING[0][1]))
    assert "OptInRequired" in d.message
    assert d.hint.startswith("add 'me-central-1' to organization.opt_in_regions")


def test_the_organization_stack_enables_a_declared_region_for_every_member_account() -> None:
    """The VPC's account and every other member: each gets its regional account settings
    (default VPC removal, EBS encryption, ...) in every region the landing zone uses."""
    checked = check_document(load_text(org(DECLARED + UAE_VPC), "org.yaml"))
    assert checked.plan is not None
    text = render(checked.plan)["organization/organization.tf"]
    assert 'resource "aws_account_region" "network_me-central-1" {' in text
    assert 'account_id  = "222222222222"' in text
    assert 'resource "aws_account_region" "app-a_me-central-1" {' in text
    assert '"account.amazonaws.com",' in text  # enabling a member's region needs trusted access
    assert text.count('resource "aws_account_region"') == 2
    assert "accounts/app-a/me-central-1/account_settings.tf" in render(checked.plan)


def test_the_management_account_is_not_enabled_by_its_own_organization_stack() -> None:
    snippet = (
        DECLARED
        + UAE_VPC.replace("account: network", "account: management")
        + """
        accounts:
          - { name: management, email: root@example.com, ou: Infrastructure, id: "111111111111" }
        """
    )
    checked = check_document(load_text(org(snippet), "org.yaml"))
    assert checked.plan is not None
    assert "aws_account_region" not in render(checked.plan)["organization/organization.tf"]
