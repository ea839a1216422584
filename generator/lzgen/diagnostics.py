"""Diagnostics: the one currency every stage uses to talk about bad input.

A diagnostic points at the YAML node that is wrong (file, 1-based line and column, YAML path)
and, where two nodes conflict, names the other one in ``related``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Location:
    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    file: str
    line: int
    column: int
    path: str = ""
    hint: str = ""
    related: tuple[Location, ...] = field(default=())

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Stable order, duplicates (same code at the same place) removed."""
    seen: set[tuple[str, str, int, int, str]] = set()
    unique: list[Diagnostic] = []
    for d in sorted(diagnostics, key=Diagnostic.sort_key):
        key = (d.code, d.file, d.line, d.column, d.message)
        if key not in seen:
            seen.add(key)
            unique.append(d)
    return unique


def did_you_mean(word: str, candidates: Sequence[str]) -> str:
    """A hint naming the closest candidate, or the list of valid ones when none is close."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if not candidates:
        return ""
    shown = ", ".join(sorted(candidates)[:12])
    more = "" if len(candidates) <= 12 else f" (and {len(candidates) - 12} more)"
    return f"valid values: {shown}{more}"


def format_path(path: Sequence[str | int]) -> str:
    """``("vpcs", 0, "cidr")`` -> ``vpcs[0].cidr``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
