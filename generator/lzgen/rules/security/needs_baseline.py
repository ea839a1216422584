"""LZ7303: ``security:`` needs ``baseline:``: Config recorders and GuardDuty's findings export
deliver to the log archive bucket, which the baseline creates."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ7303"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    if ctx.org.security is not None and ctx.org.baseline is None:
        yield ctx.doc.diagnostic(
            CODE,
            "security services deliver to the log archive, but the file has no baseline",
            ("security",),
            hint="add `baseline: { log_archive_account: <account> }`",
        )


RULE = Rule(CODE, "security services have a log archive (baseline)", check)
