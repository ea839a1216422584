"""Terraform settings every stack shares: the AWS provider version constraint.

One setting for every stack's ``required_providers``, so a thousand stacks cannot drift apart
in provider version. Its syntax is checked here; whether it admits a 5.x release is a rule
(LZ2026), since lzgen renders for ``hashicorp/aws`` 5.x.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from lzgen.model.common import StrictModel

# the provider minor lzgen's output is tested with (validate, plan, apply against moto)
DEFAULT_AWS_PROVIDER_VERSION = "~> 5.100.0"

_OPERATORS = ("!=", ">=", "<=", "~>", "=", ">", "<")  # two-character operators first
_TERM = r"\s*(?:(?:!=|>=|<=|~>|=|>|<)\s*)?[0-9]+(?:\.[0-9]+){0,2}(?:-[0-9A-Za-z][0-9A-Za-z.-]*)?\s*"
# one or more comma-separated terms, each an optional operator and a version
CONSTRAINT_PATTERN = rf"^{_TERM}(?:,{_TERM})*$"
_CONSTRAINT = re.compile(CONSTRAINT_PATTERN)
CONSTRAINT_HINT = (
    "a Terraform version constraint is one or more comma-separated terms, each an operator "
    '(=, !=, >, >=, <, <=, ~>) and a version: "~> 5.100.0", or ">= 5.40, < 6.0"'
)

Version = tuple[int, int, int]


def _check_constraint(value: str) -> str:
    if not _CONSTRAINT.match(value):
        raise PydanticCustomError(
            "version_constraint", "not a Terraform version constraint", {"hint": CONSTRAINT_HINT}
        )
    return value


VersionConstraint = Annotated[
    str,
    AfterValidator(_check_constraint),
    Field(json_schema_extra={"pattern": CONSTRAINT_PATTERN}),
]


class TerraformSettings(StrictModel):
    """What every rendered stack's ``versions.tf`` requires."""

    # the hashicorp/aws version constraint of every stack's required_providers
    aws_provider_version: VersionConstraint = DEFAULT_AWS_PROVIDER_VERSION


def _terms(constraint: str) -> list[tuple[str, Version, int]]:
    """(operator, version padded to three parts, parts given) of each term; prerelease tags
    are dropped (Terraform selects a prerelease only by an exact match)."""
    terms = []
    for raw in constraint.split(","):
        term = raw.strip()
        op = next((o for o in _OPERATORS if term.startswith(o)), "=")
        number = term[len(op) :].strip() if term.startswith(op) else term
        parts = [int(p) for p in number.split("-", 1)[0].split(".")]
        padded = (*parts, 0, 0)[:3]
        terms.append((op, (padded[0], padded[1], padded[2]), len(parts)))
    return terms


def _next_patch(v: Version) -> Version:
    return (v[0], v[1], v[2] + 1)


def admits_major(constraint: str, major: int) -> bool:
    """Whether a syntactically valid ``constraint`` admits some release ``major``.x.y.

    Each term bounds the versions from below (inclusive) or above (exclusive), or excludes one
    version (``!=``); the bounds meet in one range, from which finitely many versions are
    excluded, so walking up from its lowest version finds an admitted one if there is one.
    """
    low: Version = (major, 0, 0)
    high: Version = (major + 1, 0, 0)  # exclusive
    excluded: set[Version] = set()
    for op, v, given in _terms(constraint):
        if op == "!=":
            excluded.add(v)
            continue
        if op in ("=", ">=", ">", "~>"):
            low = max(low, _next_patch(v) if op == ">" else v)
        if op in ("=", "<=", "<", "~>"):
            if op == "~>":
                upper = (v[0], v[1] + 1, 0) if given == 3 else (v[0] + 1, 0, 0)
            else:
                upper = v if op == "<" else _next_patch(v)
            high = min(high, upper)
    candidate = low
    while candidate in excluded:
        candidate = _next_patch(candidate)
    return candidate < high
