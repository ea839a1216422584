"""LZ4206 (a warning): an assignment reaches the management account.

AWS's advice is to keep people out of the management account: it is not subject to service
control policies, and anyone there administers the whole organization. A delegated
administrator cannot manage such an assignment either. Assign break-glass access on purpose,
to a dedicated group, and accept the warning there.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, Severity
from lzgen.load import YamlPath
from lzgen.model.organization import in_ou
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ4206"


def management_targets(ctx: RuleContext) -> Iterator[tuple[int, YamlPath, str]]:
    """(assignment index, YAML path, account name or OU path) of each target that reaches the
    management account."""
    ic = ctx.org.identity_center
    if ic is None:
        return
    management = ctx.org.organization.management_account_id
    names = {a.name for a in ctx.org.accounts if a.id == management}
    for i, assignment in enumerate(ic.assignments):
        path = ("identity_center", "assignments", i)
        for k, name in enumerate(assignment.accounts):
            if name in names:
                yield i, (*path, "accounts", k), name
        for k, ou in enumerate(assignment.ous):
            if any(a.id == management and in_ou(a, ou) for a in ctx.org.accounts):
                yield i, (*path, "ous", k), ou


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    ic = ctx.org.identity_center
    if ic is None or ic.delegated_admin is not None:
        return  # a delegated administrator cannot assign there at all (LZ4207)
    for i, path, name in management_targets(ctx):
        assignment = ic.assignments[i]
        yield ctx.doc.diagnostic(
            CODE,
            f"assignment {i + 1} gives '{assignment.group}' permission set "
            f"'{assignment.permission_set}' in the management account (through {name!r})",
            path,
            severity=Severity.WARNING,
            hint="keep people out of the management account (service control policies do "
            "not apply there): assign member accounts, or a break-glass group only",
        )


RULE = Rule(CODE, "assignments keep out of the management account (a warning)", check)
