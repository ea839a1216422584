"""LZ4201: an Identity Center assignment names a declared group, permission set, accounts and
OUs, and targets at least one of them."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ4201"


def _unknown(kind: str, name: str, known: list[str]) -> tuple[str, str]:
    hint = did_you_mean(name, known) if known else f"declare it under identity_center.{kind}s"
    return f"unknown {kind.replace('_', ' ')} '{name}'", hint


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    ic = ctx.org.identity_center
    if ic is None:
        return
    groups = [g.name for g in ic.groups]
    sets = [ps.name for ps in ic.permission_sets]
    for i, assignment in enumerate(ic.assignments):
        path = ("identity_center", "assignments", i)
        for kind, name, known in (
            ("group", assignment.group, groups),
            ("permission_set", assignment.permission_set, sets),
        ):
            if name not in known:
                message, hint = _unknown(kind, name, known)
                yield ctx.doc.diagnostic(
                    CODE, f"assignment {i + 1} names {message}", (*path, kind), hint=hint
                )
        for missing in ctx.undeclared(assignment.accounts, assignment.ous, path):
            yield ctx.doc.diagnostic(
                CODE,
                f"assignment {i + 1} names unknown {missing.kind} '{missing.name}'",
                missing.path,
                hint=missing.suggestion or f"declare the {missing.kind} first",
            )
        if not assignment.accounts and not assignment.ous:
            yield ctx.doc.diagnostic(
                CODE,
                f"assignment {i + 1} of '{assignment.permission_set}' to '{assignment.group}' "
                "names no account and no OU",
                path,
                hint="add `accounts: [<names>]` or `ous: [<OU paths>]`",
            )


RULE = Rule(
    CODE,
    "Identity Center assignments name declared groups, permission sets, accounts and OUs",
    check,
)
