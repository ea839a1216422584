"""LZ4102: a directory's ``short_name`` is a NetBIOS name AWS Managed Microsoft AD accepts.

CreateMicrosoftAD's ``ShortName`` pattern is ``^[^\\/:*?"<>|.]+[^\\/:*?"<>|]*$``: none of
``\\ / : * ? " < > |`` and no leading period. NetBIOS names have at most 15 characters, and
lzgen refuses whitespace too (a name with a space is a trap in every script that joins the
domain).
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ4102"
MAX_LENGTH = 15
FORBIDDEN = '\\/:*?"<>|'


def problem(name: str) -> str | None:
    """Why ``name`` is not a valid NetBIOS name for Managed AD, or None."""
    if not name:
        return "is empty"
    if len(name) > MAX_LENGTH:
        return f"is {len(name)} characters long; a NetBIOS name has at most {MAX_LENGTH}"
    if name.startswith("."):
        return "starts with a period"
    bad = sorted({c for c in name if c in FORBIDDEN or c.isspace()})
    if bad:
        shown = " ".join(repr(c) for c in bad)
        return f"contains {shown}"
    return None


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for d, directory in enumerate(ctx.org.directories):
        why = problem(directory.short_name)
        if why is not None:
            yield ctx.doc.diagnostic(
                CODE,
                f"short_name '{directory.short_name}' of directory '{directory.name}' {why}",
                ("directories", d, "short_name"),
                hint=f"a NetBIOS name has 1-{MAX_LENGTH} characters, no spaces, none of "
                f"{FORBIDDEN}, and no leading period; usually the first label of the domain "
                "in capitals, such as CORP",
            )


RULE = Rule(CODE, "directory short names are valid NetBIOS names", check)
