"""LZ7021: alarm subscriptions need the organization trail, whose log group the CIS metric
filters read."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ7021"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    baseline = ctx.org.baseline
    if baseline is None or baseline.organization_trail or not baseline.alarms.emails:
        return
    yield ctx.doc.diagnostic(
        CODE,
        "baseline.alarms.emails are given, but there is no organization trail to raise alarms",
        ("baseline", "alarms", "emails"),
        related=(("baseline", "organization_trail"),),
        hint="set `organization_trail: true` (the CIS alarms read its log group), or remove"
        " `alarms.emails`",
    )


RULE = Rule(CODE, "alarm subscriptions have an organization trail to alarm on", check)
