"""A real plan of one stack, in its own directory, with the user's credentials and backend.

``terraform init -input=false``, then ``plan -input=false -detailed-exitcode`` into a hidden
temporary plan file that is renamed to ``tfplan`` only once the plan is complete (so
``terraform apply tfplan`` never meets half a plan, and Ctrl-C leaves none), then
``show -json tfplan`` for the counts (and ``tfplan.json`` with ``--json``). The previous
``tfplan`` and ``tfplan.json`` of a stack are removed when its new plan starts: what is left
in a stack is always its latest complete plan, or none.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from lzgen.stack_plans.plan_files import PLAN_FILE, PLAN_JSON, partial_name, write_whole
from lzgen.stack_plans.processes import Interrupted, Terraform
from lzgen.stack_plans.results import Counts, StackResult, Status, counts
from lzgen.stack_plans.schedule import Stack

CHANGES_EXIT = 2  # terraform plan -detailed-exitcode: success with changes


def plan_real(terraform: Terraform, tree: Path, stack: Stack, *, keep_json: bool) -> StackResult:
    start = time.monotonic()
    work = tree / stack.path
    plan_file = work / PLAN_FILE
    partial = partial_name(plan_file)
    plan_file.unlink(missing_ok=True)
    (work / PLAN_JSON).unlink(missing_ok=True)
    try:
        status, found, failure, log = _plan(terraform, work, partial, keep_json=keep_json)
    except Interrupted:
        status, found, failure, log = Status.interrupted, Counts(), "", ""
    finally:
        partial.unlink(missing_ok=True)
    seconds = time.monotonic() - start
    return StackResult(stack.name, stack.path, status, seconds, found, failure, log)


def _plan(
    terraform: Terraform, work: Path, partial: Path, *, keep_json: bool
) -> tuple[Status, Counts, str, str]:
    """(status, counts, what failed, terraform's output when it failed)."""
    init = terraform.run(["init", "-input=false", "-no-color"], work)
    if init.returncode != 0:
        return Status.failed, Counts(), "init failed", init.stdout + init.stderr
    plan = terraform.run(
        ["plan", "-input=false", "-no-color", "-detailed-exitcode", f"-out={partial.name}"], work
    )
    if plan.returncode not in (0, CHANGES_EXIT):
        return Status.failed, Counts(), "plan failed", plan.stdout + plan.stderr
    partial.replace(work / PLAN_FILE)
    show = terraform.run(["show", "-json", PLAN_FILE], work)
    if show.returncode != 0:
        return Status.failed, Counts(), "show failed", show.stderr
    plan_json = json.loads(show.stdout)
    found = counts(plan_json)
    if keep_json:
        write_whole(work / PLAN_JSON, json.dumps(plan_json, indent=1))
    changed = plan.returncode == CHANGES_EXIT or found.any
    return (Status.changes if changed else Status.no_changes), found, "", ""
