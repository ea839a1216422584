"""Rules of adopting what exists: existing accounts and OUs only in an existing organization
(LZ2020, LZ2021), accounts that are not adopted reached by name only (LZ2022), an existing
organization's trusted services and policy types listed (LZ7102, a warning).

Same conventions as test_rules.py (helpers.org puts the snippet first, so line 1 is the
snippet's first line; the BASE organization exists and keeps nothing). ``FAILING`` here counts
for test_rules.py's every-code check.
"""

from __future__ import annotations

import pytest

from helpers import diagnose, only, org
from lzgen.diagnostics import Location, Severity

Expected = list[tuple[str, int, int]]

# A created organization: no `existing`.
GREENFIELD = """
        organization:
          name: example-corp
          home_region: us-east-1
          management_account_id: "111111111111"
          state: { backend: local }
          pipeline: { trusted_principals: ["arn:aws:iam::111111111111:role/PlatformAdmin"] }
        """

FAILING: list[tuple[str, str, Expected]] = [
    (
        "LZ2020-existing-account-in-a-created-organization",
        GREENFIELD
        + """
        accounts:
          - { name: network, email: aws+n@example.com, ou: Infrastructure, id: "222222222222" }
        """,
        [("LZ2020", 9, 72)],
    ),
    (
        "LZ2021-ou-id-in-a-created-organization",
        GREENFIELD
        + """
        organizational_units:
          - { name: Infrastructure, id: ou-ab12-11111111 }
          - name: Workloads
            children: [{ name: Prod, id: ou-ab12-22222222 }, { name: NonProd }]
        accounts:
          - { name: app-a, email: aws+app-a@example.com, ou: Workloads/Prod }
        """,
        [("LZ2021", 9, 33), ("LZ2021", 11, 34)],
    ),
    (
        "LZ2022-share-through-an-ou-to-a-referenced-account",
        """
        accounts:
          - { name: network, email: aws+network@example.com, ou: Infrastructure,
              id: "222222222222", adopt: false }
          - { name: app-a, email: aws+app-a@example.com, ou: Workloads/Prod }
        transit_gateways:
          - name: core
            account: app-a
            region: us-east-1
            route_tables: [spokes]
            share_with: { ous: [Workloads, Infrastructure] }
        """,
        [("LZ2022", 10, 36)],
    ),
    (
        "LZ2022-policy-through-an-ou-to-a-referenced-account",
        """
        accounts:
          - { name: network, email: aws+network@example.com, ou: Infrastructure,
              id: "222222222222", adopt: false }
          - { name: app-a, email: aws+app-a@example.com, ou: Workloads/Prod }
          - { name: logs, email: aws+logs@example.com, ou: Workloads/Prod }
        baseline:
          log_archive_account: logs
          service_control_policies: [deny-leave-organization]
          attach: { ous: [Infrastructure] }
        """,
        [("LZ2022", 9, 19)],
    ),
    (
        "LZ7102-existing-organization-without-kept-lists",
        """
        organization:
          name: example-corp
          home_region: us-east-1
          management_account_id: "111111111111"
          existing: { id: o-exampleorg1, root_id: r-ex01 }
          state: { backend: local }
          pipeline: { trusted_principals: ["arn:aws:iam::111111111111:role/PlatformAdmin"] }
        """,
        [("LZ7102", 5, 13)],
    ),
]

PASSING: list[tuple[str, str]] = [
    (
        "created-accounts-in-a-created-organization",
        GREENFIELD
        + """
        accounts:
          - { name: app-a, email: aws+app-a@example.com, ou: Workloads/Prod }
        """,
    ),
    (
        "a-referenced-account-in-a-created-organization",
        GREENFIELD
        + """
        accounts:
          - { name: network, email: aws+network@example.com, ou: Infrastructure,
              id: "222222222222", adopt: false }
        """,
    ),
    (
        "the-management-account-is-never-adopted",
        GREENFIELD
        + """
        accounts:
          - { name: management, email: root@example.com, ou: Infrastructure, id: "111111111111" }
        """,
    ),
    (
        "a-referenced-account-named-by-the-share",
        """
        accounts:
          - { name: network, email: aws+network@example.com, ou: Infrastructure,
              id: "222222222222", adopt: false }
          - { name: app-a, email: aws+app-a@example.com, ou: Workloads/Prod }
        transit_gateways:
          - name: core
            account: app-a
            region: us-east-1
            route_tables: [spokes]
            share_with: { accounts: [network], ous: [Infrastructure] }
        """,
    ),
    ("adopted-accounts-and-ous-in-an-existing-organization", ""),
]


@pytest.mark.parametrize(("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in FAILING])
def test_failing_snippet(snippet: str, expected: Expected) -> None:
    assert diagnose(org(snippet)) == expected


@pytest.mark.parametrize("snippet", [pytest.param(s, id=i) for i, s in PASSING])
def test_passing_snippet(snippet: str) -> None:
    assert diagnose(org(snippet)) == []


def test_existing_account_hint_names_every_way_out() -> None:
    d = only(org(FAILING[0][1]))
    assert "organization.existing: { id: o-..., root_id: r-... }" in d.hint
    assert "remove `id`" in d.hint
    assert "`adopt: false`" in d.hint


def test_referenced_account_diagnostic_names_the_account_and_the_fix() -> None:
    d = only(org(FAILING[2][1]))
    assert "account 'network', which has `adopt: false`" in d.message
    assert d.related == (Location("org.yaml", 3, 34),)
    assert "name 'network' in share_with.accounts" in d.hint


def test_missing_kept_lists_is_a_warning_that_names_both_keys() -> None:
    d = only(org(FAILING[4][1]))
    assert d.severity is Severity.WARNING
    assert "`trusted_services` and `policy_types`" in d.message
    listed = FAILING[4][1].replace("state:", "trusted_services: []\n          state:")
    assert "`policy_types`" in only(org(listed)).message


def test_account_settings_by_ou_do_not_reach_a_referenced_account() -> None:
    snippet = """
        accounts:
          - { name: network, email: aws+network@example.com, ou: Infrastructure,
              id: "222222222222", adopt: false }
        account_settings:
          - { ous: [Infrastructure], ebs_encryption_by_default: true }
          - { accounts: [network], ebs_encryption_by_default: true }
          - { accounts: all, s3_block_public_access: true }
        """
    assert diagnose(org(snippet)) == [("LZ2022", 5, 13)]
