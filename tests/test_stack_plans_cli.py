"""``lzgen plan`` end to end with a stand-in terraform (tests/fake_terraform.py): parallel
stacks in the right order, the same results for one job and two, skips after a failure, the
exit codes, the JSON summary's exact shape, the summary table, the progress lines, real plans
(plan files written whole, the shared plugin cache, inits taking turns) and Ctrl-C (no partial
plan file left). No provider is needed; ``tests/test_stack_plans_terraform.py`` runs the real
thing once."""

from __future__ import annotations

import io
import itertools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

import fake_terraform as fake
from lzgen.cli import app
from lzgen.stack_plans.progress import LineProgress, LiveProgress, progress_for
from lzgen.stack_plans.results import Counts, StackResult, Status
from lzgen.stack_plans.schedule import Stack
from lzgen.stack_plans.summary import table

runner = CliRunner()

# a reads nothing; b and c read a (one second each); d reads b and c; e depends on a only
STACKS: list[dict[str, Any]] = [
    {"path": "a", "plan": {"resource_changes": [fake.CREATE]}},
    {"path": "b", "reads": {"a": "a"}, "plan": {"resource_changes": [fake.REPLACE], "sleep": 1}},
    {"path": "c", "reads": {"a": "a"}, "plan": {"resource_changes": [fake.NOOP], "sleep": 1}},
    {"path": "d", "reads": {"b": "b", "c": "c"}, "plan": {"resource_changes": [fake.UPDATE]}},
    {"path": "e", "depends_on": ["a"], "plan": {"resource_changes": [fake.DELETE]}},
]


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The log the fake terraform writes; no plugin cache outside tmp_path, no mirror."""
    log = tmp_path / "terraform.log"
    monkeypatch.setenv("FAKE_TF_LOG", str(log))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("TF_PLUGIN_CACHE_DIR", raising=False)
    monkeypatch.delenv("LZGEN_TF_PLUGIN_MIRROR", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return log


def _tree(tmp_path: Path, stacks: list[dict[str, Any]] = STACKS) -> tuple[Path, str]:
    tree = tmp_path / "tree"
    fake.write_tree(tree, stacks)
    return tree, fake.binary(tmp_path / "bin")


def _plan(tree: Path, terraform: str, *args: str) -> Any:
    return runner.invoke(app, ["plan", str(tree), "--terraform", terraform, *args])


def _intervals(log: Path, cmd: str = "plan") -> dict[str, tuple[float, float]]:
    return {
        Path(r["cwd"]).name: (r["start"], r["end"])
        for r in fake.log_records(log)
        if r["cmd"] == cmd
    }


def test_offline_two_jobs_plan_side_by_side_after_what_each_reads(
    tmp_path: Path, env: Path
) -> None:
    tree, terraform = _tree(tmp_path)
    result = _plan(tree, terraform, "--offline", "--jobs", "2", "--format", "json")
    assert result.exit_code == 2, result.output
    at = _intervals(env)
    assert at["a"][1] <= min(at["b"][0], at["c"][0])
    assert max(at["b"][1], at["c"][1]) <= at["d"][0]
    assert at["b"][0] < at["c"][1], "b and c overlap"
    assert at["c"][0] < at["b"][1], "b and c overlap"


def test_offline_one_job_and_two_give_the_same_results(tmp_path: Path, env: Path) -> None:
    tree, terraform = _tree(tmp_path)
    one = _plan(tree, terraform, "--offline", "-j", "1", "--format", "json")
    started = time.monotonic()
    two = _plan(tree, terraform, "--offline", "-j", "2", "--format", "json")
    assert time.monotonic() - started < 10
    assert (one.exit_code, two.exit_code) == (2, 2)
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert len(fake.log_records(env)) == 2 * 3 * len(STACKS)  # init, plan, show each


def test_the_json_summary_has_exactly_the_documented_shape(tmp_path: Path, env: Path) -> None:
    tree, terraform = _tree(tmp_path)
    result = _plan(tree, terraform, "--offline", "--format", "json")
    assert json.loads(result.stdout) == {
        "stacks": [
            {"path": "a", "status": "changes", "add": 1, "change": 0, "destroy": 0, "replace": 0},
            {"path": "b", "status": "changes", "add": 1, "change": 0, "destroy": 1, "replace": 1},
            {
                "path": "c",
                "status": "no_changes",
                "add": 0,
                "change": 0,
                "destroy": 0,
                "replace": 0,
            },
            {"path": "d", "status": "changes", "add": 0, "change": 1, "destroy": 0, "replace": 0},
            {"path": "e", "status": "changes", "add": 0, "change": 0, "destroy": 1, "replace": 0},
        ]
    }
    assert "[1/5]" in result.stderr  # the progress went to stderr, not into the JSON


@pytest.mark.parametrize(
    ("plans", "code"),
    [
        ([{"resource_changes": [fake.NOOP, fake.READ]}] * 2, 0),
        ([{"resource_changes": [fake.NOOP]}, {"resource_changes": [fake.CREATE]}], 2),
        ([{"resource_changes": [fake.CREATE]}, {"fail": "plan"}], 1),
        ([{"fail": "init"}, {"resource_changes": [fake.CREATE]}], 1),  # y is skipped
    ],
    ids=["no-changes", "changes", "failed", "skipped"],
)
@pytest.mark.parametrize("mode", [["--offline"], []], ids=["offline", "real"])
def test_exit_codes(
    plans: list[dict[str, Any]], code: int, mode: list[str], tmp_path: Path, env: Path
) -> None:
    stacks = [{"path": "x", "plan": plans[0]}, {"path": "y", "reads": {"x": "x"}, "plan": plans[1]}]
    tree, terraform = _tree(tmp_path, stacks)
    result = _plan(tree, terraform, *mode)
    assert result.exit_code == code, result.output
    if code == 1:
        assert "FAILED" in result.stdout
        assert "Error: fake" in result.stderr  # terraform's own words, on stderr


def test_a_failed_stack_skips_its_readers_and_says_why(tmp_path: Path, env: Path) -> None:
    stacks = [dict(s) for s in STACKS]
    stacks[1] = {**stacks[1], "plan": {"fail": "plan"}}
    tree, terraform = _tree(tmp_path, stacks)
    result = _plan(tree, terraform, "--offline", "-j", "2")
    assert result.exit_code == 1
    assert "skipped: upstream b did not plan" in result.stderr
    statuses = {row[0]: row[1] for row in _rows(result.stdout)}
    assert statuses == {
        "a": "changes",
        "b": "FAILED",
        "c": "no changes",
        "d": "skipped",
        "e": "changes",
    }
    assert "d" not in _intervals(env)


def _rows(text: str) -> list[list[str]]:
    """The cells of each row of the summary table."""
    return [
        [cell.strip() for cell in line.strip("│").split("│")]
        for line in text.splitlines()
        if line.startswith("│")
    ]


def test_usage_errors_exit_2_before_any_plan(tmp_path: Path, env: Path) -> None:
    tree, terraform = _tree(tmp_path)
    (tree / "lzgen.manifest.json").unlink()
    result = _plan(tree, terraform, "--offline")
    assert result.exit_code == 2
    assert "has no lzgen.manifest.json; render into it first" in result.stderr
    tree, terraform = _tree(tmp_path)
    result = _plan(tree, terraform, "--since", "main")
    assert (result.exit_code, result.stderr.strip()) == (2, "lzgen: error: --since needs --changed")
    result = _plan(tree, str(tmp_path / "no-terraform"))
    assert result.exit_code == 2
    assert "is not on PATH" in result.stderr
    assert not env.exists(), "no terraform ran"


def test_the_summary_highlights_destroys_and_replacements() -> None:
    results = [
        StackResult("a", "a", Status.changes, 1.0, Counts(add=2, destroy=1, replace=1)),
        StackResult("b", "b", Status.changes, 1.0, Counts(add=1)),
        StackResult("c", "c", Status.upstream, 1.0, Counts(add=5, destroy=2)),
    ]
    columns = {c.header: c for c in table(results).columns}
    cells = {name: list(columns[name]._cells) for name in ("add", "destroy", "replace")}
    assert [str(c) for c in cells["destroy"]] == ["1", "0", "2"]
    assert [c.style for c in cells["destroy"]] == ["bold red", "dim", "bold red"]
    assert [c.style for c in cells["replace"]][:2] == ["bold red", "dim"]
    assert [c.style for c in cells["add"]] == ["", "", ""]
    assert [str(c) for c in columns["status"]._cells] == [
        "changes",
        "changes",
        "upstream (outputs only)",
    ]


def test_progress_is_live_on_a_terminal_and_lines_elsewhere() -> None:
    stacks = [Stack("a", "a"), Stack("b", "b"), Stack("c", "c")]
    assert type(progress_for(stacks)) is LineProgress  # pytest's stderr is no terminal
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100, color_system=None)
    with LiveProgress(stacks, console) as live:
        live.started(stacks[0])
        live.started(stacks[1])
        assert live._state() == "done 0 · running 2 · waiting 1"
        live.live.refresh()
        live.finished(StackResult("a", "a", Status.changes, 2.0, Counts(add=3)))
        assert live._state() == "done 1 · running 1 · waiting 1"
        live.live.refresh()
    screen = out.getvalue()
    assert "running a" in screen
    assert "running b" in screen
    assert "[1/3] changes     a  2.0s  3 to add, 0 to change, 0 to destroy" in screen
    assert "lzgen plan" in screen
    assert "done 1 · running 1 · waiting 1" in screen


def test_real_plans_run_in_the_stacks_and_leave_whole_plan_files(tmp_path: Path, env: Path) -> None:
    stacks = [dict(s) for s in STACKS]
    stacks[1] = {**stacks[1], "plan": {**stacks[1]["plan"], "init_sleep": 0.3}}
    stacks[2] = {**stacks[2], "plan": {**stacks[2]["plan"], "init_sleep": 0.3}}
    tree, terraform = _tree(tmp_path, stacks)
    (tree / "a" / "tfplan.json").write_text("an old plan")
    result = _plan(tree, terraform, "--jobs", "2", "--json", "--format", "json")
    assert result.exit_code == 2, result.output
    records = fake.log_records(env)
    assert {r["cwd"] for r in records} == {str(tree / s["path"]) for s in STACKS}
    for stack in STACKS:
        directory = tree / stack["path"]
        assert (directory / "tfplan").read_text() == "a whole plan"
        plan = json.loads((directory / "tfplan.json").read_text())
        assert plan["resource_changes"] == stack["plan"]["resource_changes"]
        assert sorted(p.name for p in directory.iterdir()) == [
            "fake_plan.json",
            "main.tf",
            "tfplan",
            "tfplan.json",
        ]
    at = _intervals(env)
    assert at["a"][1] <= at["e"][0], "really planned, e waits for a, which it depends on"
    # one plugin cache for all, in the user's cache dir; inits take turns while they share it
    assert {r["cache"] for r in records} == {str(tmp_path / "cache/lzgen/terraform-plugins")}
    inits = sorted(_intervals(env, "init").values())
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(inits))


def test_with_a_provider_mirror_there_is_no_plugin_cache(
    tmp_path: Path, env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LZGEN_TF_PLUGIN_MIRROR", str(tmp_path / "mirror"))
    tree, terraform = _tree(tmp_path, STACKS[:1])
    assert _plan(tree, terraform).exit_code == 2
    assert {r["cache"] for r in fake.log_records(env)} == {None}
    assert not (tmp_path / "cache").exists()


def _lzgen(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    """lzgen in a process of its own, with Ctrl-C's handler (a shell started in the
    background would have it ignore SIGINT)."""
    code = (
        "import signal; signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "from lzgen.cli import main; main()"
    )
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("mode", [["--offline", "--json"], ["--json"]], ids=["offline", "real"])
def test_ctrl_c_stops_terraform_and_leaves_no_partial_plan(
    mode: list[str], tmp_path: Path, env: Path
) -> None:
    stacks = [dict(s) for s in STACKS]
    for i in (1, 2):
        stacks[i] = {**stacks[i], "plan": {**stacks[i]["plan"], "sleep": 60}}
    tree, terraform = _tree(tmp_path, stacks)
    proc = _lzgen(["plan", str(tree), "--terraform", terraform, "-j", "2", *mode], dict(os.environ))
    deadline = time.monotonic() + 30
    while len([r for r in fake.log_records(env) if r["cmd"] == "show"]) < 1:  # a planned
        assert time.monotonic() < deadline, "a did not plan"
        time.sleep(0.1)
    time.sleep(1)  # b and c are planning
    started = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert time.monotonic() - started < 10, "terraform was not interrupted"
    assert proc.returncode == 130, err
    # offline, e reads nothing: it planned beside a; planned for real it waits for a (it
    # depends on it), after b and c in the manifest
    offline = "--offline" in mode
    assert f"stopped while planning: b, c; not started: {1 if offline else 2}" in err
    interrupted = {Path(r["cwd"]).name for r in fake.log_records(env) if r.get("interrupted")}
    assert interrupted == {"b", "c"}
    left = sorted(p.relative_to(tree).as_posix() for p in tree.rglob("*") if "tfplan" in p.name)
    assert left == (
        ["a/tfplan.json", "e/tfplan.json"] if offline else ["a/tfplan", "a/tfplan.json"]
    )
    assert "interrupted" in out  # the summary says which
    assert "not started" in out
