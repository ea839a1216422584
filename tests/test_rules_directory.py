"""Rules of shared AWS Managed Microsoft AD directories: names they refer to (LZ2023, and
LZ2003 for their names), domain and NetBIOS names (LZ4101, LZ4102), the domain controllers'
tier (LZ4103), consumer VPCs' ranges, shares, regions and way to Systems Manager (LZ4105,
LZ4106, LZ4108, LZ4109), the share method (LZ4107) and the share quota (LZ8006).

Same conventions as test_rules.py (helpers.org puts the snippet first, so line 1 is the
snippet's first line). Each snippet starts with its `directories:`; ``FAILING`` here counts for
test_rules.py's every-code check.
"""

from __future__ import annotations

import pytest

from helpers import diagnose, diagnostics, only, org
from lzgen.diagnostics import Location, Severity

Expected = list[tuple[str, int, int]]


def _vpc(
    name: str,
    cidr: str,
    *,
    account: str = "network",
    region: str = "us-east-1",
    azs: str = "a, b",
    tier: str = "{ name: dc, type: isolated, size: 24 }",
    extra: str = "",
) -> str:
    """A VPC without NAT gateways: 7 lines (8 with ``extra``, a line of its own)."""
    text = f"""
          - name: {name}
            account: {account}
            region: {region}
            cidr: {cidr}
            azs: [{azs}]
            nat_gateways: none
            subnets: [{tier}]"""
    return text + (f"\n            {extra}" if extra else "")


SSM = "endpoints: { interface: [ssm, ssmmessages, ec2messages] }"
# an overlapping VPC: LZ3005 leaves it to the directory rule
SSM_OVERLAP = f"allow_overlap: true\n            {SSM}"
SHARED = _vpc("shared", "10.0.0.0/16")
APP = _vpc("app", "10.1.0.0/16", account="app-a", extra=SSM)


def network(*vpcs: str, peers: tuple[str, ...] = ("app",)) -> str:
    """The `vpcs:` section of ``vpcs`` and a peering of each of ``peers`` with `shared`."""
    peerings = "".join(
        f"\n          - {{ name: {p}-shared, requester: {p}, accepter: shared }}" for p in peers
    )
    return "\n        vpcs:" + "".join(vpcs) + "\n        vpc_peerings:" + peerings + "\n"


# the directory's VPC `shared` in account network; consumer `app` in account app-a, peered
VPCS = network(SHARED, APP)
# three consumers: 17 AWS rules + 3 x 17 AD port rules = 68 > 60 on the directory's group
THREE = network(
    SHARED,
    APP,
    _vpc("app2", "10.2.0.0/16", account="app-a", extra=SSM),
    _vpc("app3", "10.3.0.0/16", account="app-a", extra=SSM),
    peers=("app", "app2", "app3"),
)


def directory(**fields: str) -> str:
    """The `directories:` section with one valid directory, ``fields`` replacing or adding
    keys (in this order; new keys last): lines 1-8."""
    values = {
        "name": "corp",
        "domain": "corp.example.com",
        "short_name": "CORP",
        "vpc": "shared",
        "tier": "dc",
        "share_with": "{ accounts: [app-a] }",
        "consumer_vpcs": "[app]",
    } | fields
    body = "".join(f"\n            {key}: {value}" for key, value in values.items())
    return "\n        directories:\n          -" + body.replace("\n            ", " ", 1)


def _accounts(count: int, quotas: str = "") -> str:
    """`network` (declaring ``quotas``, a flow mapping's inside) and ``count`` accounts in
    Workloads/Prod: app-a, app-b, ..."""
    declared = f", quotas: {{ {quotas} }}" if quotas else ""
    apps = "".join(
        f"\n          - {{ name: app-{chr(97 + k)}, email: aws+app-{chr(97 + k)}@example.com, "
        "ou: Workloads/Prod }"
        for k in range(count)
    )
    return f"""
        accounts:
          - {{ name: network, email: aws+network@example.com, ou: Infrastructure,
              id: "222222222222"{declared} }}{apps}
        """


# the directory's VPC and consumer `app` on one transit gateway, whose `spokes` table sends the
# default route to VPC `egress` (with NAT gateways per AZ, or `none`: `central_egress(nat)`)
CENTRAL_EGRESS = """
        directories:
          - { name: corp, domain: corp.example.com, short_name: CORP, vpc: shared, tier: dc,
              share_with: { accounts: [app-a] }, consumer_vpcs: [app] }
        transit_gateways:
          - { name: core, account: network, region: us-east-1, route_tables: [shared, spokes],
              share_with: { accounts: [app-a] },
              routes: [{ route_table: spokes, cidr: 0.0.0.0/0, vpc: egress }] }
        vpcs:
          - name: shared
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            nat_gateways: none
            subnets:
              - { name: dc, type: isolated, size: 24 }
              - { name: tgw, type: isolated, size: 28 }
            transit_gateway: { name: core, subnets: tgw, route_table: shared,
                               propagate_to: [spokes] }
          - name: egress
            account: network
            region: us-east-1
            cidr: 10.9.0.0/16
            azs: [a, b]
            nat_gateways: NAT
            subnets:
              - { name: pub, type: public, size: 24 }
              - { name: tgw, type: isolated, size: 28 }
            transit_gateway: { name: core, subnets: tgw, route_table: shared,
                               propagate_to: [spokes] }
          - name: app
            account: app-a
            region: us-east-1
            cidr: 10.1.0.0/16
            azs: [a, b]
            nat_gateways: none
            subnets:
              - { name: app, type: private, size: 24 }
              - { name: tgw, type: private, size: 28 }
            transit_gateway: { name: core, subnets: tgw, route_table: spokes,
                               propagate_to: [shared] }
            endpoints: { gateway: [s3] }
        """


def central_egress(nat: str) -> str:
    return CENTRAL_EGRESS.replace("nat_gateways: NAT", f"nat_gateways: {nat}")


FAILING: list[tuple[str, str, Expected]] = [
    # --- LZ2023 names a directory refers to ---------------------------------------------
    (
        "LZ2023-only-for-a-directory-whose-names-are-all-unknown",
        directory(
            vpc="nowhere",
            share_with="{ accounts: [nobody], ous: [Nowhere], exclude_accounts: [x] }",
            consumer_vpcs="[none, shared, none]",
            share_method="organizations",
        )
        + VPCS,
        [
            ("LZ2023", 5, 10),
            ("LZ2023", 7, 30),
            ("LZ2023", 7, 45),
            ("LZ2023", 7, 74),
            ("LZ2023", 8, 21),
            ("LZ2023", 8, 35),
        ],
    ),
    ("LZ2023-unknown-vpc", directory(vpc="shraed") + VPCS, [("LZ2023", 5, 10)]),
    ("LZ2023-unknown-tier", directory(tier="dcs") + VPCS, [("LZ2023", 6, 11)]),
    (
        "LZ2023-unknown-consumer-vpc",
        directory(consumer_vpcs="[app, ap]") + VPCS,
        [("LZ2023", 8, 26)],
    ),
    (
        "LZ2023-unknown-share-targets",
        directory(
            share_with="{ accounts: [app-a, app-b], ous: [Workloads/Prd],\n"
            "                          exclude_accounts: [netwrk] }"
        )
        + VPCS,
        [("LZ2023", 7, 37), ("LZ2023", 7, 51), ("LZ2023", 8, 38)],
    ),
    (
        "LZ2003-directory",
        directory()
        + """
          - name: corp
            domain: other.example.com
            short_name: OTHER
            vpc: shared
            tier: dc
        """
        + VPCS,
        [("LZ2003", 9, 11)],
    ),
    # --- LZ4101 domain, LZ4102 short_name --------------------------------------------------
    ("LZ4101-single-label", directory(domain="corp") + VPCS, [("LZ4101", 3, 13)]),
    ("LZ4101-underscore", directory(domain="corp_ad.example.com") + VPCS, [("LZ4101", 3, 13)]),
    ("LZ4101-leading-hyphen", directory(domain="-corp.example.com") + VPCS, [("LZ4101", 3, 13)]),
    ("LZ4101-empty-label", directory(domain="corp..example.com") + VPCS, [("LZ4101", 3, 13)]),
    ("LZ4101-long-label", directory(domain=f"{'a' * 64}.example.com") + VPCS, [("LZ4101", 3, 13)]),
    ("LZ4101-double-hyphen", directory(domain="corp--ad.example.com") + VPCS, [("LZ4101", 3, 13)]),
    (
        "LZ4102-sixteen-characters",
        directory(short_name="CORPORATEDOMAIN1") + VPCS,
        [("LZ4102", 4, 17)],
    ),
    ("LZ4102-forbidden-character", directory(short_name="CORP/AD") + VPCS, [("LZ4102", 4, 17)]),
    ("LZ4102-leading-period", directory(short_name=".CORP") + VPCS, [("LZ4102", 4, 17)]),
    ("LZ4102-space", directory(short_name="'CORP AD'") + VPCS, [("LZ4102", 4, 17)]),
    # --- LZ4103 the domain controllers' tier ----------------------------------------------
    (
        "LZ4103-one-az",
        directory() + network(_vpc("shared", "10.0.0.0/16", azs="a"), APP),
        [("LZ4103", 6, 11)],
    ),
    (
        "LZ4103-public-tier",
        directory(tier="edge")
        + network(
            _vpc("shared", "10.0.0.0/16", tier="{ name: edge, type: public, size: 24 }"), APP
        ),
        [("LZ4103", 6, 11)],
    ),
    # --- LZ4105 consumer VPCs: distinct, not overlapping -------------------------------------
    (
        "LZ4105-overlaps-the-directory-vpc",
        directory(consumer_vpcs="[app, near]")
        + network(SHARED, APP, _vpc("near", "10.0.128.0/17", account="app-a", extra=SSM_OVERLAP)),
        # a peering or TGW attachment of overlapping VPCs is an error (LZ3014, LZ3012), so an
        # overlapping consumer also has no path (LZ4104)
        [("LZ4104", 8, 26), ("LZ4105", 8, 26)],
    ),
    (
        "LZ4105-consumers-overlap",
        directory(consumer_vpcs="[app, app2]")
        + network(
            SHARED,
            APP,
            _vpc("app2", "10.1.0.0/20", account="app-a", extra=SSM_OVERLAP),
            peers=("app", "app2"),
        ),
        [("LZ4105", 8, 26)],
    ),
    ("LZ4105-listed-twice", directory(consumer_vpcs="[app, app]") + VPCS, [("LZ4105", 8, 26)]),
    (
        "LZ4105-the-directory-vpc",
        directory(consumer_vpcs="[app, shared]") + VPCS,
        [("LZ4105", 8, 26)],
    ),
    # --- LZ4106 consumer accounts receive the share ------------------------------------------
    (
        "LZ4106-not-shared",
        directory(share_with="{ ous: [Infrastructure] }") + VPCS,
        [("LZ4106", 8, 21)],
    ),
    (
        "LZ4106-excluded",
        directory(share_with="{ ous: [Workloads], exclude_accounts: [app-a] }") + VPCS,
        [("LZ4106", 8, 21)],
    ),
    (
        "LZ4106-no-share-with",
        """
        directories:
          - { name: corp, domain: corp.example.com, short_name: CORP, vpc: shared, tier: dc,
              consumer_vpcs: [app] }
        """
        + VPCS,
        [("LZ4106", 3, 23)],
    ),
    # --- LZ4107 share_method organizations -------------------------------------------------
    (
        "LZ4107-not-the-management-account",
        directory(share_method="organizations") + VPCS,
        [("LZ4107", 9, 19)],
    ),
    # --- LZ4109 consumer VPCs reach Systems Manager (warning) -----------------------------
    (
        "LZ4109-no-way-to-ssm",
        directory() + network(SHARED, _vpc("app", "10.1.0.0/16", account="app-a")),
        [("LZ4109", 8, 21)],
    ),
    (
        "LZ4109-some-ssm-endpoints",
        directory()
        + network(
            SHARED,
            _vpc("app", "10.1.0.0/16", account="app-a", extra="endpoints: { interface: [ssm] }"),
        ),
        [("LZ4109", 8, 21)],
    ),
    (
        "LZ4109-central-egress-without-nat",
        central_egress("none"),
        [("LZ4109", 3, 58)],
    ),
    # --- LZ8006 the share quota (warning) ------------------------------------------------
    (
        "LZ8006-standard-shared-with-six",
        directory(share_with="{ ous: [Workloads] }") + _accounts(6) + VPCS,
        [("LZ8006", 7, 17)],
    ),
    (
        "LZ8006-over-the-declared-value",
        directory(edition="Enterprise", share_with="{ ous: [Workloads] }")
        + _accounts(3, "shared_directories: 2")
        + VPCS,
        [("LZ8006", 7, 17)],
    ),
    # --- LZ8007 the directory's security group rules ------------------------------------
    (
        "LZ8007-three-consumers",
        directory(consumer_vpcs="[app, app2, app3]") + THREE,
        [("LZ8007", 8, 20)],
    ),
    # --- LZ4108 consumer regions -----------------------------------------------------------
    (
        "LZ4108-other-region",
        directory()
        + network(
            SHARED, _vpc("app", "10.1.0.0/16", account="app-a", region="eu-west-1", extra=SSM)
        ),
        [("LZ4108", 8, 21)],
    ),
]


MANAGEMENT = """
        accounts:
          - { name: management, email: aws+root@example.com, ou: Infrastructure,
              id: "111111111111" }
          - { name: app-a, email: aws+app-a@example.com, ou: Workloads/Prod }
        """

PASSING: list[tuple[str, str]] = [
    ("a-directory-shared-with-its-consumer", directory() + VPCS),
    (
        "a-consumer-vpc-in-the-owner-account-needs-no-share",
        directory(consumer_vpcs="[app, tools]")
        + network(SHARED, APP, _vpc("tools", "10.2.0.0/16", extra=SSM), peers=("app", "tools")),
    ),
    ("a-share-target-without-consumer-vpc", directory(consumer_vpcs="[]") + VPCS),
    (
        "a-consumer-account-reached-through-its-ou",
        directory(share_with="{ ous: [Workloads], exclude_accounts: [network] }") + VPCS,
    ),
    (
        "organizations-sharing-from-the-management-account",
        directory(share_method="organizations")
        + MANAGEMENT
        + network(_vpc("shared", "10.0.0.0/16", account="management"), APP),
    ),
    ("ssm-through-central-egress", central_egress("per_az")),
    (
        "ssm-through-own-nat-gateways",
        directory()
        + network(
            SHARED,
            _vpc(
                "app",
                "10.1.0.0/16",
                account="app-a",
                extra="endpoints: { gateway: [s3] }",
                tier="{ name: pub, type: public, size: 24 }, { name: app, type: private, "
                "size: 24 }",
            ).replace("nat_gateways: none", "nat_gateways: per_az"),
        ),
    ),
    (
        "ssm-through-the-internet-gateway",
        directory()
        + network(
            SHARED,
            _vpc(
                "app", "10.1.0.0/16", account="app-a", tier="{ name: pub, type: public, size: 24 }"
            ),
        ),
    ),
    (
        "standard-shared-with-five",
        directory(share_with="{ ous: [Workloads] }") + _accounts(5) + VPCS,
    ),
    (
        "enterprise-shared-with-six",
        directory(edition="Enterprise", share_with="{ ous: [Workloads] }") + _accounts(6) + VPCS,
    ),
    (
        "standard-with-a-declared-quota",
        directory(share_with="{ ous: [Workloads] }") + _accounts(6, "shared_directories: 6") + VPCS,
    ),
    (
        "domain-and-netbios-names-at-their-limits",
        directory(domain=f"{'a' * 63}.corp-1.example.com", short_name="CORP-1_AD.LONG1") + VPCS,
    ),
    (
        "domain-controllers-in-a-private-tier-in-three-azs",
        directory(tier="private")
        + network(
            _vpc(
                "shared",
                "10.0.0.0/16",
                azs="a, b, c",
                tier="{ name: private, type: private, size: 24 }",
                extra=SSM,
            ),
            APP,
        ),
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in FAILING])
def test_failing_snippet(snippet: str, expected: Expected) -> None:
    assert diagnose(org(snippet)) == expected


@pytest.mark.parametrize("snippet", [pytest.param(s, id=i) for i, s in PASSING])
def test_passing_snippet(snippet: str) -> None:
    assert diagnose(org(snippet)) == []


FAILING_BY_ID = {i: s for i, s, _ in FAILING}


def test_unknown_names_suggest_the_declared_ones() -> None:
    found = diagnostics(org(FAILING_BY_ID["LZ2023-unknown-share-targets"]))
    assert [(d.message, d.hint) for d in found] == [
        ("share_with names unknown account 'app-b'", "did you mean 'app-a'?"),
        ("share_with names unknown OU 'Workloads/Prd'", "did you mean 'Workloads/Prod'?"),
        ("share_with excludes unknown account 'netwrk'", "did you mean 'network'?"),
    ]
    d = only(org(FAILING_BY_ID["LZ2023-unknown-tier"]))
    assert d.message == (
        "directory 'corp' names tier 'dcs', which is not a subnet tier of VPC 'shared'"
    )
    assert d.hint == "did you mean 'dc'?"
    assert d.path == "directories[0].tier"


def test_duplicate_directory_names_cite_the_first() -> None:
    d = only(org(FAILING_BY_ID["LZ2003-directory"]))
    assert d.message == "directory name 'corp' is used twice"
    assert d.related == (Location("org.yaml", 2, 11),)


def test_domain_and_short_name_say_what_is_wrong() -> None:
    d = only(org(FAILING_BY_ID["LZ4101-single-label"]))
    assert d.message == (
        "domain 'corp' of directory 'corp' is a single label; Managed AD needs a fully "
        "qualified domain name"
    )
    assert "corp.example.com" in d.hint
    d = only(org(FAILING_BY_ID["LZ4102-sixteen-characters"]))
    assert d.message.endswith("is 16 characters long; a NetBIOS name has at most 15")
    assert "CORP" in d.hint


def test_controller_tier_cites_the_vpc_node() -> None:
    d = only(org(FAILING_BY_ID["LZ4103-one-az"]))
    assert d.message == (
        "directory 'corp' needs its tier 'dc' in two AZs, but VPC 'shared' has only AZ a"
    )
    assert d.related == (Location("org.yaml", 14, 10),)  # the VPC's azs
    d = only(org(FAILING_BY_ID["LZ4103-public-tier"]))
    assert d.related == (Location("org.yaml", 16, 35),)  # the tier's type: public
    assert "private or isolated" in d.hint


def test_overlapping_consumer_cites_the_other_vpc() -> None:
    found = diagnostics(org(FAILING_BY_ID["LZ4105-overlaps-the-directory-vpc"]))
    d = next(d for d in found if d.code == "LZ4105")
    assert d.message == (
        "consumer VPC 'near' (10.0.128.0/17) of directory 'corp' overlaps the directory's "
        "VPC 'shared' (10.0.0.0/16)"
    )
    # the directory's `vpc`, then the other VPC's CIDR
    assert d.related == (Location("org.yaml", 5, 10), Location("org.yaml", 13, 11))
    d = only(org(FAILING_BY_ID["LZ4105-consumers-overlap"]))
    assert d.related == (Location("org.yaml", 8, 21), Location("org.yaml", 20, 11))


def test_unshared_consumer_hint_says_what_to_add_where() -> None:
    d = only(org(FAILING_BY_ID["LZ4106-not-shared"]))
    assert d.message == (
        "consumer VPC 'app' is in account 'app-a', which directory 'corp' is not shared with"
    )
    assert d.hint == (
        "add 'app-a' to `share_with.accounts`, or its OU 'Workloads/Prod' to `ous` "
        "(share_with at line 7)"
    )
    assert d.related == (Location("org.yaml", 7, 17),)


def test_excluded_consumer_hint_names_the_exclusion() -> None:
    d = only(org(FAILING_BY_ID["LZ4106-excluded"]))
    assert d.hint == (
        "share_with.exclude_accounts removes account 'app-a' (line 7, column 56); take it out "
        "of the exclusions"
    )
    assert d.related == (Location("org.yaml", 7, 56),)


def test_consumer_without_share_with_hint_gives_the_block() -> None:
    d = only(org(FAILING_BY_ID["LZ4106-no-share-with"]))
    assert "`share_with: { accounts: [app-a] }`" in d.hint


def test_organizations_sharing_hint_offers_handshake() -> None:
    d = only(org(FAILING_BY_ID["LZ4107-not-the-management-account"]))
    assert "111111111111" in d.message
    assert d.hint.startswith("use `share_method: handshake`")


def test_consumer_in_another_region_names_both() -> None:
    d = only(org(FAILING_BY_ID["LZ4108-other-region"]))
    assert d.message == "consumer VPC 'app' is in eu-west-1, directory 'corp' in us-east-1"
    assert d.related == (Location("org.yaml", 19, 13), Location("org.yaml", 5, 10))


def test_rules_skip_a_directory_in_an_unknown_account() -> None:
    """The VPC's unknown account is LZ2002's; the directory rules do not guess its id."""
    snippet = directory(share_method="organizations") + network(
        _vpc("shared", "10.0.0.0/16", account="nobody"), APP
    )
    assert [code for code, _, _ in diagnose(org(snippet))] == ["LZ2002"]


def test_rules_skip_a_consumer_in_an_unknown_region() -> None:
    snippet = directory() + network(
        SHARED, _vpc("app", "10.1.0.0/16", account="app-a", region="mars-1", extra=SSM)
    )
    assert [code for code, _, _ in diagnose(org(snippet))] == ["LZ2007"]


def test_share_quota_warning_names_the_quota_and_how_to_raise_it() -> None:
    d = only(org(FAILING_BY_ID["LZ8006-standard-shared-with-six"]))
    assert d.severity is Severity.WARNING
    assert d.message == (
        "directory 'corp' would be shared with 6 accounts, more than the quota of 5 "
        "(AWS default, Shared domains per Standard Microsoft AD)"
    )
    assert d.hint == (
        "'Shared domains per Standard Microsoft AD' is 5 per directory by default and has no "
        "Service Quotas code: ask AWS Support (a Directory Service limit increase) for 6 or "
        "more for account 'network' in us-east-1, then declare it: "
        "`quotas: { shared_directories: 6 }` on account 'network'; or share with fewer "
        "accounts (`exclude_accounts`), or `edition: Enterprise` (125 by default)"
    )
    d = only(org(FAILING_BY_ID["LZ8006-over-the-declared-value"]))
    assert "quota of 2 (declared, Shared domains per Enterprise Microsoft AD)" in d.message
    assert "then raise the declared value" in d.hint
    assert d.related == (Location("org.yaml", 12, 57),)  # the declared value


def test_ssm_warning_lists_the_missing_endpoints() -> None:
    d = only(org(FAILING_BY_ID["LZ4109-some-ssm-endpoints"]))
    assert d.severity is Severity.WARNING
    assert d.message == (
        "consumer VPC 'app' of directory 'corp' has no way to Systems Manager: no NAT gateway, "
        "no internet gateway, no transit gateway route to one, and no ssmmessages, ec2messages "
        "endpoints"
    )
    assert "`endpoints: { interface: [ssm, ssmmessages, ec2messages] }`" in d.hint
    assert "(missing: ssmmessages, ec2messages)" in d.hint
    assert d.related == (Location("org.yaml", 17, 11),)  # the VPC's name


def test_lz8007_names_the_rule_count_and_the_quota_to_raise() -> None:
    d = only(org(FAILING_BY_ID["LZ8007-three-consumers"]))
    assert d.severity is Severity.ERROR
    assert d.message == (
        "the security group of directory 'corp' would hold about 68 inbound rules (AWS's own "
        "and 17 per consumer VPC, 3 of them), more than the quota of 60 (AWS default, Inbound "
        "or outbound rules per security group)"
    )
    assert "--quota-code L-0EA8095F --desired-value 68" in d.hint
    assert "`quotas: { security_group_rules: 68 }` on account 'network'" in d.hint


def test_lz8007_passes_with_the_quota_declared() -> None:
    snippet = directory(consumer_vpcs="[app, app2, app3]") + THREE
    declared = _accounts(0, "security_group_rules: 68").replace(
        "        accounts:\n",
        "        accounts:\n          - { name: app-a, email: aws+app-a@example.com, "
        "ou: Workloads/Prod }\n",
    )
    assert diagnose(org(snippet + declared)) == []
