"""lzgen.stack_plans.schedule: which stacks a run plans and what each waits for, parallel
stacks, results in manifest order, skips after a failure, and Ctrl-C. The plan function is a
Python stand-in here; tests/test_stack_plans_cli.py runs the same through terraform's."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from lzgen.stack_plans.results import StackResult, Status
from lzgen.stack_plans.schedule import RunInterrupted, Stack, from_manifest, run_stacks

# a reads nothing; b and c read a; d reads b and c; e depends on a without reading it
ENTRIES: list[dict[str, Any]] = [
    {"name": "a", "path": "a", "depends_on": [], "reads": {}},
    {"name": "b", "path": "b", "depends_on": ["a"], "reads": {"a": "a"}},
    {"name": "c", "path": "c", "depends_on": ["a"], "reads": {"a": "a"}},
    {"name": "d", "path": "d", "depends_on": ["b", "c"], "reads": {"b": "b", "c": "c"}},
    {"name": "e", "path": "e", "depends_on": ["a"], "reads": {}},
]


def test_offline_a_stack_waits_for_what_it_reads_and_real_also_for_what_it_depends_on() -> None:
    offline = {s.path: s.upstream for s in from_manifest(ENTRIES, selected=None, offline=True)}
    assert offline == {"a": (), "b": ("a",), "c": ("a",), "d": ("b", "c"), "e": ()}
    real = {s.path: s.upstream for s in from_manifest(ENTRIES, selected=None, offline=False)}
    assert real == {"a": (), "b": ("a",), "c": ("a",), "d": ("b", "c"), "e": ("a",)}


def test_offline_a_selected_stack_brings_what_it_reads_for_its_outputs_only() -> None:
    stacks = from_manifest(ENTRIES, selected={"d"}, offline=True)
    assert [(s.path, s.selected) for s in stacks] == [
        ("a", False),
        ("b", False),
        ("c", False),
        ("d", True),
    ]
    # real plans read remote state: only the selected stacks run, waiting only for each other
    real = from_manifest(ENTRIES, selected={"b", "d"}, offline=False)
    assert [(s.path, s.upstream, s.selected) for s in real] == [
        ("b", (), True),
        ("d", ("b",), True),
    ]


def _plan_recording(log: list[tuple[str, str, float]], **fail: str) -> Any:
    lock = threading.Lock()

    def plan(stack: Stack) -> StackResult:
        with lock:
            log.append(("start", stack.path, time.monotonic()))
        time.sleep(0.2)
        with lock:
            log.append(("end", stack.path, time.monotonic()))
        status = Status.failed if stack.path in fail else Status.changes
        return StackResult(stack.name, stack.path, status, message=fail.get(stack.path, ""))

    return plan


def _times(log: list[tuple[str, str, float]]) -> dict[tuple[str, str], float]:
    return {(event, path): at for event, path, at in log}


def test_independent_stacks_run_side_by_side_and_each_after_what_it_reads() -> None:
    log: list[tuple[str, str, float]] = []
    stacks = from_manifest(ENTRIES, selected=None, offline=True)
    results = run_stacks(stacks, _plan_recording(log), jobs=2)
    assert [r.path for r in results] == ["a", "b", "c", "d", "e"]  # manifest order
    at = _times(log)
    for stack in stacks:
        for upstream in stack.upstream:
            assert at[("end", upstream)] <= at[("start", stack.path)], (upstream, stack.path)
    # a and e wait for nothing: they start together; b and c overlap
    assert at[("start", "e")] < at[("end", "a")]
    assert at[("start", "c")] < at[("end", "b")]
    assert at[("start", "b")] < at[("end", "c")]


def test_one_job_runs_one_stack_at_a_time_and_reports_the_same() -> None:
    log: list[tuple[str, str, float]] = []
    stacks = from_manifest(ENTRIES, selected=None, offline=True)
    one = run_stacks(stacks, _plan_recording(log), jobs=1)
    running = 0
    for event, _, _ in sorted(log, key=lambda e: e[2]):
        running += 1 if event == "start" else -1
        assert running <= 1
    two = run_stacks(stacks, _plan_recording([]), jobs=2)
    assert [(r.path, r.status) for r in one] == [(r.path, r.status) for r in two]


def test_a_failed_stack_skips_what_reads_it_transitively_and_nothing_else() -> None:
    stacks = from_manifest(ENTRIES, selected=None, offline=True)
    log: list[tuple[str, str, float]] = []
    results = {r.path: r for r in run_stacks(stacks, _plan_recording(log, b="plan failed"), jobs=2)}
    assert results["b"].status is Status.failed
    assert results["d"].status is Status.skipped
    assert results["d"].message == "skipped: upstream b did not plan"
    assert {p for _, p, _ in log} == {"a", "b", "c", "e"}  # d never ran
    assert results["c"].status is results["e"].status is Status.changes


def test_an_unexpected_error_fails_that_stack_only() -> None:
    def plan(stack: Stack) -> StackResult:
        if stack.path == "c":
            raise RuntimeError("boom")
        return StackResult(stack.name, stack.path, Status.no_changes)

    results = run_stacks(from_manifest(ENTRIES, selected=None, offline=True), plan, jobs=2)
    assert [r.status for r in results] == [
        Status.no_changes,
        Status.no_changes,
        Status.failed,
        Status.skipped,
        Status.no_changes,
    ]
    assert results[2].message == "internal error: RuntimeError: boom"


def test_ctrl_c_stops_the_running_stacks_and_starts_no_other() -> None:
    release = threading.Event()
    stopped: list[bool] = []

    def plan(stack: Stack) -> StackResult:
        release.wait(5)
        status = Status.interrupted if stopped else Status.no_changes
        return StackResult(stack.name, stack.path, status)

    class CtrlC:
        def started(self, stack: Stack) -> None:
            if stack.path == "e":  # a and e run: Ctrl-C now
                raise KeyboardInterrupt

        def finished(self, result: StackResult) -> None:
            pass

    def stop() -> None:
        stopped.append(True)
        release.set()

    stacks = from_manifest(ENTRIES, selected=None, offline=True)
    with pytest.raises(RunInterrupted) as caught:
        run_stacks(stacks, plan, jobs=2, events=CtrlC(), stop=stop)
    assert stopped == [True]
    statuses = {r.path: r.status for r in caught.value.results}
    assert [statuses[p] for p in "ae"] == [Status.interrupted] * 2
    assert [statuses[p] for p in "bcd"] == [Status.not_started] * 3


def test_a_stack_waiting_for_one_outside_the_run_is_refused() -> None:
    with pytest.raises(ValueError, match="not in the run"):
        run_stacks(
            [Stack("b", "b", ("a",))], lambda s: StackResult(s.name, s.path, Status.changes), jobs=1
        )


def test_stacks_that_wait_for_each_other_are_refused() -> None:
    cycle = [Stack("a", "a", ("b",)), Stack("b", "b", ("a",))]
    with pytest.raises(ValueError, match="wait for each other"):
        run_stacks(cycle, lambda s: StackResult(s.name, s.path, Status.changes), jobs=1)
