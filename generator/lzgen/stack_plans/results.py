"""A stack's outcome in ``lzgen plan``, the counts read from its plan JSON, and the exit code
of a run (terraform's ``-detailed-exitcode`` convention)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Status(str, Enum):
    """What happened to a stack. The value is what ``--format json`` prints."""

    changes = "changes"  # planned; the plan changes something
    no_changes = "no_changes"  # planned; nothing to do
    upstream = "upstream"  # offline --changed: planned only for the outputs a selected stack reads
    failed = "failed"  # init, plan or show failed
    skipped = "skipped"  # a stack it reads (or depends on) did not plan
    interrupted = "interrupted"  # running when Ctrl-C stopped the run
    not_started = "not_started"  # waiting when Ctrl-C stopped the run
    removed = "removed"  # --changed: the stack's files are gone from the tree; nothing to plan


PLANNED = frozenset({Status.changes, Status.no_changes, Status.upstream})
FAILED = frozenset({Status.failed, Status.skipped})


@dataclass(frozen=True)
class Counts:
    """Resource changes of one plan, as terraform's ``Plan:`` line counts them: a replacement
    is one add and one destroy, and is also counted in ``replace``."""

    add: int = 0
    change: int = 0
    destroy: int = 0
    replace: int = 0
    other: bool = False  # outputs change, or resources are forgotten: changes without counts

    @property
    def any(self) -> bool:
        return bool(self.add or self.change or self.destroy or self.other)

    def text(self) -> str:
        if not self.any:
            return "no changes"
        text = f"{self.add} to add, {self.change} to change, {self.destroy} to destroy"
        return text + (f" ({self.replace} replaced)" if self.replace else "")


def counts(plan_json: dict[str, Any]) -> Counts:
    """Count ``resource_changes[].change.actions`` of a ``terraform show -json`` plan: create,
    update, delete, and a replacement (delete and create, in either order). Data source reads
    and no-ops count nothing; a changed output or a forgotten resource is a change without a
    count, as with ``-detailed-exitcode``."""
    add = change = destroy = replace = 0
    other = False
    for resource in plan_json.get("resource_changes") or []:
        actions = set(resource.get("change", {}).get("actions", []))
        if {"create", "delete"} <= actions:
            replace += 1
        add += "create" in actions
        destroy += "delete" in actions
        change += "update" in actions
        other |= "forget" in actions
    for output in (plan_json.get("output_changes") or {}).values():
        other |= any(a != "no-op" for a in output.get("actions", []))
    return Counts(add, change, destroy, replace, other)


@dataclass(frozen=True)
class StackResult:
    """One stack of a run. ``message`` says why a stack failed or was skipped; ``log`` holds
    terraform's output of a failed step."""

    name: str
    path: str
    status: Status
    seconds: float = 0.0
    counts: Counts = field(default_factory=Counts)
    message: str = ""
    log: str = ""

    @property
    def ok(self) -> bool:
        return self.status in PLANNED

    @property
    def summary(self) -> str:
        if self.ok:
            return self.counts.text()
        return self.message or self.status.value.replace("_", " ")


def planned(plan_json: dict[str, Any], *, selected: bool) -> Status:
    """The status of a stack that planned: its changes, or ``upstream`` when it was planned only
    for its outputs."""
    if not selected:
        return Status.upstream
    return Status.changes if counts(plan_json).any else Status.no_changes


def exit_code(results: Iterable[StackResult]) -> int:
    """terraform's ``-detailed-exitcode``: 1 when a stack failed or was skipped because an
    upstream failed, else 2 when a planned stack has changes, else 0. Stacks planned only for
    their outputs (``upstream``) and removed ones do not count."""
    statuses = {r.status for r in results}
    if statuses & FAILED:
        return 1
    return 2 if Status.changes in statuses else 0


class PlanError(Exception):
    """A run that cannot start (no manifest, no terraform, a bad ``--since``): a usage error,
    reported before any stack is planned."""
