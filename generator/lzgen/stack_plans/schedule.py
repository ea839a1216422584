"""Stacks planned in parallel, each after the stacks it waits for.

A stack starts when every stack in its ``upstream`` has finished, on one of ``jobs`` worker
threads (each drives terraform subprocesses, so threads are enough). When an upstream did not
plan, the stack is skipped without running. Results come back in the order of the stacks given
(the manifest's apply order), whatever order they finished in, so ``--jobs 1`` and ``--jobs 2``
report the same.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Protocol

from lzgen.stack_plans.results import StackResult, Status


@dataclass(frozen=True)
class Stack:
    """A stack to plan: its manifest entry's name and path, the paths of the stacks it waits
    for (all of them in the same run), and whether it was selected or is planned only for the
    outputs a selected stack reads."""

    name: str
    path: str
    upstream: tuple[str, ...] = ()
    selected: bool = True


class Events(Protocol):
    """What a progress display hears."""

    def started(self, stack: Stack) -> None: ...

    def finished(self, result: StackResult) -> None: ...


class NoEvents:
    def started(self, stack: Stack) -> None:
        pass

    def finished(self, result: StackResult) -> None:
        pass


class RunInterrupted(Exception):  # noqa: N818 - not an error: the user stopped the run
    """Ctrl-C: ``results`` holds every stack, those stopped ``interrupted`` or
    ``not_started``."""

    def __init__(self, results: list[StackResult]) -> None:
        super().__init__("interrupted")
        self.results = results


def run_stacks(
    stacks: Sequence[Stack],
    plan: Callable[[Stack], StackResult],
    *,
    jobs: int,
    events: Events | None = None,
    stop: Callable[[], None] = lambda: None,
) -> list[StackResult]:
    """``plan`` each stack on ``jobs`` threads, each after its upstream stacks. On Ctrl-C,
    ``stop`` (which stops the running terraform processes) is called, the running stacks are
    waited for and :class:`RunInterrupted` is raised."""
    events = events or NoEvents()
    known = {s.path for s in stacks}
    for stack in stacks:
        outside = [u for u in stack.upstream if u not in known]
        if outside:
            raise ValueError(f"{stack.path} waits for {outside}, which are not in the run")
    done: dict[str, StackResult] = {}
    waiting = list(stacks)
    running: dict[Future[StackResult], Stack] = {}
    pool = ThreadPoolExecutor(max_workers=max(1, jobs), thread_name_prefix="lzgen-plan")

    def start_what_is_ready() -> None:
        """In manifest order: skip a stack whose upstream failed, start one whose upstreams
        all planned while a worker is free."""
        before = len(waiting)
        for stack in list(waiting):
            failed = [u for u in stack.upstream if u in done and not done[u].ok]
            if failed:
                waiting.remove(stack)
                done[stack.path] = _skipped(stack, failed)
                events.finished(done[stack.path])
            elif len(running) < jobs and all(u in done for u in stack.upstream):
                running[pool.submit(_guarded, plan, stack)] = stack
                waiting.remove(stack)
                events.started(stack)
        if waiting and not running and len(waiting) == before:
            raise ValueError(f"stacks wait for each other: {[s.path for s in waiting]}")

    try:
        while waiting or running:
            start_what_is_ready()
            if not running:
                continue  # everything left was just skipped
            finished, _ = wait(running, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in finished:
                stack = running.pop(future)
                done[stack.path] = future.result()
                events.finished(done[stack.path])
    except KeyboardInterrupt:
        stop()
        for future, stack in running.items():
            done[stack.path] = future.result()
            events.finished(done[stack.path])
        for stack in stacks:
            if stack.path not in done:
                done[stack.path] = StackResult(stack.name, stack.path, Status.not_started)
        raise RunInterrupted([done[s.path] for s in stacks]) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return [done[s.path] for s in stacks]


def _skipped(stack: Stack, failed: list[str]) -> StackResult:
    upstream = ", ".join(failed)
    return StackResult(
        stack.name, stack.path, Status.skipped, message=f"skipped: upstream {upstream} did not plan"
    )


def _guarded(plan: Callable[[Stack], StackResult], stack: Stack) -> StackResult:
    """``plan(stack)``; an unexpected error fails that stack, not the whole run."""
    start = time.monotonic()
    try:
        return plan(stack)
    except Exception as exc:  # noqa: BLE001 - reported as the stack's failure
        return StackResult(
            stack.name,
            stack.path,
            Status.failed,
            time.monotonic() - start,
            message=f"internal error: {type(exc).__name__}: {exc}",
        )


def from_manifest(
    entries: Sequence[dict[str, object]], *, selected: set[str] | None, offline: bool
) -> list[Stack]:
    """The stacks of a run, in manifest order: the ``selected`` paths (every stack when None)
    and what each waits for.

    Offline, a stack waits for the stacks it ``reads`` (their planned outputs become its
    upstream state), and an unselected stack a selected one reads, directly or not, runs too,
    marked not selected: offline it has no state to read otherwise. Real plans read remote
    state, so only the selected stacks run, each after the selected stacks it reads or
    ``depends_on``."""
    by_path = {str(e["path"]): e for e in entries}

    def reads(path: str) -> list[str]:
        found = by_path[path].get("reads") or {}
        return [str(p) for p in found.values()] if isinstance(found, dict) else []

    def depends(path: str) -> list[str]:
        found = by_path[path].get("depends_on") or []
        return [str(p) for p in found] if isinstance(found, list) else []

    chosen = set(by_path) if selected is None else set(selected) & set(by_path)
    run = set(chosen)
    if offline:
        todo = list(chosen)
        while todo:
            for read in reads(todo.pop()):
                if read not in run:
                    run.add(read)
                    todo.append(read)
    stacks = []
    for path, entry in by_path.items():
        if path not in run:
            continue
        waits = reads(path) if offline else [*reads(path), *depends(path)]
        upstream = tuple(dict.fromkeys(p for p in waits if p in run))
        stacks.append(Stack(str(entry["name"]), path, upstream, selected=path in chosen))
    return stacks
