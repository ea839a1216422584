"""A stand-in for ``terraform`` in the tests of ``lzgen plan``'s scheduling, progress, summary,
exit codes, ``--changed`` and Ctrl-C (tests/test_stack_plans_*.py), which need no provider.

What each stack's plan does comes from ``fake_plan.json`` in the directory terraform runs in
(a stack, or offline its scratch copy): ``resource_changes`` and ``output_changes`` (what
``show -json`` prints), ``fail`` (``"init"`` or ``"plan"``: that command fails) and ``sleep``
(seconds the plan takes). The plan writes its ``-out`` file first and completes it at the end,
as a plan cut short would leave it half-written. Every command appends a JSON line
``{"cmd", "cwd", "start", "end", "pid", "cache"}`` to ``$FAKE_TF_LOG`` when that is set
(``cache``: the ``TF_PLUGIN_CACHE_DIR`` it ran with). ``init_sleep`` is the seconds init
takes. SIGINT ends a plan with exit 1 (terraform's "interrupted"), logged with
``"interrupted": true``.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any


class _Interrupt(Exception):  # noqa: N818 - a signal, not an error
    pass


def _on_sigint(signum: int, frame: Any) -> None:
    raise _Interrupt


def _log(record: dict[str, Any]) -> None:
    log = os.environ.get("FAKE_TF_LOG")
    if log:
        with Path(log).open("a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")


def main(args: list[str]) -> int:
    signal.signal(signal.SIGINT, _on_sigint)
    spec_file = Path("fake_plan.json")
    spec: dict[str, Any] = json.loads(spec_file.read_text()) if spec_file.is_file() else {}
    record: dict[str, Any] = {"cmd": args[0], "cwd": str(Path.cwd()), "pid": os.getpid()}
    record["cache"] = os.environ.get("TF_PLUGIN_CACHE_DIR")
    record["start"] = time.time()
    status = 0
    try:
        if args[0] == "init":
            time.sleep(float(spec.get("init_sleep", 0)))
            if spec.get("fail") == "init":
                print("Error: fake init failure", file=sys.stderr)
                status = 1
        elif args[0] == "plan":
            out = next((a.split("=", 1)[1] for a in args if a.startswith("-out=")), None)
            if out:
                Path(out).write_text("half a plan")
            time.sleep(float(spec.get("sleep", 0)))
            if spec.get("fail") == "plan":
                print("Error: fake plan failure", file=sys.stderr)
                status = 1
            else:
                if out:
                    Path(out).write_text("a whole plan")
                changes = list(spec.get("resource_changes", []))
                changed = any(c["change"]["actions"] not in (["no-op"], ["read"]) for c in changes)
                if "-detailed-exitcode" in args and changed:
                    status = 2
        elif args[0] == "show":
            plan = {
                "format_version": "1.2",
                "terraform_version": "1.11.4",
                "resource_changes": spec.get("resource_changes", []),
                "output_changes": spec.get("output_changes", {}),
            }
            print(json.dumps(plan))
    except _Interrupt:
        record["interrupted"] = True
        print("Interrupt received. Exiting.", file=sys.stderr)
        status = 1
    record["end"] = time.time()
    _log(record)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


# --- for the tests: a tree of fake stacks and this script as their terraform ------------------

CREATE = {"address": "x.created", "mode": "managed", "change": {"actions": ["create"]}}
UPDATE = {"address": "x.updated", "mode": "managed", "change": {"actions": ["update"]}}
DELETE = {"address": "x.deleted", "mode": "managed", "change": {"actions": ["delete"]}}
REPLACE = {"address": "x.replaced", "mode": "managed", "change": {"actions": ["delete", "create"]}}
READ = {"address": "data.x.read", "mode": "data", "change": {"actions": ["read"]}}
NOOP = {"address": "x.same", "mode": "managed", "change": {"actions": ["no-op"]}}


def binary(directory: Path) -> str:
    """An executable ``terraform`` in ``directory`` that runs this script."""
    directory.mkdir(parents=True, exist_ok=True)
    script = directory / "terraform"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{Path(__file__).resolve()}" "$@"\n')
    script.chmod(0o755)
    return str(script)


def write_tree(tree: Path, stacks: list[dict[str, Any]]) -> dict[str, Any]:
    """A rendered-looking tree: for each ``{"path", "reads", "depends_on", "plan"}`` (in apply
    order) a stack directory with a ``main.tf`` and the ``fake_plan.json`` from ``plan``, and
    ``lzgen.manifest.json`` listing them with their files' sha256. Returns the manifest."""
    import hashlib  # noqa: PLC0415 - only the tests' half needs it

    files: dict[str, str] = {}
    for stack in stacks:
        directory = tree / stack["path"]
        directory.mkdir(parents=True, exist_ok=True)
        for name, text in (
            ("main.tf", f"# {stack['path']}\n"),
            ("fake_plan.json", json.dumps(stack.get("plan", {}))),
        ):
            (directory / name).write_text(text, encoding="utf-8")
            files[f"{stack['path']}/{name}"] = hashlib.sha256(text.encode()).hexdigest()
    manifest = {
        "lzgen_version": "test",
        "input_sha256": "0" * 64,
        "stacks": [
            {
                "name": s["path"],
                "path": s["path"],
                "depends_on": s.get("depends_on", []),
                "reads": s.get("reads", {}),
                "resources": 1,
            }
            for s in stacks
        ],
        "files": dict(sorted(files.items())),
    }
    (tree / "lzgen.manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest


def log_records(log: Path) -> list[dict[str, Any]]:
    if not log.is_file():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
