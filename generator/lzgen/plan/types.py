"""The plan's output types: stacks, the files each renders, the whole landing zone."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FileSpec:
    """One output file: which template renders it, with what context."""

    path: str
    template: str
    context: dict[str, Any] = field(hash=False)


ORGANIZATION = "organization"
ORGANIZATION_TRAIL = "organization-trail"


@dataclass(frozen=True)
class StackPart:
    """What one capability contributes to one stack.

    ``home`` is an ``(account name, region)`` pair, or, for the management account's stacks in
    the home region (no role assumed), the stack's path: ``ORGANIZATION`` for the organization
    stack, ``ORGANIZATION_TRAIL`` for the trail, which must wait for the log archive. Several
    capabilities may contribute to one stack, and several parts may contribute to one file path
    (``outputs.tf``): render joins them in order.
    """

    home: str | tuple[str, str]
    files: tuple[FileSpec, ...]
    resources: int
    depends_on: tuple[str, ...] = ()  # stack paths applied before this one
    reads: tuple[tuple[str, str], ...] = ()  # (remote state data name, upstream stack path)


@dataclass(frozen=True)
class Stack:
    """A Terraform root module with its own state. A file path may appear more than once in
    ``files``: render joins those parts, in order, into one file."""

    name: str
    path: str
    depends_on: tuple[str, ...]
    files: tuple[FileSpec, ...]
    resource_count: int
    account: str
    region: str
    reads: tuple[tuple[str, str], ...] = ()  # (remote state data name, upstream stack path)


@dataclass(frozen=True)
class LandingZone:
    """Everything render needs: stacks in apply order plus the tree's top-level files."""

    org_name: str
    stacks: tuple[Stack, ...]
    files: tuple[FileSpec, ...]
