"""One ``lzgen plan`` run: which stacks (every stack, or ``--changed``), then each planned
offline (:mod:`lzgen.offline`, scratch copies and synthesised upstream state) or for real
(:mod:`.real`, in the stack's own directory), on ``jobs`` threads."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lzgen.offline import plan_offline, read_manifest, require_terraform
from lzgen.stack_plans.changed import Selection, select_changed
from lzgen.stack_plans.processes import Terraform, terraform_environment
from lzgen.stack_plans.real import plan_real
from lzgen.stack_plans.results import StackResult, Status
from lzgen.stack_plans.schedule import Events, Stack, from_manifest, run_stacks


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Prepared:
    manifest: dict[str, Any]
    stacks: list[Stack]
    selection: Selection | None  # with --changed


def prepare(
    tree: Path, *, terraform: str, offline: bool, changed: bool, since: str | None
) -> Prepared:
    """Everything that can go wrong before a stack is planned (``PlanError``): the manifest,
    terraform, and with ``changed`` the git ref or previous manifest."""
    manifest = read_manifest(tree)
    require_terraform(terraform)
    selection = select_changed(tree, manifest, since) if changed else None
    selected = None if selection is None else set(selection.selected)
    stacks = from_manifest(manifest["stacks"], selected=selected, offline=offline)
    return Prepared(manifest, stacks, selection)


def execute(
    tree: Path,
    prepared: Prepared,
    *,
    offline: bool,
    jobs: int,
    terraform: str,
    keep_json: bool,
    events: Events | None = None,
) -> list[StackResult]:
    """Plan the prepared stacks; Ctrl-C raises ``schedule.RunInterrupted``."""
    if offline:
        return plan_offline(
            tree,
            terraform=terraform,
            keep_plans=tree if keep_json else None,
            jobs=jobs,
            stacks=prepared.stacks,
            events=events,
        )
    with tempfile.TemporaryDirectory(prefix="lzgen-plan-") as scratch:
        runner = Terraform(terraform, terraform_environment(os.environ, Path(scratch)))
        return run_stacks(
            prepared.stacks,
            lambda stack: plan_real(runner, tree, stack, keep_json=keep_json),
            jobs=jobs,
            events=events,
            stop=runner.stop,
        )


def removed_results(prepared: Prepared) -> list[StackResult]:
    """A row for each stack of the previous manifest that the tree no longer has."""
    removed = prepared.selection.removed if prepared.selection else []
    return [
        StackResult(path, path, Status.removed, message="removed from the tree: nothing to plan")
        for path in removed
    ]
