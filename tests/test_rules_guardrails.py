"""Rules of the service control policies' reach: LZ8008 (no target of ``baseline.attach`` gets
more than Organizations' 5 attached policies, FullAWSAccess included) and LZ7103 (a warning:
``attach`` names the management account, which no SCP reaches)."""

from __future__ import annotations

import pytest

from helpers import diagnose, diagnostics, only, org
from lzgen.diagnostics import Severity

HEAD = "baseline:\n  log_archive_account: network\n  service_control_policies:\n"
FIVE = """\
    - deny-root-user
    - deny-leave-organization
    - protect-security-services
    - deny-internet-gateways
    - { name: allowed-regions, regions: [us-east-1] }
"""

MANAGEMENT_ATTACHED = """\
baseline:
  log_archive_account: network
  service_control_policies: [deny-root-user]
  attach: { accounts: [app-a, management] }
accounts:
  - { name: network, email: aws+network@example.com, ou: Infrastructure,
      id: "222222222222" }
  - { name: app-a, email: aws+app-a@example.com, ou: Workloads/Prod }
  - { name: management, email: aws@example.com, ou: Infrastructure,
      id: "111111111111" }
"""

Expected = list[tuple[str, int, int]]

# (id, snippet, expected diagnostics), also collected by tests/test_rules.py
FAILING: list[tuple[str, str, Expected]] = [
    (
        "LZ8008-five-policies-on-an-ou",
        HEAD + FIVE + "  attach: { ous: [Workloads] }\n",
        [("LZ8008", 8, 7)],
    ),
    ("LZ7103-management-account-attached", MANAGEMENT_ATTACHED, [("LZ7103", 4, 31)]),
]


@pytest.mark.parametrize(("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in FAILING])
def test_failing_snippet(snippet: str, expected: Expected) -> None:
    assert diagnose(org(snippet)) == expected


def test_five_library_policies_on_an_ou_exceed_the_attachment_limit() -> None:
    text = org(HEAD + FIVE + "  attach: { ous: [Workloads] }\n")
    d = only(text)
    assert (d.code, d.line, d.column, d.severity) == ("LZ8008", 8, 7, Severity.ERROR)
    assert "6" in d.message  # five and FullAWSAccess
    assert d.related[0].line == 9
    assert "at most 4" in d.hint


def test_five_library_policies_on_an_account_point_at_the_account_list() -> None:
    text = org(HEAD.replace("network\n", "network\n  attach: { accounts: [app-a] }\n") + FIVE)
    assert diagnose(text) == [("LZ8008", 9, 7)]
    assert only(text).related[0].line == 3


def test_four_library_policies_fit_and_unattached_ones_are_not_counted() -> None:
    four = "".join(FIVE.splitlines(keepends=True)[:4])
    attached_four = org(HEAD + four + "  attach: { ous: [Workloads] }\n")
    unattached_five = org(HEAD + FIVE)
    assert diagnose(attached_four) == []
    assert diagnose(unattached_five) == []


def test_unknown_and_repeated_policies_are_left_to_lz7002() -> None:
    text = org(
        HEAD
        + FIVE.replace("deny-internet-gateways", "deny-root-user")
        + "  attach: { ous: [Workloads] }\n"
    )
    assert diagnose(text) == [("LZ7002", 7, 7)]
    text = org(
        HEAD
        + FIVE.replace("deny-internet-gateways", "deny-igw")
        + "  attach: { ous: [Workloads] }\n"
    )
    assert diagnose(text) == [("LZ7002", 7, 7)]


def test_attaching_to_the_management_account_warns() -> None:
    d = only(org(MANAGEMENT_ATTACHED))
    assert (d.code, d.line, d.column, d.severity) == ("LZ7103", 4, 31, Severity.WARNING)
    assert "management account" in d.message


def test_member_accounts_and_unknown_names_do_not_warn() -> None:
    text = org(
        """
        baseline:
          log_archive_account: network
          service_control_policies: [deny-root-user]
          attach: { accounts: [network, managment] }
        """
    )
    assert [d.code for d in diagnostics(text)] == ["LZ7005"]
