"""``lzgen plan --changed``: the stacks whose files changed, and the stacks that read them.

The changed files of a tree are what ``git diff --name-only REF`` reports under it (commits
since REF, staged and unstaged edits alike) plus the untracked files git does not ignore. REF
is ``--since``, by default the merge base of HEAD and the default branch (``origin/HEAD``
when it is set, else ``main``, else ``master``). Instead of a git ref, ``--since`` may name a
previous ``lzgen.manifest.json`` (say, the default branch's, kept by CI): then a file changed
when its sha256 on disk differs from that manifest's (files lzgen did not write are not seen).

A file belongs to the longest stack path that contains it; a file in no stack (the manifest,
the README, ``.gitignore``) changes no stack. Every stack that reads a changed stack's outputs,
directly or through others, is planned too: its plan may change with them. A stack of the
previous manifest that the tree no longer has was removed: there is nothing left to plan.
"""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lzgen.manifest import MANIFEST_NAME, parse_manifest
from lzgen.stack_plans.results import PlanError


@dataclass(frozen=True)
class Selection:
    """``selected``: the changed stacks and their readers, in manifest order; ``changed``: the
    stacks whose files changed; ``removed``: stacks of the previous manifest gone from the
    tree; ``against``: what the tree was compared with, for the user."""

    selected: list[str]
    changed: list[str]
    removed: list[str]
    against: str


def select_changed(tree: Path, manifest: dict[str, Any], since: str | None) -> Selection:
    previous: dict[str, Any] | None
    if since is not None and Path(since).is_file():
        files, previous = _against_manifest(tree, manifest, Path(since))
        against = f"manifest {since}"
    else:
        ref, against = _git_ref(tree, since)
        files = _git_changed_files(tree, ref)
        previous = _manifest_at(tree, ref)
    paths = [str(s["path"]) for s in manifest["stacks"]]
    changed = set(stacks_of_files(paths, files))
    selected = readers(manifest["stacks"], changed)
    removed = []
    if previous is not None:
        old = [str(s["path"]) for s in previous.get("stacks", [])]
        removed = [p for p in old if p not in set(paths)]
    return Selection(selected, [p for p in paths if p in changed], removed, against)


def stacks_of_files(stack_paths: Sequence[str], files: Iterable[str]) -> list[str]:
    """The stack of each file (the longest stack path that contains it), once each, sorted;
    files in no stack are left out."""
    by_length = sorted(stack_paths, key=len, reverse=True)
    found = set()
    for file in files:
        for path in by_length:
            if file.startswith(path + "/"):
                found.add(path)
                break
    return sorted(found)


def readers(entries: Sequence[dict[str, Any]], changed: set[str]) -> list[str]:
    """``changed`` and every stack that reads one of them, transitively, in manifest order."""
    selected = set(changed)
    grew = True
    while grew:
        grew = False
        for entry in entries:
            path = str(entry["path"])
            if path not in selected and set((entry.get("reads") or {}).values()) & selected:
                selected.add(path)
                grew = True
    return [str(e["path"]) for e in entries if e["path"] in selected]


def _sha256(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def _against_manifest(
    tree: Path, manifest: dict[str, Any], previous_file: Path
) -> tuple[list[str], dict[str, Any]]:
    previous = parse_manifest(previous_file.read_text(encoding="utf-8"))
    if previous is None:
        raise PlanError(f"--since {previous_file}: not a manifest lzgen wrote")
    old: dict[str, str] = previous["files"]
    names = sorted(set(old) | set(manifest["files"]))
    return [n for n in names if _sha256(tree / n) != old.get(n)], previous


def _git(tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", *args], cwd=tree, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise PlanError(
            "--changed needs git on PATH, or --since naming a previous lzgen.manifest.json"
        ) from None


def _git_ref(tree: Path, since: str | None) -> tuple[str, str]:
    """(commit to compare with, how it was found)."""
    if _git(tree, "rev-parse", "--show-toplevel").returncode != 0:
        raise PlanError(
            f"{tree} is not in a git repository: --changed compares with a git ref; pass "
            f"--since with a previous {MANIFEST_NAME} instead, or plan without --changed"
        )
    if since is not None:
        commit = _git(tree, "rev-parse", "--verify", "--quiet", f"{since}^{{commit}}")
        if commit.returncode != 0:
            raise PlanError(
                f"--since {since}: no such git ref or file; fetch it (git fetch origin {since}) "
                f"or name another ref, or a previous {MANIFEST_NAME}"
            )
        return commit.stdout.strip(), since
    default = _default_branch(tree)
    base = _git(tree, "merge-base", "HEAD", default)
    if base.returncode != 0:
        raise PlanError(
            f"no merge base of HEAD and {default}: name the ref to compare with, --since REF"
        )
    merge_base = base.stdout.strip()
    return merge_base, f"the merge base of HEAD and {default} ({merge_base[:12]})"


def _default_branch(tree: Path) -> str:
    origin = _git(tree, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD")
    if origin.returncode == 0 and origin.stdout.strip():
        return origin.stdout.strip()
    for branch in ("main", "master"):
        if _git(tree, "rev-parse", "--verify", "--quiet", branch).returncode == 0:
            return branch
    raise PlanError(
        "no default branch to compare with (origin/HEAD, main or master): name one, --since REF"
    )


def _git_changed_files(tree: Path, ref: str) -> list[str]:
    """Paths relative to ``tree``: changed since ``ref`` (committed, staged or not) and
    untracked files that are not ignored."""
    diff = _git(tree, "diff", "-z", "--name-only", "--no-renames", "--relative", ref, "--", ".")
    untracked = _git(tree, "ls-files", "-z", "--others", "--exclude-standard", "--", ".")
    for proc in (diff, untracked):
        if proc.returncode != 0:
            raise PlanError(f"git failed: {proc.stderr.strip()}")
    names = diff.stdout.split("\0") + untracked.stdout.split("\0")
    return sorted({n for n in names if n})


def _manifest_at(tree: Path, ref: str) -> dict[str, Any] | None:
    shown = _git(tree, "show", f"{ref}:./{MANIFEST_NAME}")
    return parse_manifest(shown.stdout) if shown.returncode == 0 else None
