"""Time the lzgen pipeline in-process on synthetic organizations.

For each size, ``synth_org`` writes an org file into a temp dir, then each stage of
``lzgen.pipeline`` is timed with ``time.perf_counter`` (best of ``--repeat`` runs):

- load+validate  ``load_and_validate(path)``
- plan           ``build_plan(org)``
- render         ``render_tree(lz, input_sha256)`` (files and manifest)
- write          ``write_tree(files, fresh_dir)`` (creating every file)
- rewrite        ``write_tree(files, same_dir)`` (every file identical, nothing written)

"validate+render" is load+validate + plan + render: what ``lzgen render`` costs before I/O.
Peak memory is the tracemalloc peak of one untimed load-to-render pass; max RSS is the process's.

Target (issue 2): 1,000 accounts validate+render <= 3 s on the 2-core CI machine.

Usage::

    python benchmarks/bench.py                  # sizes 100 and 1000
    python benchmarks/bench.py --sizes 10 100 1000 --repeat 5
"""

from __future__ import annotations

import argparse
import gc
import importlib
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))

from synth_org import synth_org  # noqa: E402

TARGET_ACCOUNTS = 1000
TARGET_SECONDS = 3.0
PIPELINE_NAMES = ("load_and_validate", "build_plan", "render_tree", "write_tree")

T = TypeVar("T")


class StackLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def resource_count(self) -> int: ...


class LandingZoneLike(Protocol):
    @property
    def stacks(self) -> Sequence[StackLike]: ...


class PipelineUnavailableError(RuntimeError):
    """``lzgen.pipeline`` cannot be imported or lacks one of the functions we time."""


@dataclass(frozen=True)
class Pipeline:
    """The four ``lzgen.pipeline`` functions, resolved lazily."""

    load_and_validate: Callable[[Path], tuple[Any, list[Any]]]
    build_plan: Callable[[Any], LandingZoneLike]
    render_tree: Callable[[LandingZoneLike, str], dict[str, str]]
    write_tree: Callable[..., Any]


@dataclass(frozen=True)
class Result:
    """Measurements for one size."""

    accounts: int
    yaml_bytes: int
    synth_s: float
    validate_s: float
    plan_s: float
    render_s: float
    write_s: float
    rewrite_s: float
    peak_mb: float
    stacks: int
    files: int
    out_bytes: int
    resources: int

    @property
    def total_s(self) -> float:
        """validate+render: load+validate, plan and render, without writing."""
        return self.validate_s + self.plan_s + self.render_s

    @property
    def end_to_end_s(self) -> float:
        return self.total_s + self.write_s


def _import_pipeline_module() -> Any:
    try:
        return importlib.import_module("lzgen.pipeline")
    except ModuleNotFoundError as exc:
        if exc.name != "lzgen":
            raise
    sys.path.insert(0, str(REPO_ROOT / "generator"))  # not installed: use the source tree
    return importlib.import_module("lzgen.pipeline")


def load_pipeline() -> Pipeline:
    """Import ``lzgen.pipeline`` or raise ``PipelineUnavailableError`` saying what is missing."""
    try:
        module = _import_pipeline_module()
    except ImportError as exc:
        raise PipelineUnavailableError(
            f"cannot import lzgen.pipeline ({exc}); install lzgen (`pip install -e .`) "
            "or wait until generator/lzgen/pipeline.py exists"
        ) from exc
    missing = [name for name in PIPELINE_NAMES if not hasattr(module, name)]
    if missing:
        raise PipelineUnavailableError(
            f"lzgen.pipeline ({module.__file__}) lacks: {', '.join(missing)}"
        )
    return Pipeline(*(getattr(module, name) for name in PIPELINE_NAMES))


def best_of(repeat: int, fn: Callable[[], T]) -> tuple[float, T]:
    """Run ``fn`` ``repeat`` times after a GC; return the fastest time and the last result."""
    best, result = _timed(fn)
    for _ in range(repeat - 1):
        elapsed, result = _timed(fn)
        best = min(best, elapsed)
    return best, result


def _timed(fn: Callable[[], T]) -> tuple[float, T]:
    gc.collect()
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _is_error(diagnostic: Any) -> bool:
    severity = getattr(diagnostic, "severity", "")
    return str(getattr(severity, "value", severity)).lower() == "error"


def _validated(pipeline: Pipeline, path: Path) -> Any:
    """Load and validate once; exit with the first diagnostics if the synthetic org is invalid."""
    org, diagnostics = pipeline.load_and_validate(path)
    errors = [d for d in diagnostics if _is_error(d)]
    if org is None or errors:
        shown = "\n".join(f"  {d}" for d in (errors or diagnostics)[:10])
        raise SystemExit(f"synthetic org {path} did not validate:\n{shown}")
    return org


def _peak_memory_mb(pipeline: Pipeline, path: Path) -> float:
    """tracemalloc peak (MiB) of one load, validate, plan and render pass."""
    gc.collect()
    tracemalloc.start()
    try:
        org, _ = pipeline.load_and_validate(path)
        pipeline.render_tree(pipeline.build_plan(org), "0" * 64)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def measure(pipeline: Pipeline, accounts: int, work: Path, repeat: int) -> Result:
    """Generate an org of ``accounts`` accounts under ``work`` and time every stage."""
    synth_s, text = best_of(repeat, lambda: synth_org(accounts))
    path = work / f"org-{accounts}.yaml"
    path.write_text(text, encoding="utf-8", newline="\n")

    _validated(pipeline, path)
    validate_s, (org, _) = best_of(repeat, lambda: pipeline.load_and_validate(path))
    plan_s, lz = best_of(repeat, lambda: pipeline.build_plan(org))
    render_s, files = best_of(repeat, lambda: pipeline.render_tree(lz, "0" * 64))

    runs = iter(range(repeat))
    write_s, _ = best_of(
        repeat, lambda: pipeline.write_tree(files, work / f"out-{accounts}-{next(runs)}")
    )
    rewrite_s, _ = best_of(repeat, lambda: pipeline.write_tree(files, work / f"out-{accounts}-0"))

    return Result(
        accounts=accounts,
        yaml_bytes=len(text.encode("utf-8")),
        synth_s=synth_s,
        validate_s=validate_s,
        plan_s=plan_s,
        render_s=render_s,
        write_s=write_s,
        rewrite_s=rewrite_s,
        peak_mb=_peak_memory_mb(pipeline, path),
        stacks=len(lz.stacks),
        files=len(files),
        out_bytes=sum(len(body.encode("utf-8")) for body in files.values()),
        resources=sum(stack.resource_count for stack in lz.stacks),
    )


ROWS: tuple[tuple[str, Callable[[Result], float], str], ...] = (
    ("org.yaml size (KiB)", lambda r: r.yaml_bytes / 1024, "{:.0f}"),
    ("synth_org (s)", lambda r: r.synth_s, "{:.3f}"),
    ("load+validate (s)", lambda r: r.validate_s, "{:.3f}"),
    ("plan (s)", lambda r: r.plan_s, "{:.3f}"),
    ("render (s)", lambda r: r.render_s, "{:.3f}"),
    ("validate+render (s)", lambda r: r.total_s, "{:.3f}"),
    ("write, fresh dir (s)", lambda r: r.write_s, "{:.3f}"),
    ("rewrite, identical (s)", lambda r: r.rewrite_s, "{:.3f}"),
    ("end to end (s)", lambda r: r.end_to_end_s, "{:.3f}"),
    ("tracemalloc peak (MiB)", lambda r: r.peak_mb, "{:.1f}"),
    ("stacks", lambda r: r.stacks, "{:.0f}"),
    ("files", lambda r: r.files, "{:.0f}"),
    ("output size (MiB)", lambda r: r.out_bytes / 2**20, "{:.2f}"),
    ("resources", lambda r: r.resources, "{:.0f}"),
)


def format_table(results: Sequence[Result]) -> str:
    """Metrics as rows, sizes as columns, plus a largest/smallest ratio column."""
    first, last = results[0], results[-1]
    ratio_head = f"{first.accounts}->{last.accounts}" if len(results) > 1 else ""
    header = ["accounts", *(str(r.accounts) for r in results)]
    lines = [_row(header, ratio_head)]
    for label, metric, fmt in ROWS:
        cells = [label, *(fmt.format(metric(r)) for r in results)]
        ratio = _ratio(metric(last), metric(first)) if ratio_head else ""
        lines.append(_row(cells, ratio))
    return "\n".join(lines)


def _ratio(big: float, small: float) -> str:
    return f"{big / small:.1f}x" if small > 0 else "-"


def _row(cells: Sequence[str], ratio: str) -> str:
    label, *values = cells
    return f"{label:<24}" + "".join(f"{v:>11}" for v in values) + f"{ratio:>12}"


def verdict(results: Iterable[Result]) -> tuple[str, bool]:
    """PASS/MISS line for the 1,000-account target and whether it passed (True if not run)."""
    at_target = [r for r in results if r.accounts == TARGET_ACCOUNTS]
    if not at_target:
        return f"target not checked: size {TARGET_ACCOUNTS} was not run", True
    seconds = at_target[0].total_s
    ok = seconds <= TARGET_SECONDS
    word = "PASS" if ok else "MISS"
    return (
        f"{word}: {TARGET_ACCOUNTS:,} accounts validate+render {seconds:.2f} s "
        f"(target <= {TARGET_SECONDS:.0f} s)",
        ok,
    )


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Time the lzgen pipeline on synthetic orgs.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per stage, best is kept")
    parser.add_argument("--check", action="store_true", help="exit 1 when the target is missed")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit 2 if lzgen.pipeline is not available yet."""
    args = _parse_args(argv)
    try:
        pipeline = load_pipeline()
    except PipelineUnavailableError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="lzgen-bench-") as tmp:
        for size in sorted(set(args.sizes)):
            print(f"measuring {size} accounts ...", file=sys.stderr, flush=True)
            results.append(measure(pipeline, size, Path(tmp), max(1, args.repeat)))
    print(f"lzgen pipeline, in-process, best of {args.repeat}, Python {sys.version.split()[0]}")
    print(format_table(results))
    max_rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"process max RSS: {max_rss_mib:.0f} MiB")
    line, ok = verdict(results)
    print(line)
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    raise SystemExit(main())
