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

import subprocess
from pathlib import Path

import pytest

from helpers import diagnose, diagnostics, only, org
from lzgen.diagnostics import Diagnostic, Severity
from lzgen.pipeline import load_and_validate

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


def test_unknown_names_suggest_the_declared_ones() -> None:
    d = only(org(FAILING_BY_ID["LZ2024-unknown-vpc"]))
    assert d.message == "CloudHSM cluster 'keys' names unknown VPC 'hsn'"
    assert d.hint == "did you mean 'hsm'?"
    assert d.path == "cloudhsm_clusters[0].vpc"
    d = only(org(FAILING_BY_ID["LZ2024-unknown-tier"]))
    assert (
        d.message
        == "CloudHSM cluster 'keys' names tier 'hsms', which is not a subnet tier of VPC 'hsm'"
    )
    assert d.hint == "did you mean 'hsm'?"
    d = only(org(FAILING_BY_ID["LZ2024-unknown-client-vpc"]))
    assert d.message == "CloudHSM cluster 'keys' names unknown client VPC 'ap'"
    assert d.hint == "did you mean 'app'?"
    d = only(org(FAILING_BY_ID["LZ2024-unknown-peering"]))
    assert d.message == "CloudHSM cluster 'keys' names unknown peering 'sass'"
    assert d.hint == "did you mean 'saas'?"  # external peerings only


def test_a_peering_inside_the_organization_is_no_external_client() -> None:
    d = only(org(FAILING_BY_ID["LZ2024-peering-inside-the-organization"]))
    assert d.message == (
        "CloudHSM cluster 'keys' lists peering 'app-hsm' as an external client, but it joins "
        "VPCs 'app' and 'hsm' of the organization"
    )
    assert "`clients.vpcs`" in d.hint


def test_an_external_peering_of_another_vpc_names_its_requester() -> None:
    d = only(org(FAILING_BY_ID["LZ2024-external-peering-of-another-vpc"]))
    assert d.message == (
        "CloudHSM cluster 'keys' lists external peering 'saas-app', which is requested by VPC "
        "'app', not by the cluster's VPC 'hsm'"
    )
    assert "set `requester: hsm` on peering 'saas-app'" in d.hint
    assert d.path == "cloudhsm_clusters[0].clients.peerings[1]"


def test_duplicate_cluster_names_cite_the_first() -> None:
    d = only(org(FAILING_BY_ID["LZ2003-cloudhsm-cluster"]))
    assert d.message == "CloudHSM cluster name 'keys' is used twice"
    assert d.hint.startswith("the first is at line 2, column 11")


REASON = (
    "NAT, load balancers and PrivateLink endpoint services between the client and the HSMs do "
    "not work: they mask the real IPs of the HSM cluster nodes"
)


def test_an_internet_path_hint_quotes_the_reason() -> None:
    found = diagnostics(org(FAILING_BY_ID["LZ6001-nat-gateways"]))
    assert [(d.path, d.severity) for d in found] == [
        ("vpcs[0].nat_gateways", Severity.ERROR),
        ("vpcs[0].subnets[1].type", Severity.ERROR),
    ]
    assert found[0].message == "VPC 'hsm' of CloudHSM cluster 'keys' has NAT gateways (per_az)"
    assert found[0].hint == f"set `nat_gateways: none`: {REASON}"
    assert found[1].message == (
        "VPC 'hsm' of CloudHSM cluster 'keys' has public tier 'edge', routed to an internet gateway"
    )
    assert all(REASON in d.hint for d in found)
    assert found[0].related[0].line == 3  # the cluster's `vpc`


def test_default_nat_gateways_say_so() -> None:
    found = diagnostics(org(FAILING_BY_ID["LZ6001-nat-gateways-by-default"]))
    d = next(d for d in found if d.code == "LZ6001")
    assert d.message.endswith("has NAT gateways (per_az, the default)")


def test_ingress_routing_points_at_its_block() -> None:
    found = diagnostics(org(FAILING_BY_ID["LZ6001-ingress-routing"]))
    assert found[1].path == "vpcs[0].ingress_routing"
    assert REASON in found[1].hint


@pytest.mark.parametrize(
    ("cidr", "found"),
    [
        ("10.50.0.0/16", [("LZ6002", Severity.ERROR)]),
        ("10.50.0.0/23", [("LZ6002", Severity.ERROR)]),
        ("10.50.0.0/24", [("LZ6003", Severity.WARNING)]),
        ("10.50.0.0/25", [("LZ6003", Severity.WARNING)]),
        ("10.50.0.0/26", []),
    ],
)
def test_hsm_vpc_size(cidr: str, found: list[tuple[str, Severity]]) -> None:
    snippet = cluster() + network(hsm_vpc(cidr=cidr))
    assert [(d.code, d.severity) for d in diagnostics(org(snippet))] == found


def test_small_vpc_warning_says_why() -> None:
    d = only(org(FAILING_BY_ID["LZ6003-a-24"]))
    assert d.message == "VPC 'hsm' of CloudHSM cluster 'keys' is a /24, larger than a /26"
    assert d.hint.startswith("keep the VPC small so as not to waste address space")


def test_a_vpc_cidr_aws_refuses_is_not_also_an_hsm_vpc_size() -> None:
    snippet = cluster() + network(hsm_vpc(cidr="10.50.0.0/15"))
    assert [d.code for d in diagnostics(org(snippet))] == ["LZ3001"]


def test_high_availability_warnings() -> None:
    d = only(org(FAILING_BY_ID["LZ6004-one-hsm"]))
    assert d.severity == Severity.WARNING
    assert d.message == "CloudHSM cluster 'keys' has one HSM: no high availability"
    d = only(org(FAILING_BY_ID["LZ6004-one-az"]))
    assert d.severity == Severity.WARNING
    assert d.message == (
        "CloudHSM cluster 'keys' puts all 2 HSMs in AZ a: VPC 'hsm' has one AZ, no high "
        "availability"
    )
    assert "add a second AZ to `azs` of VPC 'hsm'" in d.hint
    assert d.related[0].line == 12  # the VPC's azs


def test_hsm_quota_names_it() -> None:
    d = only(org(FAILING_BY_ID["LZ6005-29-hsms"]))
    assert d.severity == Severity.ERROR
    assert (
        d.message
        == "CloudHSM cluster 'keys' has 29 HSMs, more than the 28 AWS allows in one cluster"
    )


def test_a_client_without_a_path_names_the_missing_hop_and_the_fix() -> None:
    d = only(org(FAILING_BY_ID["LZ6006-no-path"]))
    assert d.message.startswith(
        "client VPC 'app2' of CloudHSM cluster 'keys' has no path to the cluster's VPC 'hsm': "
    )
    assert d.path == "cloudhsm_clusters[0].clients.vpcs[1]"
    assert d.hint.endswith("check it with `lzgen path FILE app2 hsm`")
    assert d.related


def _through_tgw(propagate: str) -> str:
    """Client `app2` and the HSM VPC on TGW `core`; `app2` propagates to ``propagate``."""
    tgw = "transit_gateway: { name: core, subnets: tgw, route_table: main, propagate_to: [main] }"
    tiers = "[{ name: app, type: isolated, size: 28 }, { name: tgw, type: isolated, size: 28 }]"
    snippet = (
        cluster(clients="{ vpcs: [app2] }")
        + """
        transit_gateways:
          - { name: core, account: network, region: us-east-1, route_tables: [main],
              share_with: { accounts: [app-a] } }"""
        + network(
            hsm_vpc(
                subnets=tiers.replace("app", "hsm", 1), extra=f"reserve_azs: 2\n            {tgw}"
            ),
            APP,
            _client("app2", "10.2.0.0/16").replace(
                "[{ name: app, type: isolated, size: 24 }]", tiers
            )
            + f"\n            {tgw.replace('[main]', propagate)}",
        )
    )
    return org(snippet)


def test_a_client_through_a_transit_gateway() -> None:
    assert diagnose(_through_tgw("[main]")) == []
    d = only(_through_tgw("[]"))
    assert d.code == "LZ6006"
    assert d.message.startswith(
        "client VPC 'app2' of CloudHSM cluster 'keys' has no path back from the cluster's VPC"
    )


def test_own_vpc_and_duplicate_clients_say_so() -> None:
    d = only(org(FAILING_BY_ID["LZ6006-the-cluster-vpc"]))
    assert d.message == "CloudHSM cluster 'keys' lists its own VPC 'hsm' as a client"
    d = only(org(FAILING_BY_ID["LZ6006-listed-twice"]))
    assert d.message == "CloudHSM cluster 'keys' lists client VPC 'app' twice"
    assert d.hint.startswith("the first is at line 6, column 23")


# --- LZ6007 the trust anchor certificate --------------------------------------------------


def _store(path: str) -> str:
    return cluster(kms_custom_key_store=f"{{ name: keys, trust_anchor_certificate: '{path}' }}")


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("/etc/ca.crt", "is an absolute path"),
        ("C:/certs/ca.crt", "is an absolute path"),
        ("..\\ca.crt", "climbs out of the org file's folder"),
        ("certs/../../ca.crt", "climbs out of the org file's folder"),
    ],
)
def test_a_trust_anchor_outside_the_folder(path: str, why: str) -> None:
    d = only(org(_store(path) + network()))
    assert d.code == "LZ6007"
    assert d.message == f"the trust anchor certificate of CloudHSM cluster 'keys', '{path}', {why}"
    assert d.path == "cloudhsm_clusters[0].kms_custom_key_store.trust_anchor_certificate"


def test_an_unreadable_trust_anchor_from_text_names_the_path_as_written() -> None:
    d = only(org(FAILING_BY_ID["LZ6007-cannot-read"]))
    assert (
        d.message
        == "cannot read the trust anchor certificate of CloudHSM cluster 'keys', 'certs/ca.crt'"
    )
    assert "64 KiB" in d.hint


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A real self-signed PEM certificate, made by openssl."""
    folder = tmp_path_factory.mktemp("ca")
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=customerCA", "-keyout", str(folder / "ca.key"),
            "-out", str(folder / "ca.crt"),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return (folder / "ca.crt").read_text(encoding="utf-8")


def _validate(
    tmp_path: Path, certificate: str | None, path: str = "certs/ca.crt"
) -> list[Diagnostic]:
    """Validate an org file in ``tmp_path`` whose key store names ``path``, written there with
    ``certificate`` unless it is None."""
    if certificate is not None:
        (tmp_path / "certs").mkdir()
        (tmp_path / "certs" / "ca.crt").write_text(certificate, encoding="utf-8")
    org_file = tmp_path / "org.yaml"
    org_file.write_text(org(_store(path) + network()), encoding="utf-8")
    _, found = load_and_validate(org_file)
    return found


def test_a_pem_certificate_passes(tmp_path: Path, certificate: str) -> None:
    assert _validate(tmp_path, certificate) == []


def test_a_certificate_after_other_pem_blocks_passes(tmp_path: Path, certificate: str) -> None:
    key = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
    assert _validate(tmp_path, key + certificate) == []


def test_a_missing_trust_anchor_names_the_resolved_path(tmp_path: Path) -> None:
    [d] = _validate(tmp_path, None)
    assert d.code == "LZ6007"
    assert d.message == (
        "cannot read the trust anchor certificate of CloudHSM cluster 'keys', 'certs/ca.crt' "
        f"({tmp_path.resolve() / 'certs/ca.crt'})"
    )
    assert (d.line, d.column) == (7, 67)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "not a certificate\n",
            "it has no -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE----- block",
        ),
        (
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
            "it has no -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE----- block",
        ),
        (
            "-----BEGIN CERTIFICATE-----\nAAAAA\n-----END CERTIFICATE-----\n",
            "its certificate block is not valid base64",
        ),
        (
            "-----BEGIN CERTIFICATE-----\nAgEA\n-----END CERTIFICATE-----\n",
            "its certificate block does not decode to a DER certificate (an ASN.1 SEQUENCE)",
        ),
        (
            "-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----\n",
            "its certificate block does not decode to a DER certificate (an ASN.1 SEQUENCE)",
        ),
    ],
)
def test_a_trust_anchor_that_is_no_pem_certificate(tmp_path: Path, text: str, problem: str) -> None:
    [d] = _validate(tmp_path, text)
    assert (d.code, d.severity, d.line, d.column) == ("LZ6007", Severity.ERROR, 7, 67)
    assert d.message == (
        "the trust anchor certificate of CloudHSM cluster 'keys', 'certs/ca.crt', is not a PEM "
        f"certificate: {problem}"
    )
    assert "nothing is written until it parses" in d.hint


def test_a_truncated_certificate_is_refused(tmp_path: Path, certificate: str) -> None:
    [d] = _validate(tmp_path, certificate.replace("-----END CERTIFICATE-----", ""))
    assert d.code == "LZ6007"
