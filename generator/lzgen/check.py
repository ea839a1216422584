"""``lzgen check``: is a committed tree still what ``lzgen render`` writes?

Two questions, answered as diagnostics so that ``check`` prints text, JSON and SARIF like
``validate``:

- with the org file: would render write exactly the files the tree holds? A file that differs
  is *stale* (the org file or lzgen changed since the render) or *edited by hand* (it no longer
  matches the hash the tree's manifest recorded); a generated file that is gone is *missing*; a
  file render would remove is *extra*.
- without it: does every file still match the hash in the tree's own ``lzgen.manifest.json``
  (hand edits and missing files only)?

Both also report a ``.tf`` file lzgen does not manage inside a stack's directory: terraform
would apply it, yet no org file describes it. Every other foreign file is left alone: the
``.terraform.lock.hcl`` files teams commit, ``.terraform/``, plan files, notes.

Reading the tree is this module's only disk access (``read_tree``); ``compare`` is pure.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from lzgen.diagnostics import Diagnostic, Severity
from lzgen.manifest import MANIFEST_NAME, parse_manifest, sha256

EDITED = "LZ9001"  # a generated file no longer matches the hash render recorded
STALE = "LZ9002"  # render would write the file differently
MISSING = "LZ9003"  # a generated file is not in the tree
EXTRA = "LZ9004"  # the tree holds a generated file render would remove
UNMANAGED = "LZ9005"  # a .tf file in a stack directory that lzgen did not write

CODES = {
    EDITED: "a generated file was edited by hand",
    STALE: "a generated file is not what render writes from the org file",
    MISSING: "a generated file is missing from the tree",
    EXTRA: "the tree holds a generated file that render would remove",
    UNMANAGED: "a .tf file lzgen does not manage sits in a stack directory",
}
_DIFF_LINES = 12  # lines of unified diff a finding shows


class CheckError(Exception):
    """The directory is not a tree lzgen rendered: nothing to check against."""


@dataclass(frozen=True)
class Tree:
    """What ``read_tree`` found: the manifest's data and the text of every file that matters
    (managed, expected, or a ``.tf`` file in a stack directory); None for an absent file."""

    manifest: dict[str, Any]
    texts: dict[str, str | None]


def read_tree(out_dir: Path, expected: dict[str, str] | None = None) -> Tree:
    """The tree's manifest and files: those the manifest lists, those ``expected`` names, and
    every ``.tf`` file in the stack directories. Raises CheckError without a manifest."""
    manifest_path = out_dir / MANIFEST_NAME
    if not manifest_path.is_file():
        raise CheckError(f"{out_dir} has no {MANIFEST_NAME}: it is not a tree lzgen rendered")
    manifest = parse_manifest(manifest_path.read_text(encoding="utf-8"))
    if manifest is None:
        raise CheckError(f"{manifest_path} is not a manifest lzgen wrote")
    paths = {MANIFEST_NAME, *manifest["files"], *(expected or {})}
    for stack in manifest.get("stacks", []):
        directory = out_dir / stack["path"]
        if directory.is_dir():
            paths.update(f"{stack['path']}/{f.name}" for f in directory.glob("*.tf"))
    return Tree(manifest, {p: _read(out_dir / p) for p in sorted(paths)})


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None
    except (OSError, UnicodeDecodeError):
        return "\x00unreadable"


@dataclass(frozen=True)
class _Report:
    """Findings about one tree, each naming its file as ``<tree>/<path>``."""

    tree_name: str
    fix: str | None  # the render command that brings the tree up to date, with an org file
    found: list[Diagnostic]

    def add(self, code: str, path: str, what: str, *, line: int = 1, diff: str = "") -> None:
        file = str(PurePosixPath(self.tree_name) / path)
        if code == UNMANAGED:
            hint = "describe it in the org file, or move it out of the stack directory"
        elif self.fix:
            hint = f"run `{self.fix}` and commit the result"
        else:
            hint = (
                f"restore it with `git checkout -- {file}`, or change the org file and render again"
            )
        message = f"{path} {what}" + (f"\n{diff}" if diff else "")
        self.found.append(Diagnostic(code, Severity.ERROR, message, file, line, 1, hint=hint))


def compare(
    tree: Tree, expected: dict[str, str] | None, *, tree_name: str, org_file: str | None
) -> list[Diagnostic]:
    """Every difference between the tree and what render writes (``expected``: the rendered
    files, manifest included) or, without ``expected``, the tree's own manifest."""
    recorded = {str(k): str(v) for k, v in tree.manifest["files"].items()}
    fix = f"lzgen render {org_file} -o {tree_name}" if org_file else None
    report = _Report(tree_name, fix, [])
    if expected is None:
        for path, digest in sorted(recorded.items()):
            text = tree.texts.get(path)
            if text is None:
                report.add(MISSING, path, "is missing")
            elif sha256(text) != digest:
                report.add(EDITED, path, "was edited by hand")
    else:
        for path, want in sorted(expected.items()):
            text = tree.texts.get(path)
            if text is None:
                report.add(MISSING, path, "is missing")
            elif text != want:
                _differs(report, path, text, want, edited=_edited(text, recorded.get(path)))
        for path in sorted(set(recorded) - set(expected)):
            if tree.texts.get(path) is not None:
                report.add(EXTRA, path, "is no longer generated")
    known = set(recorded) | set(expected or {})
    for path, text in sorted(tree.texts.items()):
        if path.endswith(".tf") and path not in known and text is not None:
            report.add(UNMANAGED, path, "is not generated by lzgen, yet terraform applies it")
    return report.found


def _edited(text: str, digest: str | None) -> bool:
    return digest is not None and sha256(text) != digest


def _differs(report: _Report, path: str, text: str, want: str, *, edited: bool) -> None:
    line = _first_difference(text, want)
    diff = "".join(
        list(
            difflib.unified_diff(
                text.splitlines(keepends=True),
                want.splitlines(keepends=True),
                "in the tree",
                "rendered",
                n=1,
            )
        )[: 2 + _DIFF_LINES]
    ).rstrip("\n")
    if edited:
        what = f"was edited by hand (line {line} differs from what render writes)"
        report.add(EDITED, path, what, line=line, diff=diff)
    else:
        what = f"is stale: render writes it differently from line {line}"
        report.add(STALE, path, what, line=line, diff=diff)


def _first_difference(text: str, want: str) -> int:
    have_lines, want_lines = text.splitlines(), want.splitlines()
    for number, (have, wanted) in enumerate(zip(have_lines, want_lines, strict=False), 1):
        if have != wanted:
            return number
    return min(len(have_lines), len(want_lines)) + 1
