"""LZ7020: current log objects do not expire before their object lock retention is over.

``baseline.log_retention.expire_days`` shorter than ``days`` asks the lifecycle to expire
objects that object lock still protects: S3 only hides them behind delete markers, the locked
versions stay (and are billed) until the retention ends.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ7020"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    baseline = ctx.org.baseline
    if baseline is None:
        return
    retention = baseline.log_retention
    if retention.expire_days is not None and retention.expire_days < retention.days:
        yield ctx.doc.diagnostic(
            CODE,
            f"log objects expire after {retention.expire_days} days, before their"
            f" {retention.days}-day object lock retention is over",
            ("baseline", "log_retention", "expire_days"),
            hint=f"set expire_days to {retention.days} or more, or leave it out to keep the logs",
        )


RULE = Rule(CODE, "log objects do not expire before their retention is over", check)
