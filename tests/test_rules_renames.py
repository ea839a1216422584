"""Rules about renames (``renamed_from``): the old name is free and given once (LZ2027), and the
file with its renames undone checks (LZ2028).

Same conventions as test_rules.py (the snippet's first line is line 1; helpers.BASE supplies
the accounts network and app-a). ``FAILING`` here counts for test_rules.py's every-code check.
"""

from __future__ import annotations

import pytest

from helpers import diagnose, diagnostics, org

Expected = list[tuple[str, int, int]]

# a VPC, its tier and a route table renamed: valid
VALID = """\
vpcs:
  - name: hub
    renamed_from: shared
    account: network
    region: us-east-1
    cidr: 10.0.0.0/20
    azs: [a, b]
    nat_gateways: none
    subnets:
      - { name: apps, renamed_from: app, type: private, size: 24 }
      - { name: tgw, type: private, size: 28 }
    endpoints: { gateway: [s3] }
    transit_gateway: { name: core, subnets: tgw, route_table: spokes }
transit_gateways:
  - name: core
    account: network
    region: us-east-1
    route_tables: [{ name: spokes, renamed_from: spoke }]
"""

# the TGW is called what the account is now called: undoing the account's rename reads the
# attachment's `name: network` as the account's old name
CLASH = (
    VALID.replace("  - name: core\n", "  - name: network\n")
    .replace("{ name: core,", "{ name: network,")
    .replace("      - { name: apps, renamed_from: app,", "      - { name: apps,")
    .replace("    renamed_from: shared\n", "")
    .replace("[{ name: spokes, renamed_from: spoke }]", "[spokes]")
)
CLASH_ACCOUNTS = """\
accounts:
  - { name: network, renamed_from: netops, email: aws+network@example.com,
      ou: Infrastructure, id: "222222222222" }
  - { name: app-a, email: aws+app-a@example.com, ou: Workloads/Prod }
"""

# a second VPC renamed from the first's old name
SECOND_VPC = """\
  - name: edge
    renamed_from: shared
    account: network
    region: us-east-1
    cidr: 10.1.0.0/20
    azs: [a]
    nat_gateways: none
    subnets: [{ name: data, type: isolated, size: 24 }]
"""

FAILING: list[tuple[str, str, Expected]] = [
    (
        "LZ2027-own-name",
        VALID.replace("renamed_from: shared", "renamed_from: hub"),
        [("LZ2027", 3, 19)],
    ),
    (
        "LZ2027-old-name-taken",
        VALID.replace("renamed_from: app,", "renamed_from: tgw,"),
        [("LZ2027", 10, 37)],
    ),
    (
        "LZ2027-two-from-one",
        VALID.replace("transit_gateways:", SECOND_VPC + "transit_gateways:"),
        [("LZ2027", 15, 19)],
    ),
    ("LZ2028-reference-reads-old-name", CLASH_ACCOUNTS + CLASH, [("LZ2028", 2, 36)]),
]


@pytest.mark.parametrize(("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in FAILING])
def test_failing_snippet(snippet: str, expected: Expected) -> None:
    assert [d for d in diagnose(org(snippet)) if d[0] != "LZ3102"] == expected


def test_a_valid_rename_reports_nothing() -> None:
    assert diagnose(org(VALID)) == []


def test_messages_name_both_names() -> None:
    taken = diagnostics(org(FAILING[1][1]))
    assert [d.message for d in taken] == [
        "tier 'apps' is renamed from 'tgw', but another tier is called 'tgw'"
    ]
    twice = diagnostics(org(FAILING[2][1]))
    assert [(d.message, d.related[0].line) for d in twice] == [
        ("vpc 'edge' and 'hub' are both renamed from 'shared'", 3)
    ]
    clash = diagnostics(org(CLASH_ACCOUNTS + CLASH))
    assert [d.message for d in clash] == [
        "account netops -> network: with its renames undone the file does not check (LZ2011 "
        "VPC 'hub' attaches to unknown transit gateway 'netops')"
    ]
