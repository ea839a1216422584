"""``lzgen plan DIR --offline``: init and plan stacks without AWS credentials.

Each stack is copied to a scratch directory with override files that (1) use a local backend,
(2) give every AWS provider fake credentials and skip every STS/metadata call (an empty
``dynamic "assume_role"`` block replaces the stack's, so no role is assumed, and
``allowed_account_ids`` is lifted, since no account id is requested), and (3) point every
``terraform_remote_state`` at a state file synthesised from the upstream stack's planned
outputs (values only known after apply get stable placeholders). ``imports.tf`` is left out:
its import blocks would read AWS, so what they adopt plans as new. The output tree is never
touched, except that ``--json`` keeps each stack's plan JSON in it as ``tfplan.json``, which
the tree's generated ``.gitignore`` leaves out of git. When ``LZGEN_TF_PLUGIN_MIRROR`` is set,
providers come from that filesystem mirror.

Stacks run side by side (``jobs``), each after the stacks it reads (lzgen.stack_plans.schedule):
a stack's upstream state is its upstream's plan, so only ``reads`` orders them offline.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from lzgen.manifest import MANIFEST_NAME, parse_manifest
from lzgen.stack_plans.plan_files import PLAN_JSON, write_whole
from lzgen.stack_plans.processes import MIRROR_ENV, Interrupted, Terraform, terraform_environment
from lzgen.stack_plans.results import PlanError, StackResult, Status, counts, planned
from lzgen.stack_plans.schedule import Events, Stack, from_manifest, run_stacks

IMPORTS_FILE = "imports.tf"  # a stack's import blocks (existing organization, OUs, accounts)
_ALIAS = re.compile(r'^\s*alias\s*=\s*"([^"]+)"', re.MULTILINE)
OfflinePlanError = PlanError  # the name callers of plan_offline know
__all__ = ["MIRROR_ENV", "PLAN_JSON", "OfflinePlanError", "StackResult", "plan_offline"]


def provider_aliases(stack_dir: Path) -> list[str]:
    """The aliases of the AWS providers a rendered stack declares, sorted."""
    return sorted({m for f in stack_dir.glob("*.tf") for m in _ALIAS.findall(f.read_text())})


def _provider_overrides(stack_dir: Path) -> str:
    blocks = []
    for alias in [None, *provider_aliases(stack_dir)]:
        alias_line = f'  alias                       = "{alias}"\n' if alias else ""
        blocks.append(
            'provider "aws" {\n'
            f"{alias_line}"
            "  skip_credentials_validation = true\n"
            "  skip_requesting_account_id  = true\n"
            "  skip_metadata_api_check     = true\n"
            "  skip_region_validation      = true\n"
            "  allowed_account_ids         = null\n"
            "\n"
            '  dynamic "assume_role" {\n'
            "    for_each = []\n"
            "    content {}\n"
            "  }\n"
            "}\n"
        )
    return 'terraform {\n  backend "local" {}\n}\n\n' + "\n".join(blocks)


def _remote_state_overrides(reads: dict[str, Path]) -> str:
    return "\n".join(
        f'data "terraform_remote_state" "{name}" {{\n'
        '  backend = "local"\n'
        f"  config = {{\n    path = {json.dumps(str(path))}\n  }}\n"
        "}\n"
        for name, path in sorted(reads.items())
    )


def placeholder(path: str) -> str:
    """A stable stand-in for a value only known after apply, shaped like what the output
    holds: an OU (id or ARN), root or organization id, or KMS key ARN where the provider validates
    that shape, else 12 digits (an account id, say)."""
    digest = hashlib.sha256(path.encode()).hexdigest()
    if path.startswith("ou_ids."):
        return f"ou-{digest[:4]}-{digest[4:12]}"
    if path.startswith("ou_arns."):
        account = str(int(digest[12:24], 16) % 10**12).zfill(12)
        ou = f"ou/o-{digest[24:34]}/ou-{digest[:4]}-{digest[4:12]}"
        return f"arn:aws:organizations::{account}:{ou}"
    if path == "root_id":
        return f"r-{digest[:4]}"
    if path == "organization_id":
        return f"o-{digest[:10]}"
    if path.endswith("kms_key_arn"):  # validated as an ARN where other stacks pass it on
        account = str(int(digest[12:24], 16) % 10**12).zfill(12)
        key = f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"
        return f"arn:aws:kms:us-east-1:{account}:key/{key}"
    return str(int(digest[:12], 16) % 10**12).zfill(12)


def _fill_unknown(value: Any, unknown: Any, path: str) -> Any:
    if unknown is True:
        return placeholder(path)
    if isinstance(value, dict):
        unknown = unknown if isinstance(unknown, dict) else {}
        keys = set(value) | set(unknown)
        return {k: _fill_unknown(value.get(k), unknown.get(k), f"{path}.{k}") for k in keys}
    if isinstance(value, list):
        unknown = unknown if isinstance(unknown, list) else []
        return [
            _fill_unknown(v, unknown[i] if i < len(unknown) else None, f"{path}[{i}]")
            for i, v in enumerate(value)
        ]
    return value


def _type_of(value: Any) -> Any:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, dict):
        return ["object", {k: _type_of(v) for k, v in value.items()}]
    if isinstance(value, list):
        return ["tuple", [_type_of(v) for v in value]]
    return "string"


def synthesize_state(plan_json: dict[str, Any]) -> dict[str, Any]:
    """A v4 state holding the planned outputs of a stack, unknowns replaced."""
    outputs: dict[str, Any] = {}
    for name, change in sorted(plan_json.get("output_changes", {}).items()):
        value = _fill_unknown(change.get("after"), change.get("after_unknown"), name)
        outputs[name] = {"value": value, "type": _type_of(value)}
    return {
        "version": 4,
        "terraform_version": plan_json.get("terraform_version", "1.6.0"),
        "serial": 1,
        "lineage": "lzgen-offline-plan",
        "outputs": outputs,
        "resources": [],
    }


def _environment(scratch: Path) -> dict[str, str]:
    env = terraform_environment(os.environ, scratch)
    for var in (
        "AWS_PROFILE",
        "AWS_SESSION_TOKEN",
        "AWS_CONFIG_FILE",
        "AWS_SHARED_CREDENTIALS_FILE",
    ):
        env.pop(var, None)
    # Fake credentials from the environment, not the override file, so that a plan JSON
    # scanned by policy tools holds no credential-shaped provider settings.
    env.update(AWS_ACCESS_KEY_ID="lzgen-offline", AWS_SECRET_ACCESS_KEY="lzgen-offline")  # noqa: S106
    return env


def plan_stack(terraform: Terraform, work: Path) -> tuple[bool, str, dict[str, Any]]:
    """init + plan + show -json in ``work``; returns (ok, failure log, plan JSON)."""
    init = terraform.run(["init", "-no-color", "-input=false"], work)
    if init.returncode != 0:
        return False, "init failed:\n" + init.stdout + init.stderr, {}
    plan = terraform.run(["plan", "-no-color", "-input=false", "-lock=false", "-out=tfplan"], work)
    if plan.returncode != 0:
        return False, "plan failed:\n" + plan.stdout + plan.stderr, {}
    show = terraform.run(["show", "-json", "tfplan"], work)
    if show.returncode != 0:
        return False, "show failed:\n" + show.stderr, {}
    return True, "", json.loads(show.stdout)


def read_manifest(out_dir: Path) -> dict[str, Any]:
    """The manifest of a rendered tree, or :class:`PlanError` saying to render first."""
    path = out_dir / MANIFEST_NAME
    manifest = parse_manifest(path.read_text(encoding="utf-8")) if path.is_file() else None
    if manifest is None:
        raise PlanError(f"{out_dir} has no {MANIFEST_NAME}; render into it first")
    return manifest


def require_terraform(terraform: str) -> None:
    if shutil.which(terraform) is None:
        raise PlanError(f"'{terraform}' is not on PATH; install Terraform >= 1.10")


def plan_offline(
    out_dir: Path,
    *,
    terraform: str = "terraform",
    on_result: Callable[[StackResult], None] | None = None,
    keep_plans: Path | None = None,
    jobs: int = 1,
    stacks: Sequence[Stack] | None = None,
    events: Events | None = None,
) -> list[StackResult]:
    """Plan the stacks of a rendered tree (every stack, or ``stacks`` from
    ``schedule.from_manifest``) on ``jobs`` threads; results in apply order. ``keep_plans``
    receives ``<stack path>/tfplan.json`` for each selected stack that planned: the tree itself
    for ``lzgen plan --json``, a directory of their own for the tests. Each is written whole (a
    temporary file renamed over it), so an interrupted plan leaves no half-written JSON.
    Ctrl-C raises ``schedule.RunInterrupted`` once the running terraforms have stopped."""
    manifest = read_manifest(out_dir)
    require_terraform(terraform)
    entries = {s["path"]: s for s in manifest["stacks"]}
    if stacks is None:
        stacks = from_manifest(manifest["stacks"], selected=None, offline=True)
    states: dict[str, Path] = {}
    lock = threading.Lock()
    with tempfile.TemporaryDirectory(prefix="lzgen-plan-") as tmp:
        scratch = Path(tmp)
        runner = Terraform(terraform, _environment(scratch))

        def plan(stack: Stack) -> StackResult:
            start = time.monotonic()
            with lock:
                upstream = {n: states[p] for n, p in entries[stack.path].get("reads", {}).items()}
            try:
                result, state = _plan_one(
                    runner, out_dir, scratch, stack, upstream, keep_plans=keep_plans
                )
            except Interrupted:
                result, state = StackResult(stack.name, stack.path, Status.interrupted), None
            if state is not None:
                with lock:
                    states[stack.path] = state
            result = replace(result, seconds=time.monotonic() - start)
            if on_result:
                on_result(result)
            return result

        return run_stacks(stacks, plan, jobs=jobs, events=events, stop=runner.stop)


def _plan_one(
    terraform: Terraform,
    out_dir: Path,
    scratch: Path,
    stack: Stack,
    reads: Mapping[str, Path],
    *,
    keep_plans: Path | None,
) -> tuple[StackResult, Path | None]:
    """One stack in a scratch copy: its result and, when it planned, the state file
    synthesised from its planned outputs."""
    work = scratch / stack.path
    shutil.copytree(
        out_dir / stack.path,
        work,
        # import blocks read the resources they adopt from AWS: offline, they are planned as new
        ignore=shutil.ignore_patterns(".terraform", "*.tfstate*", "tfplan*", IMPORTS_FILE),
    )
    (work / "lzgen_offline_override.tf").write_text(
        _provider_overrides(work) + "\n" + _remote_state_overrides(dict(reads))
    )
    ok, log, plan_json = plan_stack(terraform, work)
    if not ok:
        failed = StackResult(
            stack.name, stack.path, Status.failed, message=log.split(":", 1)[0], log=log
        )
        return failed, None
    state_file = scratch / "states" / stack.path / "terraform.tfstate"
    state_file.parent.mkdir(parents=True, exist_ok=True)
    state_file.write_text(json.dumps(synthesize_state(plan_json)))
    if keep_plans is not None and stack.selected:
        write_whole(keep_plans / stack.path / PLAN_JSON, json.dumps(plan_json, indent=1))
    status = planned(plan_json, selected=stack.selected)
    return StackResult(stack.name, stack.path, status, counts=counts(plan_json)), state_file
