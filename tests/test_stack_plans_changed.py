"""``lzgen plan --changed`` (lzgen.stack_plans.changed): in a scratch git repository, exactly
the stacks whose files changed since the ref (committed, staged, unstaged or untracked) and
the stacks that read them; the same against a previous manifest without git; the errors that
name their fix; and, offline, the upstreams planned for their outputs only."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import fake_terraform as fake
from lzgen.cli import app
from lzgen.stack_plans.changed import readers, select_changed, stacks_of_files
from lzgen.stack_plans.results import PlanError

runner = CliRunner()

# a reads nothing; b reads a; c reads b; d reads nothing; a/nested is a stack inside a's folder
STACKS: list[dict[str, Any]] = [
    {"path": "a", "plan": {"resource_changes": [fake.CREATE]}},
    {"path": "a/nested", "plan": {"resource_changes": [fake.NOOP]}},
    {"path": "b", "reads": {"a": "a"}, "plan": {"resource_changes": [fake.UPDATE]}},
    {"path": "c", "reads": {"b": "b"}, "plan": {"resource_changes": [fake.NOOP]}},
    {"path": "d", "plan": {"resource_changes": [fake.DELETE]}},
]
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _git(repo: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", *args],
        cwd=repo,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose main branch holds the tree in ``out/`` (plus a README), and a
    feature branch checked out on top of it."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    fake.write_tree(repo / "out", STACKS)
    (repo / "out" / ".gitignore").write_text("tfplan\ntfplan.json\n")
    (repo / "README.md").write_text("org\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "tree")
    _git(repo, "checkout", "-q", "-b", "feature")
    return repo


def _manifest(tree: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((tree / "lzgen.manifest.json").read_text())
    return data


def _selected(tree: Path, since: str | None = None) -> list[str]:
    return select_changed(tree, _manifest(tree), since).selected


def test_a_changed_file_selects_its_stack_and_the_stacks_reading_it(repo: Path) -> None:
    tree = repo / "out"
    assert _selected(tree) == []
    (tree / "b" / "main.tf").write_text("# edited, not staged\n")
    assert _selected(tree) == ["b", "c"]
    _git(repo, "commit", "-q", "-am", "edit b")  # committed on the branch: still changed
    assert _selected(tree) == ["b", "c"]
    assert select_changed(tree, _manifest(tree), None).changed == ["b"]


def test_staged_untracked_and_nested_files_each_select_the_longest_stack(repo: Path) -> None:
    tree = repo / "out"
    (tree / "a" / "nested" / "extra.tf").write_text("# new, untracked\n")
    assert _selected(tree) == ["a/nested"]
    (tree / "d" / "main.tf").write_text("# staged\n")
    _git(repo, "add", "out/d/main.tf")
    assert _selected(tree) == ["a/nested", "d"]
    (tree / "a" / "tfplan.json").write_text("{}")  # ignored by the tree's .gitignore
    assert _selected(tree) == ["a/nested", "d"]


def test_files_outside_every_stack_change_no_stack(repo: Path) -> None:
    tree = repo / "out"
    (repo / "README.md").write_text("changed\n")
    (tree / "lzgen.manifest.json").write_text((tree / "lzgen.manifest.json").read_text() + "\n")
    assert _selected(tree) == []


def test_since_names_the_ref_and_the_default_is_the_merge_base_with_main(repo: Path) -> None:
    tree = repo / "out"
    (tree / "d" / "main.tf").write_text("# on feature\n")
    _git(repo, "commit", "-q", "-am", "feature: d")
    _git(repo, "checkout", "-q", "main")
    (tree / "a" / "main.tf").write_text("# on main\n")
    _git(repo, "commit", "-q", "-am", "main: a")
    _git(repo, "checkout", "-q", "feature")
    # what main did since the branch point is not this branch's change
    assert _selected(tree) == ["d"]
    assert "merge base of HEAD and main" in select_changed(tree, _manifest(tree), None).against
    assert _selected(tree, "main") == ["a", "b", "c", "d"]  # main's a differs from ours too
    assert _selected(tree, "HEAD") == []


def test_a_removed_stack_is_named_not_planned(repo: Path, tmp_path: Path) -> None:
    tree = repo / "out"
    stacks = [s for s in STACKS if s["path"] != "d"]
    shutil.rmtree(tree / "d")
    fake.write_tree(tree, stacks)
    selection = select_changed(tree, _manifest(tree), None)
    assert (selection.selected, selection.removed) == ([], ["d"])
    result = runner.invoke(
        app,
        ["plan", str(tree), "--changed", "--offline", "--terraform", fake.binary(tmp_path / "b")],
    )
    assert result.exit_code == 0, result.output
    assert "removed: d (no longer in the tree: nothing to plan)" in result.stderr
    assert "removed" in result.stdout


def test_without_git_a_previous_manifest_tells_what_changed(tmp_path: Path) -> None:
    tree = tmp_path / "out"
    fake.write_tree(tree, STACKS)
    previous = tmp_path / "previous.manifest.json"
    shutil.copy(tree / "lzgen.manifest.json", previous)
    (tree / "a" / "nested" / "main.tf").write_text("# edited\n")
    (tree / "b" / "fake_plan.json").unlink()
    assert _selected(tree, str(previous)) == ["a/nested", "b", "c"]
    with pytest.raises(
        PlanError, match=r"not in a git repository: .* pass --since with a previous"
    ):
        _selected(tree)


def test_a_ref_that_does_not_exist_is_a_usage_error_naming_the_fix(
    repo: Path, tmp_path: Path
) -> None:
    terraform = fake.binary(tmp_path / "bin")
    result = runner.invoke(
        app,
        [
            "plan",
            str(repo / "out"),
            "--changed",
            "--since",
            "origin/nope",
            "--terraform",
            terraform,
        ],
    )
    assert result.exit_code == 2
    assert "--since origin/nope: no such git ref or file; fetch it" in result.stderr
    result = runner.invoke(
        app, ["plan", str(tmp_path / "bin"), "--changed", "--terraform", terraform]
    )
    assert result.exit_code == 2  # no manifest there


def test_offline_the_upstreams_plan_for_their_outputs_only(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """c changed: offline its upstreams b and a have no state to read, so they plan too, shown
    as upstream, not counted: c has no changes, so the run exits 0. Planned for real, only c
    runs."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("FAKE_TF_LOG", str(tmp_path / "log"))
    tree = repo / "out"
    (tree / "c" / "main.tf").write_text("# edited\n")
    terraform = fake.binary(tmp_path / "bin")
    args = ["plan", str(tree), "--changed", "--terraform", terraform, "--format", "json"]
    result = runner.invoke(app, [*args, "--offline"])
    assert result.exit_code == 0, result.output
    assert [(s["path"], s["status"]) for s in json.loads(result.stdout)["stacks"]] == [
        ("a", "upstream"),
        ("b", "upstream"),
        ("c", "no_changes"),
    ]
    assert "changed: c" in result.stderr
    assert "planned for their outputs only (offline, no state to read): a, b" in result.stderr
    (tmp_path / "log").unlink()
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert [s["path"] for s in json.loads(result.stdout)["stacks"]] == ["c"]
    assert {Path(r["cwd"]).name for r in fake.log_records(tmp_path / "log")} == {"c"}


def test_files_map_to_the_longest_stack_path_and_readers_are_transitive() -> None:
    paths = [s["path"] for s in STACKS]
    files = ["a/x.tf", "a/nested/y.tf", "ab/z.tf", "README.md", "c/main.tf"]
    assert stacks_of_files(paths, files) == ["a", "a/nested", "c"]
    entries = [{"path": s["path"], "reads": s.get("reads", {})} for s in STACKS]
    assert readers(entries, {"a"}) == ["a", "b", "c"]
    assert readers(entries, {"d"}) == ["d"]
