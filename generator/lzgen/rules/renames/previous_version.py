"""LZ2028: the file's previous version (its renames undone, lzgen.model.renames) checks.

Render plans the previous version to find what each rename moves. It is the file with the old
names back, so it checks unless an old name clashes with what the references say now (an old
name another kind of thing's reference means, say); then the rename is reported, with the first
problem of the previous version, instead of moves that would be wrong.
"""

from __future__ import annotations

from collections.abc import Sequence

from lzgen.diagnostics import Diagnostic, has_errors
from lzgen.model.renames import Rename
from lzgen.rules.base import RuleContext

CODE = "LZ2028"
SUMMARY = "the file with its renames undone checks (render plans it to find the moves)"


def check(
    ctx: RuleContext, found: Sequence[Rename], problems: Sequence[Diagnostic]
) -> list[Diagnostic]:
    """Diagnostics at every ``renamed_from`` when the previous version has errors."""
    if not has_errors(list(problems)):
        return []
    first = next(p for p in problems if p.severity.value == "error")
    return [
        ctx.doc.diagnostic(
            CODE,
            f"{rename.label}: with its renames undone the file does not check "
            f"({first.code} {first.message})",
            (*rename.at, "renamed_from"),
            hint="rename one thing at a time, or give the old names that the file had",
        )
        for rename in found
    ]
