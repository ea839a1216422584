"""Removal: what a render would take away that still holds resources. Pure: no I/O.

A *removal* is a stack the previous manifest lists with resources that the new file set no
longer has (its state would be orphaned), or a removed ``.tf`` file of a remaining stack whose
old text declares ``resource`` blocks (the stack's next apply would destroy them). Render
refuses both unless ``--allow-remove`` names the stack (or ``all``).

A rename (``renamed_from``) is not a removal: a resource the new render moves (a ``moved``
block's ``from`` in ``moved.tf``) or still declares, in the same stack or in the stack the
manifest says moved from this path (``moved_from``), is not counted.

Removals come in destroy order: the previous manifest lists its stacks in apply order, so the
reverse of that order is a safe order to destroy them in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Literal

from lzgen.manifest import MANIFEST_NAME

ALL = "all"
_RESOURCE = re.compile(r'^resource\s+"', re.MULTILINE)
_ADDRESS = re.compile(r'^resource\s+"([\w-]+)"\s+"([\w-]+)"', re.MULTILINE)
_MOVED_FROM = re.compile(r"^\s*from\s*=\s*([\w.-]+)\s*$", re.MULTILINE)
MOVED_FILE = "moved.tf"  # a stack's moved blocks (lzgen.moves writes it)


@dataclass(frozen=True)
class Removal:
    """``path`` is the stack's path (kind ``stack``) or the file's (kind ``file``); ``stack``
    is the path ``--allow-remove`` names to allow it."""

    path: str
    kind: Literal["stack", "file"]
    resources: int
    stack: str


def count_resources(text: str) -> int:
    """How many ``resource "TYPE" "NAME"`` blocks an HCL text declares."""
    return len(_RESOURCE.findall(text))


def old_stacks(manifest: Mapping[str, Any]) -> list[tuple[str, int | None]]:
    """(path, resources) of a manifest's stacks in apply order; resources is None where the
    manifest does not say. Entries that are not a stack lzgen writes are skipped."""
    stacks = manifest.get("stacks")
    found: list[tuple[str, int | None]] = []
    for entry in stacks if isinstance(stacks, list) else []:
        path = entry.get("path") if isinstance(entry, dict) else None
        if isinstance(path, str) and _is_stack_path(path):
            count = entry.get("resources")
            known = isinstance(count, int) and not isinstance(count, bool)
            found.append((path, count if known else None))
    return found


def _is_stack_path(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return bool(parts) and not PurePosixPath(path).is_absolute() and ".." not in parts


def _stack_of(path: str, stacks: Collection[str]) -> str:
    """The deepest stack whose directory holds ``path``; its directory if there is none."""
    parents = [p.as_posix() for p in PurePosixPath(path).parents]
    return next((p for p in parents if p in stacks), parents[0])


def _moved_from(new_files: Mapping[str, str]) -> dict[str, str]:
    """Old stack path -> new path, for the stacks a rename moved (the new manifest says)."""
    try:
        data = json.loads(new_files.get(MANIFEST_NAME, "{}"))
    except ValueError:
        return {}
    stacks = data.get("stacks") if isinstance(data, dict) else None
    entries = stacks if isinstance(stacks, list) else []
    return {
        s["moved_from"]: s["path"]
        for s in entries
        if isinstance(s, dict) and isinstance(s.get("moved_from"), str)
    }


def _still_held(stack: str, new_files: Mapping[str, str]) -> set[str]:
    """Addresses the new render keeps in ``stack``: declared, or the source of a move."""
    held = set(_MOVED_FROM.findall(new_files.get(f"{stack}/{MOVED_FILE}", "")))
    prefix = f"{stack}/"
    for path, text in new_files.items():
        if path.startswith(prefix) and path.endswith(".tf") and "/" not in path[len(prefix) :]:
            held |= {f"{kind}.{name}" for kind, name in _ADDRESS.findall(text)}
    return held


def _lost(text: str, held: set[str]) -> int:
    return sum(1 for kind, name in _ADDRESS.findall(text) if f"{kind}.{name}" not in held)


def find_removals(
    manifest: Mapping[str, Any],
    old_texts: Mapping[str, str],
    new_files: Mapping[str, str] | Collection[str],
) -> list[Removal]:
    """Every removal, in destroy order. ``manifest`` is the previous manifest's data,
    ``old_texts`` the old text of each ``.tf`` file the render removes, ``new_files`` the
    files the render writes (path -> text; paths alone: no rename is seen)."""
    if not isinstance(new_files, Mapping):
        new_files = dict.fromkeys(new_files, "")
    stacks = old_stacks(manifest)
    renamed = _moved_from(new_files)
    kept = {PurePosixPath(p).parent.as_posix() for p in new_files} | set(renamed)
    gone = {path for path, _ in stacks if path not in kept}
    known = {path for path, _ in stacks} | kept
    held: dict[str, set[str]] = {}
    files: dict[str, tuple[str, int]] = {}
    for path, text in sorted(old_texts.items()):
        if not path.endswith(".tf"):
            continue
        stack = _stack_of(path, known)
        target = renamed.get(stack, stack)
        if target not in held:
            held[target] = _still_held(target, new_files)
        lost = count_resources(text) if stack in gone else _lost(text, held[target])
        files[path] = (stack, lost)
    removals = [
        Removal(path, "stack", _held(path, files) if count is None else count, path)
        for path, count in stacks
        if path in gone
    ]
    removals += [
        Removal(path, "file", count, stack)
        for path, (stack, count) in files.items()
        if stack not in gone
    ]
    order = {path: i for i, (path, _) in enumerate(stacks)}
    removals = [r for r in removals if r.resources > 0]
    return sorted(removals, key=lambda r: (-order.get(r.stack, -1), r.path))


def _held(stack: str, files: Mapping[str, tuple[str, int]]) -> int:
    """Resources in the removed files of ``stack`` (for a manifest that does not count)."""
    return sum(count for holder, count in files.values() if holder == stack)


def _names(allow: Collection[str]) -> set[str]:
    return {name.rstrip("/") for name in allow}


def refused(removals: list[Removal], allow: Collection[str]) -> list[Removal]:
    """The removals ``allow`` (``--allow-remove`` values) does not allow, in order."""
    names = _names(allow)
    return [] if ALL in names else [r for r in removals if r.stack not in names]


def unmatched(removals: list[Removal], allow: Collection[str]) -> list[str]:
    """The ``--allow-remove`` values that name nothing being removed (``all`` excepted)."""
    stacks = {r.stack for r in removals}
    return sorted(_names(allow) - stacks - {ALL})


def _line(removal: Removal) -> str:
    count = f"{removal.resources} resource{'' if removal.resources == 1 else 's'}"
    if removal.kind == "stack":
        return f"  {removal.path}: stack, {count} (their state would be orphaned)"
    return (
        f"  {removal.path}: file of stack {removal.stack}, {count} "
        "(the stack's next apply would destroy them)"
    )


def _destroy(removal: Removal, out: str) -> str:
    command = f"terraform -chdir={out}/{removal.stack} destroy"
    if removal.kind == "stack":
        return f"    {command}"
    name = PurePosixPath(removal.path).name
    return f"    {command} -target=ADDRESS  (for each resource block of {name})"


def refusal_text(removals: list[Removal], out: str) -> str:
    """What render says when it refuses ``removals`` (in destroy order) for tree ``out``."""
    allow = dict.fromkeys(r.stack for r in removals)
    lines = [
        "lzgen: error: render would remove stacks or files that declare resources; "
        "nothing was written",
        *(_line(r) for r in removals),
        "For each, in the order above, either destroy it first, before rendering:",
        *(_destroy(r, out) for r in removals),
        "or let go of its resources without destroying them: Terraform `removed` blocks with "
        "`lifecycle { destroy = false }` (then apply), or `terraform state rm`.",
        "Then render with " + " ".join(f"--allow-remove {s}" for s in allow),
    ]
    return "\n".join(lines) + "\n"
