"""Time ``lzgen render`` as users run it (the CLI, one process) against copying its bytes.

Issue 17's targets, measured in one run on synthetic organizations (``synth_org``, hub shape):

- a fresh render of the 1,000-account org (``lzgen render org.yaml -o NEW``, a new directory
  on the same filesystem) at most 3 times ``cp -r TREE COPY && sync`` of the tree it wrote;
- a no-op re-render (the same command again, into that tree) at most 0.2 times the fresh one;
- 100 -> 1,000 accounts at most 11 times, both for validate+render (in-process:
  ``load_and_check`` + ``render_tree``, what ``bench.py`` calls validate+render) and for the
  CLI's fresh render.

Every timed step starts after a ``sync``, so no step pays for writing back what an earlier one
left dirty; each is the best of ``--repeat`` runs. The CLI runs as ``python -c "from lzgen.cli
import main; main()"`` with the interpreter running this script, the lzgen it imports, and a
cache folder of its own (``LZGEN_CACHE_DIR``, see ``lzgen.unchanged``); an untimed render first
compiles lzgen's bytecode, as an installed lzgen has it. The no-op render must print "nothing
to write".

Usage::

    python benchmarks/render_cli.py                   # sizes 100 and 1000, best of 3
    python benchmarks/render_cli.py --repeat 5 --check
    python benchmarks/render_cli.py --dir /data/tmp   # where the trees go (one filesystem)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from bench import best_of, load_pipeline  # noqa: E402
from synth_org import synth_org  # noqa: E402

SIZES = (100, 1000)
TARGET_FRESH_OVER_COPY = 3.0
TARGET_NOOP_OVER_FRESH = 0.2
TARGET_SCALING = 11.0
CLI = "from lzgen.cli import main; main()"


@dataclass(frozen=True)
class Sizes:
    """Timings (seconds) of one org size."""

    accounts: int
    files: int
    validate_render: float
    fresh: float
    copy: float
    noop: float


def _sync() -> None:
    os.sync()


def _timed_after_sync(
    repeat: int, prepare: Callable[[int], None], step: Callable[[int], None]
) -> float:
    """Best of ``repeat`` runs of ``step(i)``, each after ``prepare(i)`` and a sync (untimed)."""
    best = float("inf")
    for i in range(repeat):
        prepare(i)
        _sync()
        start = time.perf_counter()
        step(i)
        best = min(best, time.perf_counter() - start)
    return best


def _cli_env(work: Path) -> dict[str, str]:
    import lzgen  # noqa: PLC0415  (load_pipeline made it importable)

    env = dict(os.environ)
    source_root = str(Path(lzgen.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (source_root, env.get("PYTHONPATH")) if p)
    env["LZGEN_CACHE_DIR"] = str(work / "cache")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed lzgen has its bytecode
    return env


def _render(org: Path, out: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", CLI, "render", str(org), "-o", str(out)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def _copy(tree: Path, copy: Path) -> None:
    """``cp -r TREE COPY && sync``: the tree's bytes, copied and made durable."""
    subprocess.run(["cp", "-r", str(tree), str(copy)], check=True)
    subprocess.run(["sync"], check=True)


def _remove(*paths: Path) -> None:
    for path in paths:
        shutil.rmtree(path, ignore_errors=True)


def measure(accounts: int, work: Path, repeat: int, env: dict[str, str]) -> Sizes:
    """Every timing of one size, its trees under ``work``."""
    pipeline = load_pipeline()
    org = work / f"org-{accounts}.yaml"
    org.write_text(synth_org(accounts), encoding="utf-8", newline="\n")

    def validate_render() -> int:
        checked = pipeline.load_and_check(org)
        return len(pipeline.render_tree(checked.plan, "0" * 64))

    validate_render_s, files = best_of(repeat, validate_render)
    fresh, copy = work / f"fresh-{accounts}", work / f"copy-{accounts}"
    _render(org, work / "warm-up", env)  # bytecode, and the page cache of lzgen's files
    _remove(work / "warm-up")
    fresh_s = _timed_after_sync(
        repeat, lambda i: _remove(fresh), lambda i: _render(org, fresh, env)
    )
    copy_s = _timed_after_sync(repeat, lambda i: _remove(copy), lambda i: _copy(fresh, copy))
    outputs: list[str] = []
    noop_s = _timed_after_sync(
        repeat, lambda i: None, lambda i: outputs.append(_render(org, fresh, env))
    )
    if not all("nothing to write" in text for text in outputs):
        raise SystemExit(f"the no-op render of {accounts} accounts wrote:\n{outputs[-1]}")
    _remove(fresh, copy)
    return Sizes(accounts, files, validate_render_s, fresh_s, copy_s, noop_s)


def _verdict(ok: bool, text: str) -> tuple[str, bool]:
    return (f"{'PASS' if ok else 'MISS'}: {text}", ok)


def verdicts(small: Sizes, big: Sizes) -> list[tuple[str, bool]]:
    fresh_copy = big.fresh / big.copy
    noop_fresh = big.noop / big.fresh
    scale_vr = big.validate_render / small.validate_render
    scale_fresh = big.fresh / small.fresh
    n, m = small.accounts, big.accounts
    return [
        _verdict(
            fresh_copy <= TARGET_FRESH_OVER_COPY,
            f"fresh render / cp -r+sync at {m:,} accounts {fresh_copy:.2f} "
            f"(target <= {TARGET_FRESH_OVER_COPY:g})",
        ),
        _verdict(
            noop_fresh <= TARGET_NOOP_OVER_FRESH,
            f"no-op re-render / fresh render at {m:,} accounts {noop_fresh:.2f} "
            f"(target <= {TARGET_NOOP_OVER_FRESH:g})",
        ),
        _verdict(
            scale_vr <= TARGET_SCALING,
            f"validate+render {n}->{m:,} accounts {scale_vr:.1f}x (target <= {TARGET_SCALING:g})",
        ),
        _verdict(
            scale_fresh <= TARGET_SCALING,
            f"fresh CLI render {n}->{m:,} accounts {scale_fresh:.1f}x "
            f"(target <= {TARGET_SCALING:g})",
        ),
    ]


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Time the lzgen CLI's render against cp -r.")
    parser.add_argument("--repeat", type=int, default=3, help="runs per step, best is kept")
    parser.add_argument("--dir", type=Path, default=None, help="where the trees are written")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    repeat = max(1, args.repeat)
    results: list[Sizes] = []
    with tempfile.TemporaryDirectory(prefix="lzgen-render-cli-", dir=args.dir) as tmp:
        work = Path(tmp)
        env = _cli_env(work)
        for accounts in SIZES:
            print(f"measuring {accounts} accounts ...", file=sys.stderr, flush=True)
            results.append(measure(accounts, work, repeat, env))
    small, big = results
    print(
        f"lzgen render, the CLI in one process, best of {repeat}, Python {sys.version.split()[0]}"
    )
    print(f"{'accounts':<28}{small.accounts:>10}{big.accounts:>10}{'ratio':>10}")
    rows: list[tuple[str, Callable[[Sizes], float], str]] = [
        ("files", lambda s: s.files, "{:.0f}"),
        ("validate+render (s)", lambda s: s.validate_render, "{:.3f}"),
        ("CLI fresh render (s)", lambda s: s.fresh, "{:.3f}"),
        ("cp -r + sync (s)", lambda s: s.copy, "{:.3f}"),
        ("CLI no-op re-render (s)", lambda s: s.noop, "{:.3f}"),
        ("fresh / cp", lambda s: s.fresh / s.copy, "{:.2f}"),
        ("no-op / fresh", lambda s: s.noop / s.fresh, "{:.2f}"),
    ]
    for label, metric, fmt in rows:
        a, b = metric(small), metric(big)
        print(f"{label:<28}{fmt.format(a):>10}{fmt.format(b):>10}{b / a:>9.1f}x")
    lines = verdicts(small, big)
    for line, _ in lines:
        print(line)
    return 1 if args.check and not all(ok for _, ok in lines) else 0


if __name__ == "__main__":
    raise SystemExit(main())
