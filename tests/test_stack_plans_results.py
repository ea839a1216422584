"""lzgen.stack_plans.results: counts from a plan JSON's actions, and the run's exit code."""

from __future__ import annotations

import pytest

from fake_terraform import CREATE, DELETE, NOOP, READ, REPLACE, UPDATE
from lzgen.stack_plans.results import Counts, StackResult, Status, counts, exit_code


def test_counts_come_from_the_actions_of_each_resource_change() -> None:
    backwards = {"address": "x.r", "change": {"actions": ["create", "delete"]}}  # create first
    plan = {"resource_changes": [CREATE, CREATE, UPDATE, DELETE, REPLACE, backwards, READ, NOOP]}
    # as terraform's "Plan:" line counts: a replacement adds one and destroys one
    assert counts(plan) == Counts(add=4, change=1, destroy=3, replace=2)
    assert counts(plan).text() == "4 to add, 1 to change, 3 to destroy (2 replaced)"


def test_reads_and_no_ops_are_no_changes_but_a_changed_output_is_one() -> None:
    assert not counts({"resource_changes": [READ, NOOP]}).any
    assert counts({}).text() == "no changes"
    output = {"output_changes": {"id": {"actions": ["update"]}}}
    assert counts(output).any
    assert counts(output) == Counts(other=True)
    forget = {"resource_changes": [{"address": "x.f", "change": {"actions": ["forget"]}}]}
    assert counts(forget).any


def _result(status: Status) -> StackResult:
    return StackResult("s", "s", status)


@pytest.mark.parametrize(
    ("statuses", "code"),
    [
        ([Status.no_changes, Status.no_changes], 0),
        ([Status.no_changes, Status.changes], 2),
        ([Status.changes, Status.failed], 1),
        ([Status.no_changes, Status.skipped], 1),
        # planned for outputs only, or gone from the tree: not what the run reports on
        ([Status.no_changes, Status.upstream, Status.removed], 0),
        ([], 0),
    ],
)
def test_exit_codes_follow_terraforms_detailed_exitcode(statuses: list[Status], code: int) -> None:
    assert exit_code(_result(s) for s in statuses) == code
