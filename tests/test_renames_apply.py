"""A rename applied against moto: the stack of tests/cases/local-state that holds its VPC
``lab`` (the management account's, which reads no other stack) applied, the VPC and its tier
``work`` renamed (``renamed_from``), rendered over the applied tree and applied again. The
second apply adds and destroys nothing, and every renamed resource keeps the id it had (the
moved blocks of lzgen.moves moved it in the state)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import render_example, terraform_env
from helpers import renamed
from test_apply import _reset, apply_tree, drop_floor_gaps, moto_endpoint

pytestmark = [pytest.mark.terraform, pytest.mark.xdist_group("apply-renames")]
__all__ = ["moto_endpoint"]  # the fixture, for this module's tests

CASE = Path(__file__).resolve().parent / "cases" / "local-state" / "org.yaml"
RENAMES = [
    ("  - name: lab\n", "  - name: lab-core\n    renamed_from: lab\n"),
    ("      - { name: work, type", "      - { name: apps, renamed_from: work, type"),
]
STACK = "accounts/management/us-west-2"  # where lab's resources are


def _ids(tree: Path, env: dict[str, str]) -> dict[str, str]:
    """Resource address -> id in ``STACK``'s local state."""
    state: dict[str, Any] = json.loads((tree / STACK / "terraform.tfstate").read_text())
    return {
        f"{r['type']}.{r['name']}": r["instances"][0]["attributes"]["id"]
        for r in state["resources"]
        if r["mode"] == "managed"
    }


@pytest.fixture(scope="module")
def applied_twice(
    moto_endpoint: str, terraform_bin: str, tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, str], dict[str, str], list[Any], dict[str, str]]:
    """(ids before, ids after, the second apply's stacks, moves of STACK)."""
    _reset(moto_endpoint)
    tmp = tmp_path_factory.mktemp("apply-renames")
    env = terraform_env(tmp)
    env.update(
        AWS_ENDPOINT_URL=moto_endpoint,
        AWS_ACCESS_KEY_ID="moto",
        AWS_SECRET_ACCESS_KEY="moto",  # noqa: S106  (moto accepts any)
    )
    tree = tmp / "out"
    render_example(CASE, tree)
    drop_floor_gaps(tree)
    first = apply_tree(tree, terraform_bin, env, moto_endpoint, only=[STACK])
    assert all(s.ok for s in first), [(s.path, s.log[-3000:]) for s in first if not s.ok]
    before = _ids(tree, env)
    source = tmp / "org.yaml"
    source.write_text(renamed(CASE.read_text(), RENAMES))
    render_example(source, tree)  # over the applied tree: its state files stay
    drop_floor_gaps(tree)
    second = apply_tree(tree, terraform_bin, env, moto_endpoint, only=[STACK])
    moved = (tree / STACK / "moved.tf").read_text()
    moves = dict(
        zip(
            [line.split("= ")[1] for line in moved.splitlines() if line.startswith("  from")],
            [line.split("= ")[1] for line in moved.splitlines() if line.startswith("  to")],
            strict=True,
        )
    )
    return before, _ids(tree, env), second, moves


def test_the_renamed_tree_applies_adding_and_destroying_nothing(
    applied_twice: tuple[dict[str, str], dict[str, str], list[Any], dict[str, str]],
) -> None:
    second = applied_twice[2]
    assert [s.path for s in second] == [STACK]
    assert all(s.ok for s in second), [(s.path, s.log[-3000:]) for s in second if not s.ok]
    assert {s.path: (s.added, s.destroyed) for s in second} == {s.path: (0, 0) for s in second}
    assert all(s.replan_exit == 0 for s in second), [s.log for s in second if s.replan_exit]


def test_the_renamed_resources_keep_their_ids(
    applied_twice: tuple[dict[str, str], dict[str, str], list[Any], dict[str, str]],
) -> None:
    before, after, _, moves = applied_twice
    assert moves["aws_vpc.lab"] == "aws_vpc.lab-core"
    assert moves["aws_subnet.lab_work_a"] == "aws_subnet.lab-core_apps_a"
    assert (
        moves["aws_cloudwatch_log_group.lab_flow_logs"]
        == "aws_cloudwatch_log_group.lab-core_flow_logs"
    )
    assert {target: after[target] for target in moves.values()} == {
        target: before[source] for source, target in moves.items()
    }
    assert not set(moves) & set(after)  # no old address is left in the state
