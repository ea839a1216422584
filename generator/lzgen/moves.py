"""Moved blocks: what a rename (``renamed_from``, lzgen.model.renames) changes in each stack.

Render writes the landing zone of the file and of its previous version (the old names back)
and compares them stack by stack. A resource whose address exists only in the previous render
is paired with one that exists only in the new render, of the same type: first the address
with the old names replaced by the new ones, then the most similar body (the same CIDR, AZ and
tags make the same subnet). Each pair is one ``moved`` block in ``moved.tf`` of the stack, so
the plan shows moves, not destroy and re-create. A stack whose path the rename changes
(``accounts/<old>/...``, ``transit-gateways/<old>``, ``peerings/<old>``) keeps its moves in the
new path, and its state has to follow it (``StackMove``: the commands are in ``moved.tf``).
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from lzgen.model.renames import Rename
from lzgen.plan.types import FileSpec, LandingZone
from lzgen.removal import MOVED_FILE
from lzgen.render import render, render_file

_RESOURCE = re.compile(r'^resource "([\w-]+)" "([\w-]+)" \{\n(.*?)^\}\n', re.MULTILINE | re.DOTALL)
_SIMILAR = 0.6  # below this, two bodies are different resources, not one renamed


@dataclass(frozen=True)
class Move:
    source: str  # resource address before the rename
    target: str  # and after it


@dataclass(frozen=True)
class StackMove:
    """A stack whose path a rename changed: its state must move with it."""

    old: str
    new: str


def resources(files: Mapping[str, str], stack: str) -> dict[str, str]:
    """Resource address -> body of every resource block in one stack's files."""
    found: dict[str, str] = {}
    prefix = f"{stack}/"
    for path, text in files.items():
        if path.startswith(prefix) and "/" not in path[len(prefix) :] and path.endswith(".tf"):
            for kind, name, body in _RESOURCE.findall(text):
                found[f"{kind}.{name}"] = body
    return found


def _renamed(text: str, found: Sequence[Rename], *, loose: bool = True) -> str:
    """``text`` with the old names replaced by the new ones: where a name stands alone (an
    address part between ``_``), or, ``loose``, wherever it is a word (``-`` ends it too)."""
    word = "a-z0-9" if loose else "a-z0-9-"
    for rename in found:
        text = re.sub(rf"(?<![{word}]){re.escape(rename.old)}(?![{word}])", rename.new, text)
    return text


def stack_moves(
    old: Mapping[str, str], new: Mapping[str, str], found: Sequence[Rename]
) -> list[Move]:
    """The moves of one stack: ``old`` and ``new`` are its resources (``resources``)."""
    gone = {a: b for a, b in old.items() if a not in new}
    added = {a: b for a, b in new.items() if a not in old}
    moves: list[Move] = []
    for address in sorted(gone):
        for target in (_renamed(address, found, loose=False), _renamed(address, found)):
            if target in added:
                moves.append(Move(address, target))
                del added[target]
                break
    paired = {m.source for m in moves}
    by_type: dict[str, list[str]] = defaultdict(list)
    for address in added:
        by_type[address.split(".")[0]].append(address)
    for address in sorted(set(gone) - paired):
        candidates = by_type[address.split(".")[0]]
        body = _renamed(gone[address], found)
        scored = [(difflib.SequenceMatcher(None, body, added[c]).ratio(), c) for c in candidates]
        best = max(scored, default=(0.0, ""))
        if best[0] >= _SIMILAR:
            moves.append(Move(address, best[1]))
            candidates.remove(best[1])
    return sorted(moves, key=lambda m: m.target)


def moved_stacks(
    old_paths: Iterable[str], new_paths: Iterable[str], found: Sequence[Rename]
) -> list[StackMove]:
    """Stacks whose path a rename of an account, Transit Gateway or peering changed."""
    new_set = set(new_paths)
    moved = []
    for path in old_paths:
        if path in new_set:
            continue
        names = {r.old: r.new for r in found if r.kind in _PATH_KINDS}
        target = "/".join(names.get(part, part) for part in path.split("/"))
        if target in new_set:
            moved.append(StackMove(path, target))
    return sorted(moved, key=lambda m: m.new)


_PATH_KINDS = frozenset({"account", "transit_gateway", "peering"})
_BACKEND_KEY = re.compile(r'^\s*(bucket|key)\s*=\s*"([^"]+)"', re.MULTILINE)


def state_commands(
    move: StackMove, files: Mapping[str, str], old_files: Mapping[str, str]
) -> list[str]:
    """Shell commands that move a renamed stack's state to its new path, before its first plan."""
    new = dict(_BACKEND_KEY.findall(files.get(f"{move.new}/backend.tf", "")))
    old = dict(_BACKEND_KEY.findall(old_files.get(f"{move.old}/backend.tf", "")))
    if "key" in new and "key" in old:
        bucket = new["bucket"]
        return [
            f"aws s3 cp s3://{bucket}/{old['key']} s3://{bucket}/{new['key']}",
            f"terraform -chdir={move.new} init && terraform -chdir={move.new} plan"
            "  # moves only, then:",
            f"aws s3 rm s3://{bucket}/{old['key']}",
        ]
    return [
        f"mv {move.old}/terraform.tfstate {move.new}/terraform.tfstate",
        f"terraform -chdir={move.new} init && terraform -chdir={move.new} plan  # moves only",
    ]


def moved_files(
    stack_paths: Sequence[str],
    files: Mapping[str, str],
    old_files: Mapping[str, str],
    old_paths: Sequence[str],
    found: Sequence[Rename],
) -> dict[str, tuple[list[Move], StackMove | None]]:
    """Stack path -> its moves and, when its path changed, where its state was. Only stacks
    with moves are listed."""
    by_new = {m.new: m for m in moved_stacks(old_paths, stack_paths, found)}
    result: dict[str, tuple[list[Move], StackMove | None]] = {}
    for path in stack_paths:
        was = by_new.get(path)
        old_path = was.old if was else path
        if was is None and old_path not in old_paths:
            continue
        moves = stack_moves(resources(old_files, old_path), resources(files, path), found)
        if moves or was:
            result[path] = (moves, was)
    return result


def moved_tree(lz: LandingZone, files: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The ``moved.tf`` of every stack a rename touches, and the old path of each stack whose
    path changed (new path -> old path, for the manifest). Nothing without renames."""
    if lz.previous is None:
        return {}, {}
    old_files = render(lz.previous)
    stacks = [s.path for s in lz.stacks]
    old_stacks = [s.path for s in lz.previous.stacks]
    written: dict[str, str] = {}
    moved_from: dict[str, str] = {}
    for path, (moves, was) in moved_files(stacks, files, old_files, old_stacks, lz.renames).items():
        context = {
            "moves": moves,
            "was": was,
            "commands": state_commands(was, files, old_files) if was else [],
        }
        spec = FileSpec(MOVED_FILE, "renames/moved.tf.j2", context)
        written[f"{path}/{MOVED_FILE}"] = render_file(spec)
        if was:
            moved_from[path] = was.old
    return written, moved_from
