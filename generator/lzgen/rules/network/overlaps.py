"""Shared by the rules for connected networks (LZ3012-LZ3014): find overlapping CIDRs fast and
report a conflict on the node listed later in the file, citing the earlier one."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.rules.base import RuleContext

T = TypeVar("T")


def overlapping_pairs(
    items: Iterable[tuple[ipaddress.IPv4Network, T]],
) -> Iterator[tuple[T, T]]:
    """Every pair of items whose networks overlap, each pair once. Sorted by first address
    and swept, so a large set with few overlaps stays O(n log n)."""
    ranges = sorted(
        (
            (start, start | ((1 << (32 - n.prefixlen)) - 1), k, item)
            for k, (n, item) in enumerate(items)
            for start in (int(n.network_address),)
        ),
        key=lambda r: (r[0], r[2]),
    )
    open_ranges: list[tuple[int, int, int, T]] = []
    for start, end, k, item in ranges:
        open_ranges = [r for r in open_ranges if r[1] >= start]
        for other in open_ranges:
            yield other[3], item
        open_ranges.append((start, end, k, item))


@dataclass(frozen=True)
class Side(Generic[T]):
    """One side of an overlap: ``label`` for the message ("VPC 'a' (10.0.0.0/16)"), ``name``
    for the hint ("VPC 'a'"), ``path`` of its CIDR node, and what the caller needs (``ref``)."""

    label: str
    name: str
    path: YamlPath
    ref: T


def conflict(
    ctx: RuleContext,
    code: str,
    a: Side[T],
    b: Side[T],
    *,
    why: str,
    fix: str,
    also: tuple[YamlPath, ...] = (),
) -> Diagnostic:
    """``a`` and ``b`` overlap: reported at whichever CIDR is later in the file, with the
    other one first in ``related`` (then ``also``)."""
    later, earlier = (a, b) if ctx.doc.locate(a.path) >= ctx.doc.locate(b.path) else (b, a)
    line, column = ctx.doc.locate(earlier.path)
    return ctx.doc.diagnostic(
        code,
        f"{later.label} overlaps {earlier.label}; {why}",
        later.path,
        related=(earlier.path, *also),
        hint=f"{earlier.name} is at line {line}, column {column}; {fix}",
    )
