"""Rules about IAM Identity Center (LZ42xx): assignment references (LZ4201), names declared once
(LZ4202), session duration (LZ4203), managed policies (LZ4204), the inline policy (LZ4205) and,
a warning, assignments that reach the management account (LZ4206).

Same conventions as test_rules.py (the snippet's first line is line 1; helpers.BASE supplies
the organization with accounts network, existing, in Infrastructure and app-a, created, in
Workloads/Prod). ``FAILING`` here counts for test_rules.py's every-code check.
"""

from __future__ import annotations

import json

import pytest

from helpers import diagnose, diagnostics, only, org
from lzgen.diagnostics import Severity

Expected = list[tuple[str, int, int]]

HEAD = """\
identity_center:
  instance_arn: arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6
  identity_store_id: d-9067a1b2c3
"""
SETS = """\
  permission_sets:
    - { name: AdministratorAccess, managed_policies: [AdministratorAccess] }
    - { name: ReadOnly, session_duration: PT4H, managed_policies: [ReadOnlyAccess] }
"""
GROUPS = """\
  groups:
    - { name: platform-admins, id: 9067a1b2c3-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d }
    - { name: auditors, description: Read-only auditors }
"""
VALID = HEAD + SETS + GROUPS


def assign(*lines: str) -> str:
    return VALID + "  assignments:\n" + "".join(f"    - {line}\n" for line in lines)


def permission_set(line: str) -> str:
    """One permission set (line 5), plus the groups."""
    return HEAD + "  permission_sets:\n" + f"    - {line}\n" + GROUPS


MANAGEMENT_ACCOUNT = """\
accounts:
  - { name: network, email: aws+network@example.com, ou: Infrastructure, id: "222222222222" }
  - { name: app-a, email: aws+app-a@example.com, ou: Workloads/Prod }
  - { name: management, email: aws+root@example.com, ou: Infrastructure, id: "111111111111" }
"""

FAILING: list[tuple[str, str, Expected]] = [
    # --- LZ4201 references ---------------------------------------------------------------
    (
        "LZ4201-unknown-group",
        assign("{ group: platform-admin, permission_set: ReadOnly, accounts: [network] }"),
        [("LZ4201", 11, 16)],
    ),
    (
        "LZ4201-unknown-permission-set",
        assign("{ group: auditors, permission_set: Readonly, accounts: [network] }"),
        [("LZ4201", 11, 42)],
    ),
    (
        "LZ4201-unknown-account",
        assign("{ group: auditors, permission_set: ReadOnly, accounts: [netwrk] }"),
        [("LZ4201", 11, 63)],
    ),
    (
        "LZ4201-unknown-ou",
        assign("{ group: auditors, permission_set: ReadOnly, ous: [Workloads/Dev] }"),
        [("LZ4201", 11, 58)],
    ),
    (
        "LZ4201-no-target",
        assign("{ group: auditors, permission_set: ReadOnly }"),
        [("LZ4201", 11, 7)],
    ),
    # --- LZ4202 names declared once ---------------------------------------------------------
    (
        "LZ4202-permission-set-twice",
        VALID.replace("{ name: ReadOnly,", "{ name: administratoraccess,"),
        [("LZ4202", 6, 15)],
    ),
    (
        "LZ4202-group-twice",
        VALID + "    - { name: auditors }\n",
        [("LZ4202", 10, 15)],
    ),
    (
        "LZ4202-group-id-twice",
        VALID + "    - { name: admins, id: 9067a1b2c3-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d }\n",
        [("LZ4202", 10, 27)],
    ),
    # --- LZ4203 session duration ------------------------------------------------------------
    (
        "LZ4203-too-short",
        permission_set("{ name: Short, session_duration: PT30M }"),
        [("LZ4203", 5, 40)],
    ),
    (
        "LZ4203-too-long",
        permission_set("{ name: Long, session_duration: PT12H30M }"),
        [("LZ4203", 5, 39)],
    ),
    # --- LZ4204 managed policies ------------------------------------------------------------
    (
        "LZ4204-malformed-name",
        permission_set("{ name: Ops, managed_policies: [ReadOnlyAccess, 'Read Only'] }"),
        [("LZ4204", 5, 55)],
    ),
    (
        "LZ4204-customer-managed-arn",
        permission_set("{ name: Ops, managed_policies: ['arn:aws:iam::222222222222:policy/Ops'] }"),
        [("LZ4204", 5, 39)],
    ),
    (
        "LZ4204-other-partition-arn",
        permission_set(
            "{ name: Ops, managed_policies: ['arn:aws-cn:iam::aws:policy/ReadOnlyAccess'] }"
        ),
        [("LZ4204", 5, 39)],
    ),
    (
        "LZ4204-listed-twice",
        permission_set(
            "{ name: Ops, managed_policies: [ReadOnlyAccess, "
            "'arn:aws:iam::aws:policy/ReadOnlyAccess'] }"
        ),
        [("LZ4204", 5, 55)],
    ),
    (
        "LZ4204-more-than-20",
        permission_set(
            "{ name: Ops, managed_policies: [" + ", ".join(f"Policy{n}" for n in range(21)) + "] }"
        ),
        [("LZ4204", 5, 38)],
    ),
    # --- LZ4205 inline policy ---------------------------------------------------------------
    (
        "LZ4205-too-large",
        permission_set(
            "{ name: Ops, inline_policy: { Version: '2012-10-17', Statement: [{ Effect: Allow, "
            "Resource: '*', Action: "
            + json.dumps([f"ec2:DescribeSomethingLong{n:04d}" for n in range(330)])
            + " }] } }"
        ),
        [("LZ4205", 5, 35)],
    ),
    # --- LZ4206 the management account (a warning) ------------------------------------------
    (
        "LZ4206-management-account-by-name",
        assign("{ group: auditors, permission_set: ReadOnly, accounts: [network, management] }")
        + MANAGEMENT_ACCOUNT,
        [("LZ4206", 11, 72)],
    ),
    (
        "LZ4206-management-account-through-ou",
        assign("{ group: auditors, permission_set: ReadOnly, ous: [Workloads, Infrastructure] }")
        + MANAGEMENT_ACCOUNT,
        [("LZ4206", 11, 69)],
    ),
    # --- LZ2022 an account with adopt: false is reached by name, not through an OU ---------
    (
        "LZ2022-identity-center-assignment-by-ou",
        assign("{ group: auditors, permission_set: ReadOnly, ous: [Infrastructure] }")
        + "accounts:\n"
        + "  - { name: network, email: aws+network@example.com, ou: Infrastructure,\n"
        + '      id: "222222222222", adopt: false }\n',
        [("LZ2022", 11, 58)],
    ),
    # --- LZ4207 the delegated administrator ------------------------------------------------
    (
        "LZ4207-unknown-account",
        VALID.replace("  permission_sets:", "  delegated_admin: identiy\n  permission_sets:"),
        [("LZ4207", 4, 20)],
    ),
    (
        "LZ4207-the-management-account",
        VALID.replace("  permission_sets:", "  delegated_admin: management\n  permission_sets:")
        + MANAGEMENT_ACCOUNT,
        [("LZ4207", 4, 20)],
    ),
    (
        "LZ4207-assignment-reaches-the-management-account",
        assign("{ group: auditors, permission_set: ReadOnly, ous: [Infrastructure] }").replace(
            "  permission_sets:", "  delegated_admin: network\n  permission_sets:"
        )
        + MANAGEMENT_ACCOUNT,
        [("LZ4207", 12, 58)],
    ),
]

PASSING: list[tuple[str, str]] = [
    ("no-assignments", VALID),
    (
        "accounts-and-ous",
        assign(
            "{ group: auditors, permission_set: ReadOnly, accounts: [network], ous: [Workloads] }",
            "{ group: platform-admins, permission_set: AdministratorAccess,"
            " ous: [Infrastructure] }",
        ),
    ),
    (
        "durations-at-the-bounds",
        HEAD
        + "  permission_sets:\n"
        + "    - { name: One, session_duration: PT60M }\n"
        + "    - { name: Twelve, session_duration: PT11H60M }\n",
    ),
    (
        "policy-names-with-path-and-arns",
        permission_set(
            "{ name: Ops, managed_policies: [job-function/ViewOnlyAccess, "
            "'arn:aws:iam::aws:policy/service-role/AWSConfigRole'] }"
        ),
    ),
    (
        "inline-policy",
        permission_set(
            "{ name: Ops, inline_policy: { Version: '2012-10-17', Statement: "
            "[{ Effect: Deny, Action: 'iam:CreateUser', Resource: '*' }] } }"
        ),
    ),
    (
        "delegated-admin",
        VALID.replace("  permission_sets:", "  delegated_admin: network\n  permission_sets:"),
    ),
    (
        "region",
        VALID.replace("  permission_sets:", "  region: eu-west-1\n  permission_sets:"),
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in FAILING])
def test_failing_snippet(snippet: str, expected: Expected) -> None:
    assert diagnose(org(snippet)) == expected


# an inline policy's shape is the schema's (model/policy_document.py): IAM's keys only
SHAPE_FAILING: list[tuple[str, str, Expected]] = [
    (
        "inline-policy-no-statement",
        permission_set("{ name: Ops, inline_policy: { Version: '2012-10-17' } }"),
        [("LZ1011", 5, 35)],
    ),
    (
        "inline-policy-no-version",
        permission_set(
            "{ name: Ops, inline_policy: { Statement: [{ Effect: Deny, Action: '*', "
            "Resource: '*' }] } }"
        ),
        [("LZ1011", 5, 35)],
    ),
    (
        "inline-policy-principal-in-an-identity-policy",
        permission_set(
            "{ name: Ops, inline_policy: { Version: '2012-10-17', Statement: [{ Effect: Deny, "
            "Action: '*', Resource: '*', Principal: '*' }] } }"
        ),
        [("LZ1010", 5, 116)],
    ),
]


@pytest.mark.parametrize(
    ("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in SHAPE_FAILING]
)
def test_inline_policy_shape(snippet: str, expected: Expected) -> None:
    assert diagnose(org(snippet)) == expected


@pytest.mark.parametrize("snippet", [pytest.param(s, id=i) for i, s in PASSING])
def test_passing_snippet(snippet: str) -> None:
    assert diagnose(org(snippet)) == []


def test_unknown_names_get_a_did_you_mean_hint() -> None:
    found = diagnostics(
        org(assign("{ group: platform-admin, permission_set: Readonly, accounts: [netwrk] }"))
    )
    assert [d.hint for d in found] == [
        "did you mean 'platform-admins'?",
        "did you mean 'ReadOnly'?",
        "did you mean 'network'?",
    ]


def test_the_management_account_is_a_warning_only() -> None:
    d = only(
        org(
            assign("{ group: auditors, permission_set: ReadOnly, accounts: [management] }")
            + MANAGEMENT_ACCOUNT
        )
    )
    assert (d.code, d.severity) == ("LZ4206", Severity.WARNING)
    assert "management account" in d.message


def test_the_inline_policy_size_is_counted_minified() -> None:
    """Whitespace inside the YAML does not count: 10,240 characters of minified JSON pass."""
    d = only(
        org(
            permission_set(
                "{ name: Ops, inline_policy: { Version: '2012-10-17', Statement: [{ "
                "Effect: Allow, Resource: '*', Action: "
                + json.dumps([f"ec2:DescribeSomethingLong{n:04d}" for n in range(330)])
                + " }] } }"
            )
        )
    )
    assert "10,240" in d.message


def test_an_unknown_region_is_lz2007() -> None:
    text = VALID.replace("  permission_sets:", "  region: eu-wset-1\n  permission_sets:")
    assert diagnose(org(text)) == [("LZ2007", 4, 11)]
