"""Rules about who runs the stacks (LZ4xxx): LZ4001, the pipeline role trusts someone named.

Same conventions as test_rules.py. ``FAILING`` here counts for test_rules.py's every-code check.
"""

from __future__ import annotations

import pytest

from helpers import diagnose, only, org

Expected = list[tuple[str, int, int]]

ORGANIZATION = """
        organization:
          name: example-corp
          home_region: us-east-1
          management_account_id: "111111111111"
          existing: { id: o-exampleorg1, root_id: r-ex01 }
          trusted_services: []
          policy_types: []
          state: { backend: local }
        """.rstrip(" ")

FAILING: list[tuple[str, str, Expected]] = [
    ("LZ4001-no-pipeline", ORGANIZATION, [("LZ4001", 1, 1)]),
    (
        "LZ4001-pipeline-without-trust",
        ORGANIZATION + "          pipeline: { role: ci-deployer }\n",
        [("LZ4001", 9, 13)],
    ),
]

PASSING: list[tuple[str, str]] = [
    (
        "named-principals",
        ORGANIZATION
        + '          pipeline: { trusted_principals: ["arn:aws:iam::111111111111:role/Ops"] }\n',
    ),
    (
        "ci-identity-provider",
        ORGANIZATION
        + "          pipeline:\n"
        + "            oidc:\n"
        + "              provider: gitlab.com\n"
        + "              subjects: ['project_path:acme/lz:ref_type:branch:ref:main']\n",
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in FAILING])
def test_failing_snippet(snippet: str, expected: Expected) -> None:
    assert diagnose(org(snippet)) == expected


@pytest.mark.parametrize("snippet", [pytest.param(s, id=i) for i, s in PASSING])
def test_passing_snippet(snippet: str) -> None:
    assert diagnose(org(snippet)) == []


def test_the_hint_shows_both_ways_to_trust() -> None:
    d = only(org(ORGANIZATION))
    assert "'lzgen-pipeline'" in d.message
    assert "trusted_principals" in d.hint
    assert "oidc" in d.hint


def test_the_account_root_is_not_a_principal() -> None:
    """Trusting the account root hands the pipeline role to whatever IAM allows there."""
    root = '          pipeline: { trusted_principals: ["arn:aws:iam::111111111111:root"] }\n'
    d = only(org(ORGANIZATION + root))
    assert (d.code, d.line, d.column) == ("LZ1012", 9, 36)
