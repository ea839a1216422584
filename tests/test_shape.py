"""Shape: pydantic errors mapped back to the YAML node, at the exact line and column."""

from __future__ import annotations

import pytest

from helpers import diagnose, diagnostics, only, org


def test_base_is_valid() -> None:
    assert diagnose(org()) == []


def test_unknown_top_level_key_points_at_the_key() -> None:
    d = only(
        org("""
        verison: 1
        """)
    )
    assert (d.code, d.line, d.column) == ("LZ1010", 1, 1)
    assert d.message == "unknown key 'verison'"
    assert d.hint == "did you mean 'version'?"
    assert d.path == "verison"


def test_unknown_top_level_key_far_from_any_lists_valid_keys() -> None:
    d = only(
        org("""
        zzz: 1
        """)
    )
    assert (d.code, d.line, d.column) == ("LZ1010", 1, 1)
    assert d.hint == (
        "valid values: account_settings, accounts, baseline, cloudhsm_clusters, directories, "
        "ecs_clusters, identity_center, organization, organizational_units, security, "
        "service_catalog, transit_gateways (and 3 more)"
    )


def test_unknown_key_in_a_subnet_tier_block() -> None:
    found = diagnostics(
        org("""
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - name: public
                type: public
                sise: 24
        """)
    )
    # the key itself, not its value; no second "missing 'size'" for the same typo
    assert [(d.code, d.line, d.column) for d in found] == [("LZ1010", 10, 9)]
    unknown = found[0]
    assert unknown.message == "unknown key 'sise'"
    assert unknown.hint == "did you mean 'size'?"
    assert unknown.path == "vpcs[0].subnets[0].sise"


def test_unknown_key_in_a_flow_mapping_tier() -> None:
    found = diagnostics(
        org("""
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24, cidr: [10.0.0.0/24, 10.0.1.0/24] }
        """)
    )
    assert [(d.code, d.line, d.column) for d in found] == [("LZ1010", 8, 49)]
    assert found[0].hint == "did you mean 'cidrs'?"


@pytest.mark.parametrize(
    ("snippet", "expected", "hint"),
    [
        pytest.param(
            """
            vpcs:
              - name: v
                account: network
                region: us-east-1
                cidr: 10.0.0.0/16
                azs: [a, b]
                nat_gateway: per_az
                subnets:
                  - { name: public, type: public, size: 24 }
            """,
            ("LZ1010", 7, 5),
            "did you mean 'nat_gateways'?",
            id="vpc",
        ),
        pytest.param(
            """
            organizational_units:
              - name: Workloads
                childs: [{ name: Prod }]
            """,
            ("LZ1010", 3, 5),
            "did you mean 'children'?",
            id="ou",
        ),
        pytest.param(
            """
            organization:
              name: example-corp
              home_region: us-east-1
              management_account_id: "111111111111"
              state: { backend: s3, bucket: example-corp-tfstate, region: us-east-1, buckett: x }
            """,
            ("LZ1010", 5, 74),
            "did you mean 'bucket'?",
            id="state",
        ),
        pytest.param(
            """
            vpcs:
              - name: v
                account: network
                region: us-east-1
                cidr: 10.0.0.0/16
                azs: [a, b]
                subnets:
                  - { name: public, type: public, size: 24 }
                endpoints:
                  gateways: [s3]
            """,
            ("LZ1010", 10, 7),
            "did you mean 'gateway'?",
            id="endpoints",
        ),
    ],
)
def test_unknown_nested_keys(snippet: str, expected: tuple[str, int, int], hint: str) -> None:
    d = only(org(snippet))
    assert (d.code, d.line, d.column) == expected
    assert d.hint == hint


def test_unknown_key_hint_does_not_suggest_the_rejected_key() -> None:
    """`bucket` belongs to the s3 backend; with `backend: local` it is unknown, and the hint
    must not answer "did you mean 'bucket'?" for the key 'bucket'."""
    d = only(
        org("""
        organization:
          name: example-corp
          home_region: us-east-1
          management_account_id: "111111111111"
          state: { backend: local, bucket: x }
        """)
    )
    assert (d.code, d.line, d.column) == ("LZ1010", 5, 28)
    assert d.hint != "did you mean 'bucket'?"


def test_missing_required_key_points_at_its_mapping() -> None:
    d = only(
        org("""
        vpcs:
          - name: v
            account: network
            region: us-east-1
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
        """)
    )
    assert (d.code, d.line, d.column) == ("LZ1011", 2, 5)
    assert d.message == "missing required key 'cidr' in vpcs[0]"


def test_missing_top_level_keys() -> None:
    found = diagnostics(
        org(
            """
        accounts: []
        """,
            omit=("version", "organization"),
        )
    )
    assert [(d.code, d.line, d.column) for d in found] == [("LZ1011", 1, 1), ("LZ1011", 1, 1)]
    assert sorted(d.message for d in found) == [
        "missing required key 'organization'",
        "missing required key 'version'",
    ]


def test_missing_key_in_a_tagged_union() -> None:
    d = only(
        org("""
        organization:
          name: example-corp
          home_region: us-east-1
          management_account_id: "111111111111"
          state: { backend: s3, bucket: example-corp-tfstate }
        """)
    )
    assert (d.code, d.line, d.column) == ("LZ1011", 5, 10)
    assert d.message == "missing required key 'region' in organization.state"


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        pytest.param(
            """
            vpcs:
              - name: v
                account: network
                region: us-east-1
                cidr: 10.0.0.0/16
                azs: [a, b]
                ipv6: "yes"
                subnets:
                  - { name: public, type: public, size: "24" }
            """,
            [("LZ1012", 7, 11), ("LZ1012", 9, 45)],
            id="bool-and-int",
        ),
        pytest.param("vpcs: {}\n", [("LZ1012", 1, 7)], id="list"),
        pytest.param("version: 2\n", [("LZ1012", 1, 10)], id="version"),
        pytest.param(
            """
            vpcs:
              - name: v
                account: network
                region: us-east-1
                cidr: 10.0.0.0/16
                azs: [a, b]
                nat_gateways: two
                subnets:
                  - { name: public, type: public, size: 24 }
            """,
            [("LZ1012", 7, 19)],
            id="literal",
        ),
        pytest.param(
            """
            vpcs:
              - name: v
                account: network
                region: us-east-1
                cidr: 10.0.0.0/16
                azs: [a, b]
                subnets:
                  - { name: public, type: public, size: 24 }
                endpoints: { gateway: [s3, sqs] }
            """,
            [("LZ1012", 9, 32)],
            id="gateway-service",
        ),
        pytest.param(
            """
            organization:
              name: example-corp
              home_region: us-east-1
              management_account_id: "111111111111"
              state: { backend: s3, bucket: example-corp-tfstate, region: us-east-1 }
              max_stack_resources: 0
            """,
            [("LZ1012", 6, 24)],
            id="stack-bound-below-one",
        ),
    ],
)
def test_wrong_types(snippet: str, expected: list[tuple[str, int, int]]) -> None:
    assert diagnose(org(snippet)) == expected


def test_wrong_type_message_names_path_and_value() -> None:
    d = diagnostics(
        org("""
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            ipv6: "yes"
            subnets:
              - { name: public, type: public, size: 24 }
        """)
    )[0]
    assert d.message == "vpcs[0].ipv6: Input should be a valid boolean, got 'yes'"


def test_unquoted_account_id_asks_for_quotes() -> None:
    d = only(
        org("""
        accounts:
          - name: network
            email: aws+network@example.com
            ou: Infrastructure
            id: 222222222222
        """)
    )
    assert (d.code, d.line, d.column) == ("LZ1012", 5, 9)
    assert "quote" in d.hint


def test_unquoted_management_account_id_asks_for_quotes() -> None:
    d = only(
        org("""
        organization:
          name: example-corp
          home_region: us-east-1
          management_account_id: 111111111111
          state: { backend: local }
        """)
    )
    assert (d.code, d.line, d.column) == ("LZ1012", 4, 26)
    assert "quote" in d.hint


@pytest.mark.parametrize("name", ["Network", "net_work", "1net", "-net", "n" * 49])
def test_bad_name_pattern(name: str) -> None:
    d = only(
        org(f"""
        accounts:
          - name: "{name}"
            email: aws+network@example.com
            ou: Infrastructure
        """)
    )
    assert (d.code, d.line, d.column) == ("LZ1012", 2, 11)
    assert d.hint.startswith("names use lowercase letters")


def test_bad_az_letter_shape() -> None:
    d = only(
        org("""
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, B]
            subnets:
              - { name: public, type: public, size: 24 }
        """)
    )
    assert (d.code, d.line, d.column) == ("LZ1012", 6, 14)
    assert "zone letters" in d.hint


def test_empty_lists_where_one_item_is_required() -> None:
    assert diagnose(
        org("""
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: []
            subnets: []
        """)
    ) == [("LZ1012", 6, 10), ("LZ1012", 7, 14)]


def test_document_that_is_not_a_mapping() -> None:
    assert diagnose("- 1\n- 2\n") == [("LZ1012", 1, 1)]


def test_unknown_state_backend() -> None:
    d = only(
        org("""
        organization:
          name: example-corp
          home_region: us-east-1
          management_account_id: "111111111111"
          state: { backend: gcs }
        """)
    )
    assert (d.code, d.line) == ("LZ1012", 5)


def test_policy_given_as_a_mapping_reports_only_the_mapping_mistake() -> None:
    d = only(
        org("""
        baseline:
          log_archive_account: network
          service_control_policies:
            - { name: allowed-regions, region: [us-east-1] }
        """)
    )
    assert (d.code, d.line, d.column) == ("LZ1010", 4, 32)
    assert d.hint == "did you mean 'regions'?"
    assert d.path == "baseline.service_control_policies[0].region"


def test_account_settings_targets_are_all_or_a_list() -> None:
    d = only(
        org("""
        account_settings:
          - { accounts: al, ebs_encryption_by_default: true }
        """)
    )
    assert (d.code, d.line, d.column) == ("LZ1012", 2, 17)
    assert d.message == "account_settings[0].accounts: Input should be 'all', got 'al'"
