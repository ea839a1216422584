"""The summary after a run: a table of adds, changes, destroys and replacements per stack
(destroys and replacements highlighted), or with ``--format json`` the same as
``{"stacks": [{"path", "status", "add", "change", "destroy", "replace"}, ...]}``."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from lzgen.report import plural
from lzgen.stack_plans.progress import LABEL, STYLE
from lzgen.stack_plans.results import PLANNED, StackResult, Status


def to_json(results: Sequence[StackResult]) -> str:
    stacks = [
        {
            "path": r.path,
            "status": r.status.value,
            "add": r.counts.add,
            "change": r.counts.change,
            "destroy": r.counts.destroy,
            "replace": r.counts.replace,
        }
        for r in results
    ]
    return json.dumps({"stacks": stacks}, indent=2)


def _number(value: int, *, alarm: bool) -> Text:
    if not value:
        return Text("0", style="dim")
    return Text(str(value), style="bold red" if alarm else "")


def table(results: Sequence[StackResult]) -> Table:
    grid = Table(title="lzgen plan", title_justify="left", caption=totals(results))
    grid.caption_justify = "left"
    grid.add_column("stack", overflow="fold")
    grid.add_column("status")
    for name in ("add", "change", "destroy", "replace"):
        grid.add_column(name, justify="right")
    grid.add_column("time", justify="right")
    for r in results:
        label = LABEL[r.status] + (" (outputs only)" if r.status is Status.upstream else "")
        planned = r.status in PLANNED
        grid.add_row(
            Text(r.path, style="dim" if r.status is Status.upstream else ""),
            Text(label, style=STYLE[r.status]),
            *(
                [
                    _number(r.counts.add, alarm=False),
                    _number(r.counts.change, alarm=False),
                    _number(r.counts.destroy, alarm=True),
                    _number(r.counts.replace, alarm=True),
                ]
                if planned
                else [Text("-", style="dim")] * 4
            ),
            f"{r.seconds:.1f}s" if r.seconds else "",
        )
    return grid


def totals(results: Sequence[StackResult]) -> str:
    found = Counter(r.status for r in results)
    parts = [f"{n} {LABEL[s]}" for s, n in found.items() if n]
    return f"{plural(len(results), 'stack')}: " + ", ".join(parts)


def print_table(results: Sequence[StackResult], console: Console | None = None) -> None:
    console = console or Console(highlight=False)
    if not results:
        console.print("lzgen plan: no stack to plan")
        return
    if not console.is_terminal:  # a log file or pipe: never cut a stack path short
        widest = max((len(r.path) for r in results), default=10)
        console.width = max(console.width, widest + 60)
    console.print(table(results))


def print_failures(results: Sequence[StackResult], console: Console) -> None:
    """Terraform's output of each failed stack (its last 4,000 characters)."""
    for r in results:
        if r.status is Status.failed and r.log:
            console.rule(f"{r.path}: {r.message}", style="red")
            console.print(Text(r.log[-4000:].rstrip()), soft_wrap=True)
