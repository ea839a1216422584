"""Rules of CloudHSM clusters: names they refer to (LZ2024, and LZ2003 for their names), the HSM
VPC without an internet path (LZ6001) and small (LZ6002, LZ6003 a warning), HSM count and AZs
(LZ6004 a warning, LZ6005), client VPCs' paths (LZ6006) and the KMS custom key store's trust
anchor certificate (LZ6007).

Same conventions as test_rules.py (helpers.org puts the snippet first, so line 1 is the
snippet's first line). Each snippet starts with its `cloudhsm_clusters:`; ``FAILING`` here
counts for test_rules.py's every-code check. The trust anchor's contents are read by the load
stage from the org file's folder, so those cases write an org file and a certificate under
``tmp_path``.
"""

from __future__ import annotations

import pytest

from helpers import diagnose, org

Expected = list[tuple[str, int, int]]


def cluster(**fields: str) -> str:
    """The `cloudhsm_clusters:` section with one valid cluster, ``fields`` replacing or adding
    keys (in this order; new keys last): lines 1-6."""
    values = {
        "name": "keys",
        "vpc": "hsm",
        "tier": "hsm",
        "hsms": "2",
        "clients": "{ vpcs: [app], peerings: [saas] }",
    } | fields
    body = "".join(f"\n            {key}: {value}" for key, value in values.items())
    return "\n        cloudhsm_clusters:\n          -" + body.replace("\n            ", " ", 1)


def hsm_vpc(
    *,
    cidr: str = "10.50.0.0/26",
    azs: str = "a, b",
    nat: str = "nat_gateways: none",
    subnets: str = "[{ name: hsm, type: isolated, size: 28 }]",
    extra: str = "",
) -> str:
    """The HSM VPC `hsm`: 7 lines (6 when ``nat`` is empty, one more with ``extra``)."""
    lines = [
        "- name: hsm",
        "  account: network",
        "  region: us-east-1",
        f"  cidr: {cidr}",
        f"  azs: [{azs}]",
        *([f"  {nat}"] if nat else []),
        f"  subnets: {subnets}",
        *([f"  {extra}"] if extra else []),
    ]
    return "".join(f"\n          {line}" for line in lines)


def _client(name: str, cidr: str) -> str:
    return f"""
          - name: {name}
            account: app-a
            region: us-east-1
            cidr: {cidr}
            azs: [a, b]
            nat_gateways: none
            subnets: [{{ name: app, type: isolated, size: 24 }}]"""


APP = _client("app", "10.1.0.0/16")
SAAS = (
    "\n          - { name: saas, requester: hsm, accepter: { external: { account_id: "
    '"888888888888", vpc_id: vpc-0123abcd, cidr: 192.168.60.0/24, region: us-east-1 } } }'
)


def network(hsm: str = "", *clients: str, peerings: str = "") -> str:
    """The `vpcs:` section (the HSM VPC, then ``clients``, `app` by default) and the peerings:
    `app` with `hsm`, the external `saas` with `hsm`, then ``peerings``."""
    vpcs = (hsm or hsm_vpc()) + "".join(clients or (APP,))
    return (
        "\n        vpcs:"
        + vpcs
        + "\n        vpc_peerings:"
        + "\n          - { name: app-hsm, requester: app, accepter: hsm }"
        + SAAS
        + peerings
        + "\n"
    )


VALID = cluster() + network()
# the HSM tier and a public one (with `reserve_azs: 2`, they fit a /26)
EDGE = (
    "[{ name: hsm, type: isolated, size: 28 },\n"
    "                      { name: edge, type: public, size: 28 }]"
)

FAILING: list[tuple[str, str, Expected]] = [
    # --- LZ2024 names a cluster refers to --------------------------------------------------
    ("LZ2024-unknown-vpc", cluster(vpc="hsn") + network(), [("LZ2024", 3, 10)]),
    ("LZ2024-unknown-tier", cluster(tier="hsms") + network(), [("LZ2024", 4, 11)]),
    (
        "LZ2024-unknown-client-vpc",
        cluster(clients="{ vpcs: [app, ap], peerings: [saas] }") + network(),
        [("LZ2024", 6, 28)],
    ),
    (
        "LZ2024-unknown-peering",
        cluster(clients="{ vpcs: [app], peerings: [sass] }") + network(),
        [("LZ2024", 6, 40)],
    ),
    (
        "LZ2024-peering-inside-the-organization",
        cluster(clients="{ vpcs: [app], peerings: [app-hsm] }") + network(),
        [("LZ2024", 6, 40)],
    ),
    (
        "LZ2024-external-peering-of-another-vpc",
        cluster(clients="{ vpcs: [app], peerings: [saas, saas-app] }")
        + network(
            peerings="\n          - { name: saas-app, requester: app, accepter: { external: { "
            'account_id: "888888888888", vpc_id: vpc-0123abce, cidr: 192.168.61.0/24, '
            "region: us-east-1 } } }"
        ),
        [("LZ2024", 6, 46)],
    ),
    (
        "LZ2003-cloudhsm-cluster",
        cluster() + "\n          - { name: keys, vpc: hsm, tier: hsm }" + network(),
        [("LZ2003", 7, 13)],
    ),
    # --- LZ6001 no internet path in the HSM VPC ----------------------------------------------
    (
        "LZ6001-public-tier",
        cluster() + network(hsm_vpc(subnets=EDGE, extra="reserve_azs: 2")),
        [("LZ6001", 15, 35)],
    ),
    (
        "LZ6001-nat-gateways",
        cluster()
        + network(hsm_vpc(nat="nat_gateways: per_az", subnets=EDGE, extra="reserve_azs: 2")),
        [("LZ6001", 13, 19), ("LZ6001", 15, 35)],
    ),
    (
        "LZ6001-nat-gateways-by-default",
        cluster() + network(hsm_vpc(nat="")),
        # NAT gateways need a public tier too (LZ3007)
        [("LZ3007", 8, 5), ("LZ6001", 8, 5)],
    ),
    (
        "LZ6001-ingress-routing",
        cluster()
        + network(
            hsm_vpc(
                subnets=EDGE.replace("edge", "fw"),
                extra="reserve_azs: 2\n"
                "            ingress_routing: { appliance_tier: fw, protected_tiers: [hsm] }",
            )
        ),
        [("LZ6001", 15, 33), ("LZ6001", 17, 22)],
    ),
    # --- LZ6002, LZ6003 the HSM VPC's size ---------------------------------------------------
    ("LZ6002-a-23", cluster() + network(hsm_vpc(cidr="10.50.0.0/23")), [("LZ6002", 11, 11)]),
    ("LZ6003-a-25", cluster() + network(hsm_vpc(cidr="10.50.0.0/25")), [("LZ6003", 11, 11)]),
    ("LZ6003-a-24", cluster() + network(hsm_vpc(cidr="10.50.0.0/24")), [("LZ6003", 11, 11)]),
    # --- LZ6004 high availability, LZ6005 the quota -------------------------------------------
    ("LZ6004-one-hsm", cluster(hsms="1") + network(), [("LZ6004", 5, 11)]),
    ("LZ6004-one-az", cluster() + network(hsm_vpc(azs="a")), [("LZ6004", 4, 11)]),
    ("LZ6005-29-hsms", cluster(hsms="29") + network(), [("LZ6005", 5, 11)]),
    # --- LZ6006 client VPCs reach the HSM VPC ------------------------------------------------
    (
        "LZ6006-no-path",
        cluster(clients="{ vpcs: [app, app2] }") + network("", APP, _client("app2", "10.2.0.0/16")),
        [("LZ6006", 6, 28)],
    ),
    (
        "LZ6006-the-cluster-vpc",
        cluster(clients="{ vpcs: [app, hsm] }") + network(),
        [("LZ6006", 6, 28)],
    ),
    (
        "LZ6006-listed-twice",
        cluster(clients="{ vpcs: [app, app] }") + network(),
        [("LZ6006", 6, 28)],
    ),
    # --- LZ6007 the trust anchor certificate (its contents: tests below) ---------------------
    (
        "LZ6007-absolute-path",
        cluster(kms_custom_key_store="{ name: keys, trust_anchor_certificate: /etc/ca.crt }")
        + network(),
        [("LZ6007", 7, 67)],
    ),
    (
        "LZ6007-outside-the-folder",
        cluster(kms_custom_key_store="{ name: keys, trust_anchor_certificate: ../ca.crt }")
        + network(),
        [("LZ6007", 7, 67)],
    ),
    (
        "LZ6007-cannot-read",
        cluster(kms_custom_key_store="{ name: keys, trust_anchor_certificate: certs/ca.crt }")
        + network(),
        [("LZ6007", 7, 67)],
    ),
]

PASSING: list[tuple[str, str]] = [
    ("cluster", VALID),
    ("a-27", cluster() + network(hsm_vpc(cidr="10.50.0.0/27", extra="reserve_azs: 2"))),
    ("28-hsms", cluster(hsms="28") + network()),
    ("no-clients", cluster(clients="{}") + network()),
    (
        "two-clusters-in-one-vpc",
        cluster() + "\n          - { name: more, vpc: hsm, tier: hsm, hsms: 3 }" + network(),
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in FAILING])
def test_failing_snippet(snippet: str, expected: Expected) -> None:
    assert diagnose(org(snippet)) == expected


@pytest.mark.parametrize("snippet", [pytest.param(s, id=i) for i, s in PASSING])
def test_passing_snippet(snippet: str) -> None:
    assert diagnose(org(snippet)) == []


FAILING_BY_ID = {i: s for i, s, _ in FAILING}
