"""What ``lzgen plan`` shows while it runs, on stderr.

On a terminal: a live display (rich) of stacks done, running and waiting, the time elapsed and
the stacks running now, with a line printed above it as each stack finishes. Elsewhere (CI
logs): that line only, one per finished stack. ``NO_COLOR`` turns colour off (rich reads it).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from types import TracebackType

from rich.console import Console, Group, RenderableType
from rich.live import Live
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from lzgen.stack_plans.results import StackResult, Status
from lzgen.stack_plans.schedule import Stack

STYLE = {
    Status.changes: "yellow",
    Status.no_changes: "green",
    Status.upstream: "dim",
    Status.failed: "bold red",
    Status.skipped: "red",
    Status.interrupted: "magenta",
    Status.not_started: "dim",
    Status.removed: "dim",
}
LABEL = {
    Status.changes: "changes",
    Status.no_changes: "no changes",
    Status.upstream: "upstream",
    Status.failed: "FAILED",
    Status.skipped: "skipped",
    Status.interrupted: "interrupted",
    Status.not_started: "not started",
    Status.removed: "removed",
}


def result_line(result: StackResult, done: int, total: int) -> Text:
    width = len(str(total))
    summary = result.summary
    if result.status is Status.upstream:
        summary = f"planned for outputs only ({summary})"
    line = Text(f"[{done:>{width}}/{total}] ")
    line.append(f"{LABEL[result.status]:<11}", style=STYLE[result.status])
    line.append(f" {result.path}  {result.seconds:.1f}s  {summary}")
    return line


class LineProgress:
    """One line per finished stack (not a terminal)."""

    def __init__(self, stacks: Sequence[Stack], console: Console) -> None:
        self.total = len(stacks)
        self.done = 0
        self.console = console

    def __enter__(self) -> LineProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        pass

    def started(self, stack: Stack) -> None:
        pass

    def finished(self, result: StackResult) -> None:
        if result.status is Status.not_started:
            return
        self.done += 1
        self.console.print(result_line(result, self.done, self.total), soft_wrap=True)


class LiveProgress(LineProgress):
    """The line per finished stack, under it a live display of what runs and waits."""

    def __init__(self, stacks: Sequence[Stack], console: Console) -> None:
        super().__init__(stacks, console)
        self.running: dict[str, float] = {}
        self.bar = Progress(
            TextColumn("[bold]lzgen plan"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[state]}"),
            TimeElapsedColumn(),
            console=console,
        )
        self.task = self.bar.add_task("plan", total=self.total, state=self._state())
        self.live = Live(
            Group(self.bar, _Running(self)), console=console, refresh_per_second=8, transient=False
        )

    def _state(self) -> str:
        waiting = self.total - self.done - len(self.running)
        return f"done {self.done} · running {len(self.running)} · waiting {waiting}"

    def __enter__(self) -> LiveProgress:
        self.live.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.running.clear()
        self.bar.update(self.task, state=self._state())
        self.live.stop()

    def started(self, stack: Stack) -> None:
        self.running[stack.path] = time.monotonic()
        self.bar.update(self.task, state=self._state())

    def finished(self, result: StackResult) -> None:
        self.running.pop(result.path, None)
        super().finished(result)
        self.bar.update(self.task, completed=self.done, state=self._state())


class _Running:
    """The stacks running now, each with its time so far."""

    def __init__(self, progress: LiveProgress) -> None:
        self.progress = progress

    def __rich__(self) -> RenderableType:
        now = time.monotonic()
        lines = [
            Text(f"  running {path}  {now - start:.0f}s", style="cyan")
            for path, start in list(self.progress.running.items())
        ]
        return Group(*lines)


def progress_for(stacks: Sequence[Stack], *, quiet: bool = False) -> LineProgress:
    """The display for stderr: live on a terminal, lines elsewhere, nothing when ``quiet``."""
    console = Console(stderr=True, quiet=quiet, highlight=False)
    if console.is_terminal and not quiet:
        return LiveProgress(stacks, console)
    return LineProgress(stacks, console)
