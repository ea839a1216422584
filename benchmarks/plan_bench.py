"""Time ``lzgen plan --offline``: in parallel, and of the changed stacks only (issue 17).

Real terraform on the real AWS provider, offline (``LZGEN_TF_PLUGIN_MIRROR``, defaulted to
/opt/tf-plugins when that directory exists, as in the nox sessions). Not run by CI: minutes.
Every run goes through the CLI, in a subprocess, as users run it.

(a) jobs: ``lzgen plan --offline --jobs 1`` and ``--jobs 2`` on a render of
    ``examples/hub-and-spoke.yaml``: the wall time of each, the ratio, and whether the
    per-stack results (``--format json``: status and counts per stack) are identical.

(b) changed: ``synth_org.py 1000`` (1,008 stacks) rendered into a scratch git repository and
    committed on ``main``; on a branch, one spoke VPC's ``nat_gateways: per_az`` becomes
    ``single`` and the tree is rendered again. Then ``lzgen plan --changed --offline`` is
    timed and the stacks it planned are printed (the changed ones, their readers and, offline,
    the upstreams planned for their outputs only). Beside it, a full plan's time: planning all
    1,008 stacks takes some 25+ minutes on 2 cores, so by default it is an ESTIMATE, the
    measured mean wall time per stack of a full ``--jobs 2`` plan of a smaller synthetic org
    (``--sample-accounts``, default 10 accounts) times 1,008. ``--full`` plans the 1,000-account
    tree in full instead.

Usage::

    python benchmarks/plan_bench.py                 # (a) and (b), full plan estimated
    python benchmarks/plan_bench.py --only changed --full
    nox -s plan_bench -- --only jobs
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))

from synth_org import synth_org  # noqa: E402

MIRROR = Path("/opt/tf-plugins")
ACCOUNTS = 1000
CHANGED_VPC = "vpc-0500"
LZGEN = [sys.executable, "-c", "from lzgen.cli import main; main()"]
GIT_ENV = {
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.com",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    if "LZGEN_TF_PLUGIN_MIRROR" not in env and MIRROR.is_dir():
        env["LZGEN_TF_PLUGIN_MIRROR"] = str(MIRROR)
    env["NO_COLOR"] = "1"
    return env


def _run(cmd: list[str], cwd: Path | None = None, ok: tuple[int, ...] = (0,)) -> str:
    proc = subprocess.run(
        cmd, cwd=cwd, env={**_env(), **GIT_ENV}, capture_output=True, text=True, check=False
    )
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    return proc.stdout


def _render(org: Path, out: Path) -> int:
    _run([*LZGEN, "render", str(org), "-o", str(out)], ok=(0,))
    manifest = json.loads((out / "lzgen.manifest.json").read_text(encoding="utf-8"))
    return len(manifest["stacks"])


def _plan(tree: Path, *args: str) -> tuple[float, list[dict[str, Any]]]:
    """Wall seconds and the JSON summary of ``lzgen plan TREE --offline --format json``."""
    start = time.perf_counter()
    out = _run([*LZGEN, "plan", str(tree), "--offline", "--format", "json", *args], ok=(0, 2))
    stacks: list[dict[str, Any]] = json.loads(out)["stacks"]
    return time.perf_counter() - start, stacks


def bench_jobs(tmp: Path) -> None:
    tree = tmp / "hub"
    count = _render(REPO_ROOT / "examples" / "hub-and-spoke.yaml", tree)
    print(f"(a) examples/hub-and-spoke.yaml: {count} stacks, lzgen plan --offline")
    one, first = _plan(tree, "--jobs", "1")
    print(f"    --jobs 1  {one:7.1f} s")
    two, second = _plan(tree, "--jobs", "2")
    print(f"    --jobs 2  {two:7.1f} s")
    print(f"    ratio jobs1/jobs2: {one / two:.2f}x")
    same = first == second
    print(f"    per-stack results identical: {'yes' if same else 'NO'}")
    if not same:
        for a, b in zip(first, second, strict=True):
            if a != b:
                print(f"      {a} != {b}")
    failed = [s["path"] for s in first + second if s["status"] in ("failed", "skipped")]
    if failed:
        print(f"    FAILED stacks: {failed}")


def bench_changed(tmp: Path, *, full: bool, sample_accounts: int) -> None:
    repo = tmp / "repo"
    repo.mkdir()
    org = repo / "org.yaml"
    org.write_text(synth_org(ACCOUNTS), encoding="utf-8")
    tree = repo / "out"
    start = time.perf_counter()
    count = _render(org, tree)
    took = time.perf_counter() - start
    print(f"(b) synth_org.py {ACCOUNTS}: {count} stacks (rendered in {took:.1f} s)")
    _run(["git", "init", "-q", "-b", "main"], cwd=repo)
    _run(["git", "add", "-A"], cwd=repo)
    _run(["git", "commit", "-q", "-m", "landing zone"], cwd=repo)
    _run(["git", "checkout", "-q", "-b", "change"], cwd=repo)
    text = org.read_text(encoding="utf-8")
    block = re.compile(rf"(  - name: {CHANGED_VPC}\n(?:    .*\n)*?    nat_gateways: )per_az")
    changed_text, n = block.subn(r"\1single", text)
    assert n == 1, f"{CHANGED_VPC} not found"
    org.write_text(changed_text, encoding="utf-8")
    _render(org, tree)
    diff = _run(["git", "diff", "--stat", "--", "out"], cwd=repo).strip().splitlines()
    print(f"    change: {CHANGED_VPC} nat_gateways per_az -> single; git diff --stat out:")
    for line in diff:
        print(f"      {line.strip()}")
    elapsed, stacks = _plan(tree, "--changed", "--jobs", "2")
    print(f"    lzgen plan --changed --offline --jobs 2: {elapsed:.1f} s, {len(stacks)} stacks:")
    for s in stacks:
        counts = f"+{s['add']} ~{s['change']} -{s['destroy']} replace {s['replace']}"
        print(f"      {s['status']:<11} {s['path']}  ({counts})")
    planned = [s["path"] for s in stacks if s["status"] != "upstream"]
    print(f"    planned (changed + readers): {planned}")
    if full:
        elapsed_full, all_stacks = _plan(tree, "--jobs", "2")
        print(
            f"    full plan, --jobs 2: {elapsed_full:.1f} s for {len(all_stacks)} stacks (measured)"
        )
        print(f"    --changed / full: {elapsed / elapsed_full:.3f}")
        return
    sample = tmp / "sample"
    sample.mkdir()
    sample_org = sample / "org.yaml"
    sample_org.write_text(synth_org(sample_accounts), encoding="utf-8")
    sample_count = _render(sample_org, sample / "out")
    elapsed_sample, _ = _plan(sample / "out", "--jobs", "2")
    per_stack = elapsed_sample / sample_count
    estimate = per_stack * count
    print(
        f"    full plan of synth_org.py {sample_accounts} ({sample_count} stacks), --jobs 2: "
        f"{elapsed_sample:.1f} s = {per_stack:.2f} s per stack (measured)"
    )
    print(
        f"    full plan of all {count} stacks, --jobs 2: ESTIMATE {per_stack:.2f} s x {count} "
        f"= {estimate:.0f} s ({estimate / 60:.1f} min); --full measures it"
    )
    print(f"    --changed / full (estimate): {elapsed / estimate:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--only", choices=["jobs", "changed"], help="run one part only")
    parser.add_argument("--full", action="store_true", help="(b): plan all 1,008 stacks too")
    parser.add_argument(
        "--sample-accounts", type=int, default=10, help="(b): the org whose full plan is timed"
    )
    args = parser.parse_args(argv)
    mirror = _env().get("LZGEN_TF_PLUGIN_MIRROR")
    print(f"lzgen plan benchmark: {os.cpu_count()} CPUs, provider mirror {mirror}")
    with tempfile.TemporaryDirectory(prefix="lzgen-plan-bench-") as tmp:
        if args.only in (None, "jobs"):
            bench_jobs(Path(tmp))
        if args.only in (None, "changed"):
            bench_changed(Path(tmp), full=args.full, sample_accounts=args.sample_accounts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
