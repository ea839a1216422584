"""``lzgen plan DIR --offline``: init and plan every stack without AWS credentials.

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
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lzgen.manifest import MANIFEST_NAME, parse_manifest

MIRROR_ENV = "LZGEN_TF_PLUGIN_MIRROR"
IMPORTS_FILE = "imports.tf"  # a stack's import blocks (existing organization, OUs, accounts)
PLAN_JSON = "tfplan.json"  # a stack's plan JSON, kept with --json (the tree's .gitignore has it)
_ALIAS = re.compile(r'^\s*alias\s*=\s*"([^"]+)"', re.MULTILINE)
_PLAN_LINE = re.compile(r"Plan: (\d+) to add, (\d+) to change, (\d+) to destroy")


class OfflinePlanError(Exception):
    pass


@dataclass(frozen=True)
class StackResult:
    name: str
    ok: bool
    seconds: float
    summary: str
    log: str = ""


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
    env = dict(os.environ)
    env.update(CHECKPOINT_DISABLE="1", TF_IN_AUTOMATION="1", TF_INPUT="0")
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
    mirror = env.get(MIRROR_ENV)
    if mirror:
        config = scratch / "terraformrc"
        config.write_text(
            "provider_installation {\n"
            f"  filesystem_mirror {{\n    path    = {json.dumps(mirror)}\n"
            '    include = ["registry.terraform.io/*/*"]\n  }\n'
            '  direct {\n    exclude = ["registry.terraform.io/*/*"]\n  }\n}\n'
        )
        env["TF_CLI_CONFIG_FILE"] = str(config)
    return env


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def plan_stack(terraform: str, work: Path, env: dict[str, str]) -> tuple[bool, str, dict[str, Any]]:
    """init + plan + show -json in ``work``; returns (ok, summary or log, plan JSON)."""
    init = _run([terraform, "init", "-no-color", "-input=false"], work, env)
    if init.returncode != 0:
        return False, "init failed:\n" + init.stdout + init.stderr, {}
    plan = _run(
        [terraform, "plan", "-no-color", "-input=false", "-lock=false", "-out=tfplan"], work, env
    )
    if plan.returncode != 0:
        return False, "plan failed:\n" + plan.stdout + plan.stderr, {}
    show = _run([terraform, "show", "-json", "tfplan"], work, env)
    if show.returncode != 0:
        return False, "show failed:\n" + show.stderr, {}
    match = _PLAN_LINE.search(plan.stdout)
    summary = (
        f"{match.group(1)} to add, {match.group(2)} to change, {match.group(3)} to destroy"
        if match
        else "no changes"
    )
    return True, summary, json.loads(show.stdout)


def plan_offline(
    out_dir: Path,
    *,
    terraform: str = "terraform",
    on_result: Callable[[StackResult], None] | None = None,
    keep_plans: Path | None = None,
) -> list[StackResult]:
    """Plan every stack of a rendered tree in apply order. ``keep_plans`` receives
    ``<stack path>/tfplan.json`` for each stack that planned: the tree itself for
    ``lzgen plan --json``, a directory of their own for the tests. Each is written whole (a
    temporary file renamed over it), so an interrupted plan leaves no half-written JSON."""
    text = (out_dir / MANIFEST_NAME).read_text() if (out_dir / MANIFEST_NAME).is_file() else ""
    manifest = parse_manifest(text)
    if manifest is None:
        raise OfflinePlanError(f"{out_dir} has no {MANIFEST_NAME}; render into it first")
    if shutil.which(terraform) is None:
        raise OfflinePlanError(f"'{terraform}' is not on PATH; install Terraform >= 1.10")
    results: list[StackResult] = []
    states: dict[str, Path] = {}
    with tempfile.TemporaryDirectory(prefix="lzgen-plan-") as tmp:
        scratch = Path(tmp)
        env = _environment(scratch)
        for stack in manifest["stacks"]:
            start = time.monotonic()
            result, state = _plan_one(
                terraform, out_dir, scratch, env, stack, states=states, keep_plans=keep_plans
            )
            results.append(
                StackResult(
                    stack["name"],
                    result[0],
                    time.monotonic() - start,
                    result[1] if result[0] else "failed",
                    result[1],
                )
            )
            if state is not None:
                states[stack["path"]] = state
            if on_result:
                on_result(results[-1])
    return results


def _plan_one(
    terraform: str,
    out_dir: Path,
    scratch: Path,
    env: dict[str, str],
    stack: dict[str, Any],
    *,
    states: dict[str, Path],
    keep_plans: Path | None,
) -> tuple[tuple[bool, str], Path | None]:
    reads: dict[str, str] = dict(stack.get("reads", {}))
    missing = [p for p in reads.values() if p not in states]
    if missing:
        return (False, f"skipped: upstream stack {', '.join(missing)} did not plan"), None
    work = scratch / stack["path"]
    shutil.copytree(
        out_dir / stack["path"],
        work,
        # import blocks read the resources they adopt from AWS: offline, they are planned as new
        ignore=shutil.ignore_patterns(".terraform", "*.tfstate*", "tfplan", IMPORTS_FILE),
    )
    (work / "lzgen_offline_override.tf").write_text(
        _provider_overrides(work)
        + "\n"
        + _remote_state_overrides({n: states[p] for n, p in reads.items()})
    )
    ok, summary, plan_json = plan_stack(terraform, work, env)
    if not ok:
        return (False, summary), None
    state_file = scratch / "states" / stack["path"] / "terraform.tfstate"
    state_file.parent.mkdir(parents=True, exist_ok=True)
    state_file.write_text(json.dumps(synthesize_state(plan_json)))
    if keep_plans is not None:
        _write_whole(keep_plans / stack["path"] / PLAN_JSON, json.dumps(plan_json, indent=1))
    return (True, summary), state_file


def _write_whole(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
