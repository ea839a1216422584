"""Rules on VPC peerings with a VPC outside the organization (``accepter: {external: ...}``):
shapes (LZ1010-LZ1012), references (LZ2015, LZ2003, LZ2007, LZ3001), the external CIDR's
overlaps (LZ3025) and the external VPC's identity (LZ3026). A YAML snippet in, the exact
diagnostics out (code, line, column).

Same conventions as test_rules.py (helpers.org puts the snippet first, so line 1 is the
snippet's first line). ``FAILING`` here counts for test_rules.py's every-code check.
"""

from __future__ import annotations

import pytest

from helpers import diagnose, diagnostics, only, org

Expected = list[tuple[str, int, int]]

# hsm (10.60.0.0/22, network) peers with a SaaS provider's VPC; tools (10.70.0.0/22) is spare.
VPCS = """
vpcs:
  - name: hsm
    account: network
    region: us-east-1
    cidr: 10.60.0.0/22
    azs: [a, b]
    nat_gateways: none
    subnets: [{ name: hsm, type: isolated, size: 26 }, { name: tgw, type: isolated, size: 28 }]
  - name: tools
    account: network
    region: us-east-1
    cidr: 10.70.0.0/22
    azs: [a, b]
    nat_gateways: none
    subnets: [{ name: app, type: isolated, size: 26 }, { name: tgw, type: isolated, size: 28 }]
"""  # lines 1-15

SAAS = """
vpc_peerings:
  - name: saas-acme
    requester: hsm
    accepter:
      external:
        account_id: "999999999999"
        vpc_id: vpc-0abc12345678def01
        cidr: 192.168.50.0/24
        region: us-east-1
"""  # lines 17-25: name 18, account_id 22, vpc_id 23, cidr 24, region 25

VALID = VPCS + SAAS

SECOND = """
  - name: saas-other
    requester: hsm
    accepter: { external: { account_id: "888888888888", vpc_id: vpc-0123abcd, cidr: 192.168.60.0/24, region: us-east-1 } }
"""  # noqa: E501 - lines 26-29; the second peering's accepter is on line 29

TGW = """
transit_gateways:
  - { name: core, account: network, region: us-east-1, route_tables: [shared] }
"""


def _attach(text: str, vpc: str, extra: str = "") -> str:
    """``text`` with VPC ``vpc`` attached to TGW core's table shared (propagating into it)."""
    return text.replace(
        f"  - name: {vpc}\n",
        f"  - name: {vpc}\n    transit_gateway: {{ name: core, subnets: tgw, route_table: shared,"
        f" propagate_to: [shared] }}\n{extra}",
    )


# Shape errors (LZ1xxx come from the models, not from rules: not in test_rules.py's table).
SHAPE_FAILING: list[tuple[str, str, Expected]] = [
    # --- shapes ---------------------------------------------------------------------------
    (
        "LZ1012-account-id-digits",
        VALID.replace('"999999999999"', '"99999999999"'),
        [("LZ1012", 22, 21)],
    ),
    (
        "LZ1012-account-id-number",
        VALID.replace('"999999999999"', "999999999999"),
        [("LZ1012", 22, 21)],
    ),
    (
        "LZ1012-vpc-id",
        VALID.replace("vpc-0abc12345678def01", "vpc-0abc12345678def0"),
        [("LZ1012", 23, 17)],
    ),
    ("LZ1010-external-key", VALID.replace("vpc_id:", "vpcid:"), [("LZ1010", 23, 9)]),
    (
        "LZ1012-accepter-list",
        VPCS + SAAS.split("    accepter:", 1)[0] + "    accepter: [tools]\n",
        [("LZ1012", 20, 15)],
    ),
]

FAILING: list[tuple[str, str, Expected]] = [
    # --- references -----------------------------------------------------------------------
    (
        "LZ2015-external-requester",
        VALID.replace("requester: hsm", "requester: hms"),
        [("LZ2015", 19, 16)],
    ),
    (
        "LZ2003-external-name-is-a-vpc",
        VALID.replace("name: saas-acme", "name: tools"),
        [("LZ2003", 18, 11)],
    ),
    (
        "LZ2007-external-region",
        VALID.replace("region: us-east-1\n", "region: us-east-9\n").replace(
            "    region: us-east-9\n    cidr", "    region: us-east-1\n    cidr"
        ),
        [("LZ2007", 25, 17)],
    ),
    (
        "LZ3001-external-cidr",
        VALID.replace("192.168.50.0/24", "192.168.50.1/24"),
        [("LZ3001", 24, 15)],
    ),
    # --- LZ3025 overlaps ------------------------------------------------------------------
    ("LZ3025-requester", VALID.replace("192.168.50.0/24", "10.60.0.0/25"), [("LZ3025", 24, 15)]),
    (
        "LZ3025-peer",
        VALID.replace("192.168.50.0/24", "10.70.0.0/26")
        + "  - { name: hsm-tools, requester: hsm, accepter: tools }\n",
        [("LZ3025", 24, 15)],
    ),
    (
        "LZ3025-tgw-destination",
        _attach(_attach(TGW + VALID, "hsm"), "tools").replace("192.168.50.0/24", "10.70.0.128/25"),
        [("LZ3025", 29, 15)],
    ),
    (
        "LZ3025-tgw-static-route",
        _attach(TGW, "hsm").replace(
            "route_tables: [shared] }",
            "route_tables: [shared],\n"
            "      routes: [{ cidr: 172.16.0.0/12, route_table: shared, blackhole: true },"
            " { cidr: 192.168.0.0/16, route_table: shared, vpc: tools }] }",
        )
        + _attach(_attach(VALID, "hsm"), "tools"),
        [("LZ3025", 30, 15)],
    ),
    (
        "LZ3025-two-externals",
        VALID + SECOND.replace("192.168.60.0/24", "192.168.50.128/25"),
        [("LZ3025", 29, 85)],
    ),
    # --- LZ3026 the external VPC ----------------------------------------------------------
    (
        "LZ3026-vpc-id-twice",
        VALID + SECOND.replace("vpc-0123abcd", "vpc-0abc12345678def01"),
        [("LZ3026", 29, 65)],
    ),
    (
        "LZ3026-account-in-org",
        VALID.replace('"999999999999"', '"222222222222"'),
        [("LZ3026", 22, 21)],
    ),
    (
        "LZ3026-management-account",
        VALID.replace('"999999999999"', '"111111111111"'),
        [("LZ3026", 22, 21)],
    ),
]

PASSING: list[tuple[str, str]] = [
    ("external-peering", VALID),
    (
        "two-externals-and-an-inside-peering",
        VALID + SECOND + "  - { name: hsm-tools, requester: hsm, accepter: tools }\n",
    ),
    (
        "same-external-from-two-vpcs",
        VALID
        + SECOND.replace("requester: hsm", "requester: tools").replace(
            "vpc-0123abcd", "vpc-0abc12345678def01"
        ),
    ),
    (
        "tgw-default-route-does-not-overlap",
        _attach(TGW, "hsm").replace(
            "route_tables: [shared] }",
            "route_tables: [shared],\n"
            "      routes: [{ cidr: 0.0.0.0/0, route_table: shared, vpc: tools }] }",
        )
        + _attach(_attach(VALID, "hsm"), "tools"),
    ),
    (
        "external-in-another-region",
        VALID.replace("        region: us-east-1\n", "        region: eu-west-1\n"),
    ),
]


@pytest.mark.parametrize(
    ("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in SHAPE_FAILING + FAILING]
)
def test_failing_snippet(snippet: str, expected: Expected) -> None:
    assert diagnose(org(snippet)) == expected


@pytest.mark.parametrize("snippet", [pytest.param(s, id=i) for i, s in PASSING])
def test_passing_snippet(snippet: str) -> None:
    assert diagnose(org(snippet)) == []


FAILING_BY_ID = {i: s for i, s, _ in SHAPE_FAILING + FAILING}


def test_a_short_account_id_names_the_expected_form() -> None:
    d = only(org(FAILING_BY_ID["LZ1012-account-id-digits"]))
    assert d.path == "vpc_peerings[0].accepter.external.account_id"
    assert "'^[0-9]{12}$'" in d.message
    assert "12 digits" in d.hint


def test_an_unquoted_account_id_is_told_to_quote_it() -> None:
    d = only(org(FAILING_BY_ID["LZ1012-account-id-number"]))
    assert "quote the value" in d.hint


def test_a_vpc_id_of_16_digits_names_the_expected_form() -> None:
    d = only(org(FAILING_BY_ID["LZ1012-vpc-id"]))
    assert "^vpc-([0-9a-f]{8}|[0-9a-f]{17})$" in d.message
    assert "8 or 17 lowercase hex digits" in d.hint


def test_a_mistake_in_the_external_form_is_not_also_reported_as_a_vpc_name() -> None:
    found = diagnostics(org(FAILING_BY_ID["LZ1010-external-key"]))
    assert [d.path for d in found] == ["vpc_peerings[0].accepter.external.vpcid"]
    assert "did you mean 'vpc_id'?" in found[0].hint
    assert all("string" not in d.message for d in found)


def test_an_overlap_with_the_requester_points_at_its_cidr() -> None:
    d = only(org(FAILING_BY_ID["LZ3025-requester"]))
    assert d.message == (
        "the external VPC of peering 'saas-acme' (10.60.0.0/25) overlaps its requester VPC "
        "'hsm' (10.60.0.0/22)"
    )
    assert [(r.line, r.column) for r in d.related] == [(5, 11)]
    assert d.hint.startswith("that range is at line 5, column 11; ")
    assert d.hint.endswith(
        "AWS does not peer VPCs with overlapping CIDRs: agree another range with the peer's owner"
    )


def test_an_overlap_with_a_range_over_the_tgw_names_it() -> None:
    d = only(org(FAILING_BY_ID["LZ3025-tgw-static-route"]))
    assert "192.168.0.0/16 (VPC 'tools'), which 'hsm' reaches over transit gateway core" in (
        d.message
    )
    assert "the route tables of 'hsm' would send one range two ways" in d.hint


def test_two_external_vpcs_overlapping_point_at_the_later() -> None:
    d = only(org(FAILING_BY_ID["LZ3025-two-externals"]))
    assert "overlaps the external VPC of peering 'saas-acme' (192.168.50.0/24)" in d.message
    assert [(r.line, r.column) for r in d.related] == [(24, 15)]


def test_an_account_of_the_organization_is_told_to_declare_the_vpc() -> None:
    d = only(org(FAILING_BY_ID["LZ3026-account-in-org"]))
    assert "account 'network' of this organization" in d.message
    assert "declare that VPC under `vpcs` in account 'network' and peer it by name" in d.hint
    assert [(r.line, r.column) for r in d.related] == [(42, 11)]  # accounts[0].id (helpers.BASE)


def test_the_same_external_vpc_twice_points_at_the_first_peering() -> None:
    d = only(org(FAILING_BY_ID["LZ3026-vpc-id-twice"]))
    assert "already peered by 'saas-acme'" in d.message
    assert [(r.line, r.column) for r in d.related] == [(18, 11)]
