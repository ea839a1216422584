"""Diagnostic output formats: text (colored on a TTY), editor lines, JSON and SARIF."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from lzgen import __version__
from lzgen.diagnostics import Diagnostic, Severity

FORMATS = ("text", "editor", "json", "sarif")

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def format_text(diagnostics: Sequence[Diagnostic], *, color: bool = False) -> str:
    lines: list[str] = []
    for d in diagnostics:
        sev = d.severity.value
        if color:
            sev = f"{_COLORS[d.severity]}{_BOLD}{sev}{_RESET}"
        lines.append(f"{d.file}:{d.line}:{d.column}: {sev} {d.code}: {d.message}")
        if d.path:
            lines.append(f"  at {d.path}")
        lines.extend(f"  see also {other}" for other in d.related)
        if d.hint:
            hint = f"hint: {d.hint}"
            lines.append(f"  {_DIM}{hint}{_RESET}" if color else f"  {hint}")
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    lines.append(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    return "\n".join(lines) + "\n"


def format_editor(diagnostics: Sequence[Diagnostic]) -> str:
    return "".join(f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}\n" for d in diagnostics)


def _as_dict(d: Diagnostic) -> dict[str, Any]:
    return {
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message,
        "file": d.file,
        "line": d.line,
        "column": d.column,
        "path": d.path,
        "hint": d.hint,
        "related": [{"file": r.file, "line": r.line, "column": r.column} for r in d.related],
    }


def format_json(diagnostics: Sequence[Diagnostic]) -> str:
    return json.dumps({"diagnostics": [_as_dict(d) for d in diagnostics]}, indent=2) + "\n"


def format_sarif(diagnostics: Sequence[Diagnostic]) -> str:
    def region(file: str, line: int, column: int) -> dict[str, Any]:
        return {
            "physicalLocation": {
                "artifactLocation": {"uri": file},
                "region": {"startLine": line, "startColumn": column},
            }
        }

    results = [
        {
            "ruleId": d.code,
            "level": d.severity.value,
            "message": {"text": f"{d.message}" + (f" ({d.hint})" if d.hint else "")},
            "locations": [region(d.file, d.line, d.column)],
            "relatedLocations": [region(r.file, r.line, r.column) for r in d.related],
        }
        for d in diagnostics
    ]
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "lzgen",
                        "version": __version__,
                        "rules": [{"id": c} for c in sorted({d.code for d in diagnostics})],
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(sarif, indent=2) + "\n"


def format_diagnostics(diagnostics: Sequence[Diagnostic], fmt: str, *, color: bool = False) -> str:
    if fmt == "json":
        return format_json(diagnostics)
    if fmt == "sarif":
        return format_sarif(diagnostics)
    if fmt == "editor":
        return format_editor(diagnostics)
    return format_text(diagnostics, color=color)


def plural(count: int, noun: str) -> str:
    """``1 stack``, ``2 stacks``: a count and its noun, in the right number."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
