"""The ``lzgen`` command line: validate, render, check, plan, path, blueprints, schema, init,
rules.

Exit codes: 0 success (warnings allowed), 1 errors in the input or a failed stack plan,
2 usage errors (bad flags, missing file). ``plan`` follows terraform's ``-detailed-exitcode``:
0 no changes, 2 changes, 1 a stack failed, 130 interrupted; its usage errors (exit 2 too) are
reported before any stack is planned. No traceback reaches the user for bad input.
"""

from __future__ import annotations

import hashlib
import os
import sys
import traceback
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from lzgen import __version__, unchanged
from lzgen.diagnostics import Diagnostic, did_you_mean, has_errors
from lzgen.removal import MOVED_FILE, refusal_text, unmatched
from lzgen.report import format_diagnostics, plural
from lzgen.stack_plans.progress import progress_for
from lzgen.stack_plans.results import PlanError, Status, exit_code
from lzgen.stack_plans.run import Prepared, default_jobs, execute, prepare, removed_results
from lzgen.stack_plans.schedule import RunInterrupted
from lzgen.stack_plans.summary import print_failures, print_table, to_json
from lzgen.write import RemovalError, WriteError, WriteReport, write_tree

# The stages (models, rules, plan, templates) take most of a second to import: each command
# imports what it uses, so a render the record answers (lzgen.unchanged) loads none of them.
if TYPE_CHECKING:
    from lzgen.load import Document
    from lzgen.model import OrgFile
    from lzgen.reachability import Direction

app = typer.Typer(
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Turn one org.yaml into validated, reviewable Terraform for an AWS landing zone.",
)


class Format(str, Enum):
    text = "text"
    editor = "editor"
    json = "json"
    sarif = "sarif"


FileArg = Annotated[Path, typer.Argument(help="The org YAML file.", show_default=False)]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Diagnostics format.")]
AllowRemoveOpt = Annotated[
    list[str],
    typer.Option(
        "--allow-remove",
        metavar="STACK",
        help="Let render remove this stack (a path such as peerings/NAME, or `all`) or its "
        "files although they hold resources. Repeatable.",
        show_default=False,
    ),
]


def _use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _require_file(path: Path) -> None:
    if not path.is_file():
        typer.echo(f"lzgen: error: {path}: no such file", err=True)
        raise typer.Exit(2)


def _shaped(file: Path) -> tuple[Document, OrgFile]:
    """The org file read and of the right shape (its rules not run), or exit 1 with why."""
    from lzgen.load import LoadError, load_file  # noqa: PLC0415
    from lzgen.shape import check_shape  # noqa: PLC0415

    _require_file(file)
    try:
        doc = load_file(file)
    except LoadError as exc:
        _emit([exc.diagnostic], Format.text, to_stderr=True)
        raise typer.Exit(1) from None
    org, problems = check_shape(doc)
    if org is None:
        _emit(problems, Format.text, to_stderr=True)
        raise typer.Exit(1)
    return doc, org


def _emit(diagnostics: list[Diagnostic], fmt: Format, *, to_stderr: bool = False) -> None:
    if fmt is Format.text and not diagnostics:
        return
    text = format_diagnostics(diagnostics, fmt.value, color=_use_color() and not to_stderr)
    typer.echo(text, nl=False, err=to_stderr)


@app.command()
def validate(
    files: Annotated[
        list[Path], typer.Argument(help="One or more org YAML files.", show_default=False)
    ],
    fmt: FormatOpt = Format.text,
) -> None:
    """Check org files; print diagnostics at file:line:col. Exit 1 on errors."""
    from lzgen.pipeline import load_and_validate  # noqa: PLC0415

    for file in files:
        _require_file(file)
    diagnostics: list[Diagnostic] = []
    for file in files:
        found = load_and_validate(file)[1]
        diagnostics += found
        if fmt is Format.text and len(files) > 1 and not found:
            typer.echo(f"{file}: ok")
    _emit(diagnostics, fmt)
    if fmt is Format.text and not diagnostics and len(files) == 1:
        typer.echo(f"{files[0]}: ok")
    raise typer.Exit(1 if has_errors(diagnostics) else 0)


@app.command(name="render")
def render_command(  # noqa: PLR0917 - typer passes every option as an argument
    file: FileArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output directory.")] = Path("out"),
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Report, write nothing.")] = False,
    fmt: FormatOpt = Format.text,
    allow_remove: AllowRemoveOpt = [],  # noqa: B006 - typer reads the default, never mutates it
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every file written, however many.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print nothing but warnings and errors.")
    ] = False,
) -> None:
    """Validate, then write the Terraform tree. Invalid input leaves OUT untouched; so does
    removing a stack or file that holds resources, unless --allow-remove names it.

    Prints each file it creates, updates or removes, then a summary line; past
    30 changed files only the removed and hand-edited ones (-v lists all)."""
    _require_file(file)
    raw = _read_bytes(file)
    if raw is not None and not dry_run:
        reused = unchanged.reuse(file, raw, out)
        if reused is not None:  # the inputs the tree was rendered from, and the tree unchanged
            if reused.diagnostics:
                _emit(reused.diagnostics, fmt, to_stderr=True)
            shown = Shown(verbose=verbose, quiet=quiet)
            _print_report(
                reused.report, out, reused.stacks, dry_run=dry_run, allow=allow_remove, shown=shown
            )
            return
    from lzgen.pipeline import load_and_check, names_other_files, render_tree  # noqa: PLC0415

    checked = load_and_check(file, raw=raw)
    lz, diagnostics = checked.plan, checked.diagnostics
    if lz is None or raw is None or has_errors(diagnostics):
        _emit(diagnostics, fmt, to_stderr=fmt is Format.text)
        raise typer.Exit(1)
    if diagnostics:
        _emit(diagnostics, fmt, to_stderr=True)
    files = render_tree(lz, hashlib.sha256(raw).hexdigest())
    report = _write(files, out, dry_run=dry_run, allow_remove=allow_remove)
    if not dry_run and checked.org is not None and not names_other_files(checked.org):
        unchanged.remember(file, raw, out, files, diagnostics=diagnostics, stacks=len(lz.stacks))
    shown = Shown(verbose=verbose, quiet=quiet)
    _print_report(report, out, len(lz.stacks), dry_run=dry_run, allow=allow_remove, shown=shown)


def _read_bytes(file: Path) -> bytes | None:
    """The org file's bytes, read once: what is parsed is what is hashed. None when it cannot
    be read (the load stage then says why)."""
    try:
        return file.read_bytes()
    except OSError:
        return None


LISTED = 30  # changed files render lists one by one by default; past that, only the notable


@dataclass(frozen=True)
class Shown:
    """How much render prints: every changed file (``verbose``), nothing but warnings and
    errors (``quiet``), or by default the changed files up to ``LISTED``, past that only the
    removed and hand-edited ones."""

    verbose: bool = False
    quiet: bool = False


def _print_report(
    report: WriteReport,
    out: Path,
    stacks: int,
    *,
    dry_run: bool,
    allow: list[str],
    shown: Shown,
) -> None:
    for name in unmatched(report.removals, allow):
        note = f"note: --allow-remove {name}: nothing there that holds resources is removed"
        typer.echo(note, err=True)
    if shown.quiet:
        return
    rows = [(a, p) for a, p in report.rows() if a != "identical"]
    listed = rows
    if len(rows) > LISTED and not shown.verbose:
        listed = [(a, p) for a, p in rows if a == "remove" or p in report.hand_edited]
    for action, path in listed:
        note = " (had been edited by hand)" if path in report.hand_edited else ""
        typer.echo(f"{action:9} {path}{note}")
    verb = "would write" if dry_run else "wrote"
    typer.echo(
        f"{len(report.created)} create, {len(report.updated)} update, {len(report.removed)} "
        f"remove, {len(report.identical)} identical; "
        + (f"{verb} {out}" if report.changed else "nothing to write")
        + f" ({plural(stacks, 'stack')})"
    )
    if len(listed) < len(rows):
        typer.echo(
            f"({len(rows) - len(listed)} created and updated files not listed; -v lists them)"
        )


def _write(
    files: dict[str, str], out: Path, *, dry_run: bool, allow_remove: list[str]
) -> WriteReport:
    """write_tree, with its refusals reported on stderr as exit 1."""
    try:
        return write_tree(files, out, dry_run=dry_run, allow_remove=allow_remove)
    except RemovalError as exc:
        typer.echo(refusal_text(exc.removals, str(out)), err=True, nl=False)
        if any(path.endswith(f"/{MOVED_FILE}") for path in files):
            typer.echo(
                "note: renamed_from moves only what its old name named in this tree: if one of "
                "these was renamed, check that its renamed_from is the name it had",
                err=True,
            )
    except WriteError as exc:
        typer.echo(f"lzgen: error: {exc.message}", err=True)
        if exc.hint:
            typer.echo(f"  hint: {exc.hint}", err=True)
    raise typer.Exit(1)


CheckFormat = Annotated[
    Format, typer.Option("--format", "-f", help="Output format (text, json or sarif).")
]


@app.command(name="check")
def check_command(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="The org file the tree was rendered from. Without it, the tree is checked "
            "against its own manifest (hand edits and missing files only).",
            show_default=False,
        ),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="The committed tree.")] = Path("out"),
    fmt: CheckFormat = Format.text,
) -> None:
    """Exit 1 when the tree in OUT is not what `lzgen render FILE -o OUT` writes (stale,
    hand-edited, missing or extra generated files, or a .tf file lzgen does not manage in a
    stack); exit 0 when it is. Writes nothing."""
    from lzgen.check import CheckError, compare, read_tree  # noqa: PLC0415
    from lzgen.pipeline import load_and_check, render_tree  # noqa: PLC0415

    expected: dict[str, str] | None = None
    if file is not None:
        _require_file(file)
        checked = load_and_check(file)
        if checked.plan is None or has_errors(checked.diagnostics):
            _emit(checked.diagnostics, fmt, to_stderr=fmt is Format.text)
            raise typer.Exit(1)
        expected = render_tree(checked.plan, hashlib.sha256(file.read_bytes()).hexdigest())
    try:
        tree = read_tree(out, expected)
    except CheckError as exc:
        typer.echo(f"lzgen: error: {exc}", err=True)
        typer.echo(f"  hint: render it first: lzgen render {file or 'org.yaml'} -o {out}", err=True)
        raise typer.Exit(2) from None
    found = compare(tree, expected, tree_name=str(out), org_file=str(file) if file else None)
    _emit(found, fmt)
    if fmt is Format.text and not found:
        against = f"what `lzgen render {file}` writes" if file else "its manifest"
        typer.echo(f"{out}: up to date with {against} ({len(tree.texts)} files checked)")
    raise typer.Exit(1 if found else 0)


class PlanFormat(str, Enum):
    text = "text"
    json = "json"


@app.command(name="plan")
def plan_command(  # noqa: PLR0917 - typer passes every option as an argument
    directory: Annotated[Path, typer.Argument(help="A tree written by `lzgen render`.")],
    offline: Annotated[
        bool,
        typer.Option(
            "--offline",
            help="Plan without AWS credentials: fake credentials, no STS call, each stack in a "
            "scratch copy whose upstream state is its upstreams' planned outputs.",
        ),
    ] = False,
    changed: Annotated[
        bool,
        typer.Option(
            "--changed",
            help="Plan only the stacks whose files changed since --since, and the stacks that "
            "read their outputs. Offline, the stacks those read are planned too, for their "
            "outputs only (offline there is no state to read them from); they are shown as "
            "`upstream` and do not count for the exit code.",
        ),
    ] = False,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="REF|MANIFEST",
            help="With --changed: the git ref to compare with (default: the merge base of "
            "HEAD and the default branch), or a previous lzgen.manifest.json.",
            show_default=False,
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Stacks planned at once (default: the CPU count). A stack waits for the "
            "stacks it reads (and, planned for real, depends on).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        PlanFormat,
        typer.Option(
            "--format",
            "-f",
            help='The summary: a table, or JSON ({"stacks": [{"path", "status", "add", '
            '"change", "destroy", "replace"}]}) alone on stdout.',
        ),
    ] = PlanFormat.text,
    keep_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Keep each stack's plan as JSON in DIR/<stack>/tfplan.json (the tree's "
            ".gitignore leaves it out of git), for `checkov -f` on resolved values.",
        ),
    ] = False,
    terraform: Annotated[str, typer.Option(help="Terraform binary.")] = "terraform",
) -> None:
    """Init and plan the stacks of a tree, independent stacks in parallel.

    Without --offline each stack is planned in its own directory with your AWS credentials and
    its backend (`init`, `plan -detailed-exitcode` saved as DIR/<stack>/tfplan, written whole).
    Progress goes to stderr, the summary to stdout. Exit codes, as terraform's
    -detailed-exitcode: 0 no changes, 2 changes in at least one stack, 1 a stack failed (or was
    skipped because a stack it reads failed), 130 interrupted (Ctrl-C). A usage error (bad
    flag, no manifest, unknown --since ref) also exits 2, but before any stack is planned and
    with `lzgen: error:` on stderr.
    """
    if since is not None and not changed:
        typer.echo("lzgen: error: --since needs --changed", err=True)
        raise typer.Exit(2)
    try:
        prepared = prepare(
            directory, terraform=terraform, offline=offline, changed=changed, since=since
        )
    except PlanError as exc:
        typer.echo(f"lzgen: error: {exc}", err=True)
        raise typer.Exit(2) from None
    err = Console(stderr=True, highlight=False)
    if prepared.selection is not None:
        _say_selection(err, prepared)
    progress = progress_for(prepared.stacks)
    interrupted = False
    try:
        with progress:
            results = execute(
                directory,
                prepared,
                offline=offline,
                jobs=jobs or default_jobs(),
                terraform=terraform,
                keep_json=keep_json,
                events=progress,
            )
    except RunInterrupted as stop:
        results, interrupted = stop.results, True
    except KeyboardInterrupt:  # before any stack started, or a second Ctrl-C while stopping
        typer.echo("lzgen: interrupted", err=True)
        raise typer.Exit(130) from None
    results = results + removed_results(prepared)
    print_failures(results, err)
    if fmt is PlanFormat.json:
        typer.echo(to_json(results))
    else:
        print_table(results)
    if interrupted:
        planned = sum(r.ok for r in results)
        stopped = [r.path for r in results if r.status is Status.interrupted]
        waiting = sum(r.status is Status.not_started for r in results)
        err.print(
            f"lzgen: interrupted: {planned} of {plural(len(results), 'stack')} planned; "
            "stopped while "
            f"planning: {', '.join(stopped) or 'none'}; not started: {waiting}",
            soft_wrap=True,
        )
        raise typer.Exit(130)
    raise typer.Exit(exit_code(results))


def _say_selection(err: Console, prepared: Prepared) -> None:
    selection = prepared.selection
    assert selection is not None
    readers = [p for p in selection.selected if p not in selection.changed]
    err.print(f"--changed against {selection.against}:", soft_wrap=True)
    err.print(f"  changed: {', '.join(selection.changed) or 'no stack'}", soft_wrap=True)
    if readers:
        err.print(f"  reading them: {', '.join(readers)}", soft_wrap=True)
    upstream = [s.path for s in prepared.stacks if not s.selected]
    if upstream:
        err.print(
            f"  planned for their outputs only (offline, no state to read): {', '.join(upstream)}",
            soft_wrap=True,
        )
    for path in selection.removed:
        err.print(f"  removed: {path} (no longer in the tree: nothing to plan)", soft_wrap=True)


def _direction_lines(doc: Document, direction: Direction) -> list[str]:
    state = "reachable" if direction.reachable else "not reachable"
    lines = [f"{direction.source} -> {direction.destination}: {state}"]
    lines += [f"  {n}. {hop}" for n, hop in enumerate(direction.hops, 1)]
    if direction.missing is not None:
        line, column = doc.locate(direction.missing.at)
        lines.append(f"  missing: {direction.missing.reason}")
        lines.append(f"  fix: {direction.missing.fix} ({doc.file}:{line}:{column})")
    return lines


@app.command(name="path")
def path_command(
    file: FileArg,
    source: Annotated[
        str, typer.Argument(metavar="FROM", help="A VPC, VPN connection or external peering name.")
    ],
    target: Annotated[
        str, typer.Argument(metavar="TO", help="A VPC, VPN connection or external peering name.")
    ],
) -> None:
    """Trace the network path both ways between two VPCs (or a VPC and a VPN's on-premises
    ranges): print the hops, or the missing hop and where the YAML that adds it goes. Exit 0
    when both ways are reachable, 1 when not (or the file is not an org file's shape)."""
    from lzgen.reachability import Network  # noqa: PLC0415

    # the shape only: the path is the answer to a rule's error, such as LZ4104's
    doc, org = _shaped(file)
    network = Network(org)
    ends = []
    for name in (source, target):
        end = network.endpoint(name)
        if end is None:
            hint = did_you_mean(name, network.names())
            typer.echo(
                f"lzgen: error: no VPC, VPN connection or external peering named {name!r}; {hint}",
                err=True,
            )
            raise typer.Exit(2)
        ends.append(end)
    found = network.path(ends[0], ends[1])
    for direction in (found.forward, found.back):
        typer.echo("\n".join(_direction_lines(doc, direction)))
    raise typer.Exit(0 if found.reachable else 1)


class GraphFormat(str, Enum):
    mermaid = "mermaid"
    dot = "dot"
    svg = "svg"


class GraphView(str, Enum):
    network = "network"
    stacks = "stacks"


@app.command(name="graph")
def graph_command(
    file: FileArg,
    fmt: Annotated[
        GraphFormat, typer.Option("--format", "-f", help="mermaid, Graphviz dot, or svg.")
    ] = GraphFormat.mermaid,
    view: Annotated[
        GraphView,
        typer.Option(
            help="network: OUs, accounts, VPCs, TGWs, VPNs, peerings, RAM shares; "
            "stacks: the tree's stacks and what each depends on."
        ),
    ] = GraphView.network,
) -> None:
    """Print a picture of the landing zone (svg needs Graphviz's dot on PATH)."""
    from lzgen.graph import (  # noqa: PLC0415
        GraphvizError,
        network_picture,
        stacks_picture,
        to_dot,
        to_mermaid,
        to_svg,
    )
    from lzgen.pipeline import load_and_check  # noqa: PLC0415

    _require_file(file)
    checked = load_and_check(file)
    if checked.org is None or checked.plan is None:
        _emit(checked.diagnostics, Format.text, to_stderr=True)
        raise typer.Exit(1)
    picture = (
        network_picture(checked.org) if view is GraphView.network else stacks_picture(checked.plan)
    )
    if fmt is GraphFormat.mermaid:
        typer.echo(to_mermaid(picture), nl=False)
        return
    try:
        text = to_dot(picture) if fmt is GraphFormat.dot else to_svg(to_dot(picture))
    except GraphvizError as exc:
        typer.echo(f"lzgen: error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(text, nl=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the org YAML (for editor completion and checks)."""
    from lzgen.schema import schema_text  # noqa: PLC0415

    typer.echo(schema_text(), nl=False)


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Where to write the starter file.")] = Path(
        "org.yaml"
    ),
) -> None:
    """Write a starter org.yaml (never overwrites; creates missing parent folders)."""
    from lzgen.package_data import data_dir  # noqa: PLC0415

    starter = (data_dir("templates") / "starter" / "org.yaml").read_text(encoding="utf-8")
    if path.exists():
        typer.echo(f"lzgen: error: {path} exists; not overwriting it", err=True)
        raise typer.Exit(2)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:  # never over a file made meanwhile
            handle.write(starter)
    except OSError as exc:
        typer.echo(f"lzgen: error: cannot write {path}: {exc.strerror or exc}", err=True)
        typer.echo("  hint: choose a folder you can write to", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"wrote {path}; next: lzgen validate {path}")


@app.command()
def blueprints(
    file: Annotated[
        Path | None,
        typer.Argument(
            help="An org file: also list its own blueprints (service_catalog.blueprints)."
        ),
    ] = None,
) -> None:
    """List the blueprints products may name: lzgen's, and an org file's own folder's."""
    from lzgen.blueprints import blueprint_text, load_catalog  # noqa: PLC0415

    org = _shaped(file)[1] if file is not None else None
    user = org.service_catalog.blueprints if org and org.service_catalog else None
    catalog = load_catalog(file.parent if file else None, user)
    for blueprint in catalog.blueprints.values():
        typer.echo(blueprint_text(blueprint))
    for problem in catalog.problems:
        where = f"{problem.blueprint}: " if problem.blueprint else ""
        typer.echo(f"lzgen: error: {user}: {where}{problem.message}", err=True)
    raise typer.Exit(1 if catalog.problems else 0)


@app.command()
def rules() -> None:
    """List every validation rule with its code."""
    from lzgen.rules import ALL_RULES, PIPELINE_CODES, PLAN_RULES  # noqa: PLC0415

    listed = [(r.code, r.summary) for r in ALL_RULES]
    listed += [(r.code, r.summary) for r in PLAN_RULES] + list(PIPELINE_CODES)
    for code, summary in sorted(listed):
        typer.echo(f"{code}  {summary}")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lzgen {__version__}")
        raise typer.Exit


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    del version


def main() -> None:
    """Console entry point: typer app with a last-resort guard against tracebacks."""
    try:
        app()
    except Exception as exc:  # noqa: BLE001 - last line of defence for users
        if os.environ.get("LZGEN_DEBUG"):
            traceback.print_exc()
        typer.echo(
            f"lzgen: internal error: {type(exc).__name__}: {exc} "
            "(set LZGEN_DEBUG=1 for details and please report it)",
            err=True,
        )
        sys.exit(70)


__all__ = ["app", "main"]
