"""Rules of the organization-wide security services (LZ73xx): the audit account is declared,
is neither the management account nor the log archive account, and the file has a baseline;
a Security Hub standard lzgen does not know is a schema error.

Same conventions as test_rules.py. ``FAILING`` here counts for test_rules.py's every-code check.
"""

from __future__ import annotations

import pytest

from helpers import diagnose, only, org

Expected = list[tuple[str, int, int]]

FAILING: list[tuple[str, str, Expected]] = [
    (
        "LZ7301-unknown-audit-account",
        """
        security:
          audit_account: adit
        baseline:
          log_archive_account: network
        """,
        [("LZ7301", 2, 18)],
    ),
    (
        "LZ7302-audit-is-management",
        """
        accounts:
          - { name: network, email: aws+network@example.com, ou: Infrastructure,
              id: "222222222222" }
          - { name: root, email: aws+root@example.com, ou: Infrastructure,
              id: "111111111111" }
        security:
          audit_account: root
        baseline:
          log_archive_account: network
        """,
        [("LZ7302", 7, 18)],
    ),
    (
        "LZ7303-security-without-baseline",
        """
        security:
          audit_account: app-a
        """,
        [("LZ7303", 2, 3)],
    ),
    (
        "LZ7304-audit-is-log-archive",
        """
        security:
          audit_account: network
        baseline:
          log_archive_account: network
        """,
        [("LZ7304", 2, 18)],
    ),
]

PASSING: list[tuple[str, str]] = [
    (
        "defaults",
        """
        security:
          audit_account: app-a
        baseline:
          log_archive_account: network
        """,
    ),
    (
        "every-option",
        """
        security:
          audit_account: app-a
          guardduty:
            enabled: true
            protection: { s3: true, eks: false, malware: true, rds: false, lambda_network: true,
                          runtime: true }
            export_findings: false
          security_hub: { enabled: true, standards: [nist-800-53, pci-dss, aws-resource-tagging] }
          config: { enabled: true, recording_frequency: daily }
          access_analyzer: { enabled: true, unused_access_days: 90 }
        baseline:
          log_archive_account: network
        """,
    ),
    (
        "services-off",
        """
        security:
          audit_account: app-a
          guardduty: { enabled: false }
          security_hub: { enabled: false }
          config: { enabled: false }
          access_analyzer: { enabled: false }
        baseline:
          log_archive_account: network
        """,
    ),
]


# schema errors (LZ1xxx) are not rules: apart, so test_rules.py's every-code check ignores them
SCHEMA_FAILING: list[tuple[str, str, Expected]] = [
    (
        "LZ1012-unknown-standard",
        """
        security:
          audit_account: app-a
          security_hub:
            standards: [aws-foundational-security-best-practices, cis-benchmark]
        baseline:
          log_archive_account: network
        """,
        [("LZ1012", 4, 59)],
    ),
]


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [pytest.param(s, e, id=i) for i, s, e in (*FAILING, *SCHEMA_FAILING)],
)
def test_failing_snippet(snippet: str, expected: Expected) -> None:
    assert diagnose(org(snippet)) == expected


@pytest.mark.parametrize("snippet", [pytest.param(s, id=i) for i, s in PASSING])
def test_passing_snippet(snippet: str) -> None:
    assert diagnose(org(snippet)) == []


def test_an_unknown_audit_account_gets_a_did_you_mean() -> None:
    d = only(org(FAILING[0][1].replace("adit", "ap-a")))
    assert d.hint is not None
    assert "app-a" in d.hint


def test_an_unknown_standard_gets_a_did_you_mean() -> None:
    d = only(org(SCHEMA_FAILING[0][1]))
    assert "cis-aws-foundations-benchmark" in f"{d.message} {d.hint}"


def test_the_management_audit_account_points_at_its_id_too() -> None:
    d = only(org(FAILING[1][1]))
    assert [(r.line, r.column) for r in d.related] == [(5, 11)]
