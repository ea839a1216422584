"""LZ7103 (warning): ``baseline.attach`` names the management account, which no service control
policy reaches.

SCPs never restrict the management account, neither the core guardrails at the root nor the
library policies attached to it: an attachment there protects nothing, and whatever runs in
the management account is guarded by IAM alone. Every member account is reached by the core
guardrails whenever ``baseline:`` exists.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, Severity
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ7103"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    if ctx.org.baseline is None:
        return
    management_id = ctx.org.organization.management_account_id
    for k, name in enumerate(ctx.org.baseline.attach.accounts):
        found = ctx.accounts.get(name)
        if found is None or found[1].id != management_id:
            continue  # undeclared: LZ7005
        yield ctx.doc.diagnostic(
            CODE,
            f"account '{name}' is the management account: no service control policy reaches "
            "it, so this attachment protects nothing",
            ("baseline", "attach", "accounts", k),
            severity=Severity.WARNING,
            hint="remove it from attach; keep workloads out of the management account, where "
            "only IAM guards them",
        )


RULE = Rule(CODE, "service control policies are not attached to the management account", check)
