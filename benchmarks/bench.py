"""Time the lzgen pipeline in-process on synthetic organizations.

For each size, ``synth_org`` writes an org file into a temp dir, then each stage of
``lzgen.pipeline`` is timed with ``time.perf_counter`` (best of ``--repeat`` runs):

- load+check     ``load_and_check(path)``: shape, rules, the plan and the rules on it (LZ8001),
                 what ``lzgen validate`` does
- plan           ``build_plan(org)`` alone (already inside load+check; shown for profiling)
- render         ``render_tree(plan, input_sha256)`` (files and manifest)
- write          ``write_tree(files, fresh_dir)`` (creating every file)
- rewrite        ``write_tree(files, same_dir)`` (every file identical, nothing written)

"validate+render" is load+check + render: what ``lzgen render`` costs before I/O.
Peak memory is the tracemalloc peak of one untimed load-to-render pass; max RSS is the process's.

"plain write" writes the same files with plain ``open``/``write`` into a fresh dir: the floor
render time is compared with. ``write`` makes the files durable (``syncfs`` and an fsync of
each, ``lzgen.write``); plain write does not. The CLI as users run it, against ``cp -r`` and
with its no-op re-render answered from its record (``lzgen.unchanged``), is timed by
``render_cli.py`` (issue 17). The no-op re-render must report nothing created, updated or
removed and ``written`` false (``WriteReport``).

The overlap micro-benchmark calls LZ3005's ``check`` (``rules/network/vpc_overlap.py``) on a
stand-in context with 10,000 and 100,000 VPC CIDRs, and ``overlapping_pairs``
(``rules/network/overlaps.py``, LZ3012-LZ3014) on the same prefixes; CIDR text is parsed inside
the timed region, as the rules do.

Targets (issue 4, on the 2-core CI machine): 1,000 accounts validate+render <= 3 s; 100->1,000
validate+render ratio <= 11; 100,000 prefixes overlap-checked <= 1 s; no-op re-render writes
nothing; render <= 3x plain write of the same bytes.

Usage::

    python benchmarks/bench.py                  # sizes 10, 100 and 1000, hub shape
    python benchmarks/bench.py --shape basic    # issue 2's shape (VPCs only)
    python benchmarks/bench.py --sizes 100 1000 --repeat 5 --check
"""

from __future__ import annotations

import argparse
import gc
import importlib
import ipaddress
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Protocol, TypeVar

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))

from synth_org import SHAPES, synth_org  # noqa: E402

TARGET_ACCOUNTS = 1000
TARGET_SECONDS = 3.0
RATIO_FROM = 100
TARGET_RATIO = 11.0
OVERLAP_SIZES = (10_000, 100_000)
TARGET_OVERLAP_PREFIXES = 100_000
TARGET_OVERLAP_SECONDS = 1.0
TARGET_RENDER_OVER_WRITE = 3.0
STACK_BOUND = 500  # issue 4: the default organization.max_stack_resources (LZ8001)
PIPELINE_NAMES = ("load_and_check", "build_plan", "render_tree", "write_tree")

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

    load_and_check: Callable[[Path], Any]  # -> Checked(org, plan, diagnostics)
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
    plain_write_s: float
    noop_changed: int
    peak_mb: float
    stacks: int
    files: int
    out_bytes: int
    resources: int
    max_stack_resources: int
    max_stack: str
    stacks_over_bound: int

    @property
    def render_over_write(self) -> float:
        return self.render_s / self.plain_write_s if self.plain_write_s > 0 else float("inf")

    @property
    def total_s(self) -> float:
        """validate+render: load+validate, plan and render, without writing."""
        return self.validate_s + self.render_s

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
    checked = pipeline.load_and_check(path)
    org, diagnostics = checked.org, checked.diagnostics
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
        pipeline.render_tree(pipeline.load_and_check(path).plan, "0" * 64)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def plain_write(files: dict[str, str], out_dir: Path) -> None:
    """The floor for writing ``files``: mkdir and one open/write per file, nothing else."""
    made: set[Path] = set()
    for rel, body in files.items():
        path = out_dir / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            fh.write(body)


def _noop_changes(report: Any) -> int:
    """Files a re-render of identical output created, updated or removed (+1 if it wrote)."""
    changed = sum(len(getattr(report, k, ())) for k in ("created", "updated", "removed"))
    return changed + int(bool(getattr(report, "written", False)))


def measure(
    pipeline: Pipeline, accounts: int, work: Path, repeat: int, shape: str = "hub"
) -> Result:
    """Generate an org of ``accounts`` accounts under ``work`` and time every stage."""
    synth_s, text = best_of(repeat, lambda: synth_org(accounts, shape=shape))
    path = work / f"org-{accounts}.yaml"
    path.write_text(text, encoding="utf-8", newline="\n")

    _validated(pipeline, path)
    validate_s, checked = best_of(repeat, lambda: pipeline.load_and_check(path))
    plan_s, lz = best_of(repeat, lambda: pipeline.build_plan(checked.org))
    render_s, files = best_of(repeat, lambda: pipeline.render_tree(lz, "0" * 64))

    runs = iter(range(repeat))
    write_s, _ = best_of(
        repeat, lambda: pipeline.write_tree(files, work / f"out-{accounts}-{next(runs)}")
    )
    rewrite_s, report = best_of(
        repeat, lambda: pipeline.write_tree(files, work / f"out-{accounts}-0")
    )
    plains = iter(range(repeat))
    plain_s, _ = best_of(
        repeat, lambda: plain_write(files, work / f"plain-{accounts}-{next(plains)}")
    )
    biggest = max(lz.stacks, key=lambda st: (st.resource_count, st.name))

    return Result(
        accounts=accounts,
        yaml_bytes=len(text.encode("utf-8")),
        synth_s=synth_s,
        validate_s=validate_s,
        plan_s=plan_s,
        render_s=render_s,
        write_s=write_s,
        rewrite_s=rewrite_s,
        plain_write_s=plain_s,
        noop_changed=_noop_changes(report),
        peak_mb=_peak_memory_mb(pipeline, path),
        stacks=len(lz.stacks),
        files=len(files),
        out_bytes=sum(len(body.encode("utf-8")) for body in files.values()),
        resources=sum(stack.resource_count for stack in lz.stacks),
        max_stack_resources=biggest.resource_count,
        max_stack=biggest.name,
        stacks_over_bound=sum(1 for st in lz.stacks if st.resource_count > STACK_BOUND),
    )


ROWS: tuple[tuple[str, Callable[[Result], float], str], ...] = (
    ("org.yaml size (KiB)", lambda r: r.yaml_bytes / 1024, "{:.0f}"),
    ("synth_org (s)", lambda r: r.synth_s, "{:.3f}"),
    ("load+check (s)", lambda r: r.validate_s, "{:.3f}"),
    ("  of which plan (s)", lambda r: r.plan_s, "{:.3f}"),
    ("render (s)", lambda r: r.render_s, "{:.3f}"),
    ("validate+render (s)", lambda r: r.total_s, "{:.3f}"),
    ("write, fresh dir (s)", lambda r: r.write_s, "{:.3f}"),
    ("rewrite, identical (s)", lambda r: r.rewrite_s, "{:.3f}"),
    ("  files changed", lambda r: r.noop_changed, "{:.0f}"),
    ("plain write (s)", lambda r: r.plain_write_s, "{:.3f}"),
    ("render / plain write", lambda r: r.render_over_write, "{:.2f}"),
    ("end to end (s)", lambda r: r.end_to_end_s, "{:.3f}"),
    ("tracemalloc peak (MiB)", lambda r: r.peak_mb, "{:.1f}"),
    ("stacks", lambda r: r.stacks, "{:.0f}"),
    ("files", lambda r: r.files, "{:.0f}"),
    ("output size (MiB)", lambda r: r.out_bytes / 2**20, "{:.2f}"),
    ("resources", lambda r: r.resources, "{:.0f}"),
    ("resources/stack, mean", lambda r: r.resources / max(1, r.stacks), "{:.1f}"),
    ("resources/stack, max", lambda r: r.max_stack_resources, "{:.0f}"),
    (f"stacks > {STACK_BOUND} resources", lambda r: r.stacks_over_bound, "{:.0f}"),
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


def synthetic_prefixes(count: int) -> list[str]:
    """``count`` distinct, non-overlapping prefixes of mixed lengths (/16 to /28), as text,
    in a shuffled but deterministic order (so the sort does real work)."""
    out: list[str] = []
    addr = int(ipaddress.IPv4Address("10.0.0.0"))
    lengths = (20, 24, 28, 22, 26, 16)
    for k in range(count):
        plen = lengths[k % len(lengths)]
        size = 1 << (32 - plen)
        addr = (addr + size - 1) // size * size
        out.append(f"{ipaddress.IPv4Address(addr % 2**32)}/{plen}")
        addr += size
    order = sorted(range(count), key=lambda k: (k * 7919) % count)
    return [out[k] for k in order]


def overlap_micro(repeat: int) -> list[tuple[str, int, float, int]]:
    """(what, prefixes, seconds, overlaps found) for LZ3005's check and overlapping_pairs."""
    from lzgen.cidr import parse_ipv4  # noqa: PLC0415  (imported after load_pipeline)
    from lzgen.rules.network import vpc_overlap  # noqa: PLC0415
    from lzgen.rules.network.overlaps import overlapping_pairs  # noqa: PLC0415

    rows = []
    for count in OVERLAP_SIZES:
        cidrs = synthetic_prefixes(count)
        vpcs = [SimpleNamespace(cidr=c, allow_overlap=False) for c in cidrs]
        ctx = SimpleNamespace(org=SimpleNamespace(vpcs=vpcs), connected=lambda i, j: False)

        def rule(ctx: Any = ctx) -> int:
            return sum(1 for _ in vpc_overlap.check(ctx))

        def pairs(cidrs: list[str] = cidrs) -> int:
            nets = ((parse_ipv4(c), c) for c in cidrs)
            return sum(1 for _ in overlapping_pairs((n, c) for n, c in nets if n is not None))

        for what, fn in (("LZ3005 check", rule), ("overlapping_pairs", pairs)):
            seconds, found = best_of(repeat, fn)
            rows.append((what, count, seconds, found))
    return rows


def _mark(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def verdicts(
    results: Sequence[Result], overlaps: Sequence[tuple[str, int, float, int]]
) -> list[tuple[str, bool]]:
    """One PASS/MISS line per issue-4 target that was measured."""
    by_size = {r.accounts: r for r in results}
    lines = [verdict(results)]
    if RATIO_FROM in by_size and TARGET_ACCOUNTS in by_size:
        ratio = by_size[TARGET_ACCOUNTS].total_s / by_size[RATIO_FROM].total_s
        ok = ratio <= TARGET_RATIO
        lines.append(
            (
                f"{_mark(ok)}: {RATIO_FROM}->{TARGET_ACCOUNTS:,} validate+render ratio "
                f"{ratio:.1f} (target <= {TARGET_RATIO:.0f})",
                ok,
            )
        )
    at_target = [o for o in overlaps if o[1] == TARGET_OVERLAP_PREFIXES]
    if at_target:
        worst = max(at_target, key=lambda o: o[2])
        ok = worst[2] <= TARGET_OVERLAP_SECONDS
        lines.append(
            (
                f"{_mark(ok)}: {TARGET_OVERLAP_PREFIXES:,} prefixes overlap-checked "
                f"{worst[2]:.2f} s, slowest {worst[0]} (target <= {TARGET_OVERLAP_SECONDS:.0f} s)",
                ok,
            )
        )
    if results:
        changed = sum(r.noop_changed for r in results)
        ok = changed == 0
        lines.append((f"{_mark(ok)}: no-op re-render changed {changed} files (target 0)", ok))
        worst_r = max(results, key=lambda r: r.render_over_write)
        ok = worst_r.render_over_write <= TARGET_RENDER_OVER_WRITE
        lines.append(
            (
                f"{_mark(ok)}: render <= {TARGET_RENDER_OVER_WRITE:.0f}x plain write: worst "
                f"{worst_r.render_over_write:.2f}x at {worst_r.accounts} accounts",
                ok,
            )
        )
        big = max(results, key=lambda r: r.max_stack_resources)
        ok = big.max_stack_resources <= STACK_BOUND
        lines.append(
            (
                f"{_mark(ok)}: largest stack {big.max_stack} {big.max_stack_resources} resources "
                f"at {big.accounts} accounts (bound {STACK_BOUND})",
                ok,
            )
        )
    return lines


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
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--shape", choices=SHAPES, default="hub", help="synthetic org shape")
    parser.add_argument("--no-overlap", action="store_true", help="skip the overlap micro-bench")
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
            results.append(measure(pipeline, size, Path(tmp), max(1, args.repeat), args.shape))
    overlaps = [] if args.no_overlap else overlap_micro(max(1, args.repeat))
    print(
        f"lzgen pipeline, in-process, {args.shape} shape, best of {args.repeat}, "
        f"Python {sys.version.split()[0]}"
    )
    print(format_table(results))
    for r in results:
        print(f"largest stack at {r.accounts}: {r.max_stack} ({r.max_stack_resources} resources)")
    max_rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"process max RSS: {max_rss_mib:.0f} MiB")
    for what, count, seconds, found in overlaps:
        print(f"overlap {what:<18} {count:>7,} prefixes {seconds:7.3f} s  ({found} overlaps)")
    lines = verdicts(results, overlaps)
    for line, _ in lines:
        print(line)
    return 1 if args.check and not all(ok for _, ok in lines) else 0


if __name__ == "__main__":
    raise SystemExit(main())
