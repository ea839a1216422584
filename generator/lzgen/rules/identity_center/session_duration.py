"""LZ4203: a permission set's session lasts 1 to 12 hours, the range AWS accepts."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.plan.identity_center import session_minutes
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ4203"
MIN_MINUTES = 60
MAX_MINUTES = 12 * 60


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    ic = ctx.org.identity_center
    if ic is None:
        return
    for i, ps in enumerate(ic.permission_sets):
        minutes = session_minutes(ps.session_duration)
        if MIN_MINUTES <= minutes <= MAX_MINUTES:
            continue
        yield ctx.doc.diagnostic(
            CODE,
            f"permission set '{ps.name}' has a session of {minutes} minutes; Identity Center "
            "accepts 1 to 12 hours",
            ("identity_center", "permission_sets", i, "session_duration"),
            hint="use PT1H to PT12H (PT1H30M for an hour and a half)",
        )


RULE = Rule(CODE, "permission set sessions last 1 to 12 hours", check)
