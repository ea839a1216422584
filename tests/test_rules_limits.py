"""Rules on AWS service quotas (LZ8002-LZ8005) and partitions (LZ2018). A YAML snippet in, the
exact diagnostics out (code, line, column).

Same conventions as test_rules.py (helpers.org puts the snippet first, so line 1 is the
snippet's first line). ``FAILING`` here counts for test_rules.py's every-code check.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import diagnose, diagnostics, only, org

REPO = Path(__file__).resolve().parent.parent

Expected = list[tuple[str, int, int]]


def _accounts(quotas: str) -> str:
    """The base accounts, `network` declaring ``quotas`` (a flow mapping's inside)."""
    return f"""
        accounts:
          - {{ name: network, email: aws+network@example.com, ou: Infrastructure,
              id: "222222222222", quotas: {{ {quotas} }} }}
          - {{ name: app-a, email: aws+app-a@example.com, ou: Workloads/Prod }}
        """


def _vpc(
    name: str,
    cidr: str,
    *,
    account: str = "network",
    region: str = "us-east-1",
    nat: str = "per_az",
    azs: str = "a, b, c",
) -> str:
    """A VPC with a public tier, by default in 3 AZs with NAT gateways per AZ: 3 Elastic IPs,
    9 lines."""
    return f"""
          - name: {name}
            account: {account}
            region: {region}
            cidr: {cidr}
            azs: [{azs}]
            nat_gateways: {nat}
            subnets:
              - {{ name: public, type: public, size: 24 }}
              - {{ name: app, type: private, size: 20 }}"""


def _small_vpc(name: str, cidr: str, region: str = "us-east-1") -> str:
    """An isolated one-AZ VPC in account `network`: no NAT gateway, one line."""
    return (
        f"\n          - {{ name: {name}, account: network, region: {region}, cidr: {cidr}, "
        "azs: [a], nat_gateways: none, subnets: [{ name: db, type: isolated, size: 24 }] }"
    )


TWO_PER_AZ_VPCS = "\n        vpcs:" + _vpc("prod", "10.0.0.0/16") + _vpc("staging", "10.1.0.0/16")
SIX_VPCS = "\n        vpcs:" + "".join(_small_vpc(f"v{k}", f"10.{k}.0.0/16") for k in range(6))


def _endpoints(count: int, accounts: str = "") -> str:
    services = ", ".join(f"e{k:02d}" for k in range(count))
    return f"""
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{{ name: db, type: isolated, size: 24 }}]
            endpoints:
              interface: [{services}]
        {accounts}"""


def _vpns(count: int) -> str:
    return "".join(
        f"\n              - {{ name: dc{k}, customer_gateway: {{ ip: 203.0.113.{k % 250 + 1}, "
        "asn: 65010 } }"
        for k in range(count)
    )


def _tgw(vpns: int) -> str:
    return (
        """
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            route_tables: [shared]
            vpn_connections:"""
        + _vpns(vpns)
        + "\n"
    )


ATTACHED_VPC = """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: tgw, type: isolated, size: 28 }]
            transit_gateway: { name: core, subnets: tgw, route_table: shared }
        """

FAILING: list[tuple[str, str, Expected]] = [
    # --- LZ2018 regions outside the commercial partition ----------------------------------
    (
        "LZ2018-home-region",
        """
        organization:
          name: example-corp
          home_region: us-gov-west-1
          management_account_id: "111111111111"
          state: { backend: s3, bucket: example-corp-tfstate, region: us-east-1 }
          pipeline: { trusted_principals: ["arn:aws:iam::111111111111:role/PlatformAdmin"] }
          existing: { id: o-exampleorg1, root_id: r-ex01 }
          trusted_services: []
          policy_types: []
        """,
        [("LZ2018", 3, 16)],
    ),
    (
        "LZ2018-state-region",
        """
        organization:
          name: example-corp
          home_region: us-east-1
          management_account_id: "111111111111"
          state: { backend: s3, bucket: example-corp-tfstate, region: cn-north-1 }
          pipeline: { trusted_principals: ["arn:aws:iam::111111111111:role/PlatformAdmin"] }
          existing: { id: o-exampleorg1, root_id: r-ex01 }
          trusted_services: []
          policy_types: []
        """,
        [("LZ2018", 5, 63)],
    ),
    (
        "LZ2018-vpc-region-not-also-lz2007-or-lz2008",
        """
        vpcs:
          - name: v
            account: network
            region: cn-northwest-1
            cidr: 10.0.0.0/16
            azs: [z]
            nat_gateways: none
            subnets: [{ name: db, type: isolated, size: 24 }]
        """,
        [("LZ2018", 4, 13)],
    ),
    (
        "LZ2018-unknown-govcloud-region",
        """
        vpcs:
          - name: v
            account: network
            region: us-gov-north-9
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: db, type: isolated, size: 24 }]
        """,
        [("LZ2018", 4, 13)],
    ),
    (
        "LZ2018-tgw-region",
        """
        transit_gateways:
          - { name: core, account: network, region: us-gov-east-1, route_tables: [a] }
        """,
        [("LZ2018", 2, 45)],
    ),
    (
        "LZ2018-allowed-regions",
        """
        baseline:
          log_archive_account: network
          service_control_policies:
            - { name: allowed-regions, regions: [us-east-1, us-gov-west-1] }
        """,
        [("LZ2018", 4, 53)],
    ),
    # --- LZ8002 Elastic IPs per account and region ----------------------------------------
    ("LZ8002-two-per-az-vpcs", TWO_PER_AZ_VPCS, [("LZ8002", 16, 19)]),
    (
        "LZ8002-six-azs-with-the-default-per-az",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b, c, d, e, f]
            reserve_azs: 8
            subnets:
              - { name: public, type: public, size: 24 }
        """,
        [("LZ8002", 2, 5)],
    ),
    (
        "LZ8002-declared-lower-than-needed",
        TWO_PER_AZ_VPCS + _accounts("elastic_ips: 4"),
        [("LZ8002", 16, 19)],
    ),
    # --- LZ8003 VPCs per account and region -----------------------------------------------
    ("LZ8003-six-vpcs", SIX_VPCS, [("LZ8003", 7, 13)]),
    ("LZ8003-declared-lower", SIX_VPCS + _accounts("vpcs_per_region: 3"), [("LZ8003", 5, 13)]),
    # --- LZ8004 interface endpoints per VPC -----------------------------------------------
    # entries are 5 characters apart ("eNN, "), the first at column 19: the 51st at 19 + 250
    ("LZ8004-fifty-one-endpoints", _endpoints(51), [("LZ8004", 10, 269)]),
    (
        "LZ8004-declared-lower",
        _endpoints(3, _accounts("interface_endpoints_per_vpc: 2")),
        [("LZ8004", 10, 29)],
    ),
    # --- LZ8005 transit gateway attachments ----------------------------------------------
    (
        "LZ8005-vpns-over-the-declared-quota",
        _tgw(3) + _accounts("transit_gateway_attachments: 2"),
        [("LZ8005", 9, 9)],
    ),
    (
        "LZ8005-the-vpc-after-the-vpns-goes-over",
        _tgw(2) + ATTACHED_VPC + _accounts("transit_gateway_attachments: 2"),
        [("LZ8005", 18, 22)],
    ),
]

PASSING: list[tuple[str, str]] = [
    ("LZ2018-commercial-regions", ""),
    (
        "LZ8002-raised-quota-admits-six",
        TWO_PER_AZ_VPCS + _accounts("elastic_ips: 6"),
    ),
    (
        "LZ8002-two-regions",
        "\n        vpcs:"
        + _vpc("prod", "10.0.0.0/16")
        + _vpc("dr", "10.1.0.0/16", region="us-west-2"),
    ),
    (
        "LZ8002-two-accounts",
        "\n        vpcs:"
        + _vpc("prod", "10.0.0.0/16")
        + _vpc("app", "10.1.0.0/16", account="app-a"),
    ),
    (
        "LZ8002-five-at-the-quota-single-needs-one-none-none",
        "\n        vpcs:"
        + _vpc("prod", "10.0.0.0/16")
        + _vpc("staging", "10.1.0.0/16", nat="single", azs="a")
        + _vpc("dev", "10.2.0.0/16", nat="single", azs="a")
        + _small_vpc("db", "10.3.0.0/16"),
    ),
    (
        "LZ8003-five-vpcs",
        "\n        vpcs:" + "".join(_small_vpc(f"v{k}", f"10.{k}.0.0/16") for k in range(5)),
    ),
    ("LZ8003-raised-quota-admits-six", SIX_VPCS + _accounts("vpcs_per_region: 6")),
    (
        "LZ8003-five-per-region",
        "\n        vpcs:"
        + "".join(_small_vpc(f"v{k}", f"10.{k}.0.0/16") for k in range(5))
        + _small_vpc("west", "10.9.0.0/16", region="us-west-2"),
    ),
    ("LZ8004-fifty-endpoints", _endpoints(50)),
    (
        "LZ8004-raised-quota-admits-fifty-one",
        _endpoints(51, _accounts("interface_endpoints_per_vpc: 60")),
    ),
    ("LZ8005-within-the-default", _tgw(3) + ATTACHED_VPC),
    (
        "LZ8005-declared-quota-admits",
        _tgw(2) + ATTACHED_VPC + _accounts("transit_gateway_attachments: 3"),
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in FAILING])
def test_failing_snippet(snippet: str, expected: Expected) -> None:
    assert diagnose(org(snippet)) == expected


@pytest.mark.parametrize("snippet", [pytest.param(s, id=i) for i, s in PASSING])
def test_passing_snippet(snippet: str) -> None:
    assert diagnose(org(snippet)) == []


FAILING_BY_ID = {i: s for i, s, _ in FAILING}


# --- messages, hints and related locations --------------------------------------------------


def test_partition_message_names_the_partition() -> None:
    d = only(org(FAILING_BY_ID["LZ2018-home-region"]))
    assert d.message == (
        "'us-gov-west-1' is in the AWS GovCloud (US) partition (aws-us-gov); lzgen renders only "
        "the commercial 'aws' partition (every ARN it writes is arn:aws:...)"
    )
    assert d.hint.startswith("keep AWS GovCloud (US) landing zones in a separate org file")
    d = only(org(FAILING_BY_ID["LZ2018-state-region"]))
    assert "AWS China partition (aws-cn)" in d.message


def test_elastic_ips_message_hint_and_related() -> None:
    d = only(org(TWO_PER_AZ_VPCS))
    assert d.message == (
        "account 'network' would need 6 Elastic IPs in us-east-1 for the NAT gateways of 2 "
        "VPCs, more than the quota of 5 (AWS default, EC2-VPC Elastic IPs)"
    )
    assert d.path == "vpcs[1].nat_gateways"
    assert [(r.line, r.column) for r in d.related] == [(7, 19)]  # prod's nat_gateways
    assert "'EC2-VPC Elastic IPs' (L-0263D0A3)" in d.hint
    assert "Service Quotas" in d.hint
    assert "--quota-code L-0263D0A3 --desired-value 6 --region us-east-1" in d.hint
    assert "`quotas: { elastic_ips: 6 }` on account 'network'" in d.hint


def test_a_declared_quota_is_cited_and_named() -> None:
    d = only(org(FAILING_BY_ID["LZ8002-declared-lower-than-needed"]))
    assert "more than the quota of 4 (declared, EC2-VPC Elastic IPs)" in d.message
    assert (d.related[-1].line, d.related[-1].column) == (22, 50)  # quotas.elastic_ips
    assert "raise the declared value" in d.hint


def test_vpcs_per_region_cites_the_others() -> None:
    d = only(org(SIX_VPCS))
    assert d.message.startswith("account 'network' would have 6 VPCs in us-east-1")
    assert "'VPCs per Region' (L-F678F1CE)" in d.hint
    assert "`quotas: { vpcs_per_region: 6 }`" in d.hint
    assert [r.line for r in d.related] == [2, 3, 4, 5, 6]  # the other VPCs' names


def test_interface_endpoints_message() -> None:
    d = only(org(FAILING_BY_ID["LZ8004-fifty-one-endpoints"]))
    assert d.message.startswith(
        "VPC 'v' (account 'network', us-east-1) would have 51 interface endpoints"
    )
    assert d.path == "vpcs[0].endpoints.interface[50]"
    assert "(L-29B6F2EB)" in d.hint
    assert "`quotas: { interface_endpoints_per_vpc: 51 }`" in d.hint


def test_tgw_attachments_message() -> None:
    d = only(org(FAILING_BY_ID["LZ8005-the-vpc-after-the-vpns-goes-over"]))
    assert d.message.startswith(
        "transit gateway 'core' (account 'network', us-east-1) would have 3 attachments "
        "(1 VPCs, 2 VPNs), more than the quota of 2 (declared"
    )
    assert "(L-E0233F82)" in d.hint
    assert (d.related[0].line, d.related[0].column) == (2, 11)  # the TGW's name


def test_the_default_tgw_quota_is_five_thousand() -> None:
    """5,001 VPNs on one transit gateway go over the default quota at the 5,001st."""
    found = [d for d in diagnostics(org(_tgw(5001))) if d.code == "LZ8005"]
    assert [d.path for d in found] == ["transit_gateways[0].vpn_connections[5000]"]
    # (the hub stack is over LZ8001's 500 resources either way)
    assert [d for d in diagnostics(org(_tgw(5000))) if d.code == "LZ8005"] == []


def test_lz8001_points_a_directory_stack_at_its_directory() -> None:
    """examples/shared-directory.yaml with a bound (48) that its directory owner stack (50
    resources) passes, and no other stack does: the error points at the directory's name and
    advises on consumers."""
    text = (REPO / "examples" / "shared-directory.yaml").read_text()
    lowered = text.replace(
        "  home_region: us-east-1\n", "  home_region: us-east-1\n  max_stack_resources: 48\n", 1
    )
    found = [d for d in diagnostics(lowered) if d.code == "LZ8001"]
    assert [(d.message.split(" would")[0], d.path) for d in found] == [
        ("stack 'directories/corp/identity'", "directories[0].name")
    ]
    assert found[0].hint.startswith("a directory's stack grows with its consumer VPCs")
