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


@dataclass(frozen=True)
class Stack:
    """A Terraform root module with its own state."""

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
