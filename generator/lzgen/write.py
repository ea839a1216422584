"""Write: the rendered files -> the output directory, touching only lzgen's own files.

The report says, for every path, create / identical / update / remove. Nothing is written when
everything is identical. Every file is first written to a staging directory on the same
filesystem and moved into place with an atomic rename; the manifest moves last, so an
interrupted write is repaired by the next render. A new output directory appears whole.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lzgen.manifest import MANIFEST_NAME, parse_manifest, sha256


class WriteError(Exception):
    """The output directory cannot be written as asked; nothing was changed."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass
class WriteReport:
    created: list[str] = field(default_factory=list)
    identical: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    hand_edited: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.removed)

    def rows(self) -> list[tuple[str, str]]:
        """(action, path) for every path, sorted by path."""
        rows = [("create", p) for p in self.created]
        rows += [("identical", p) for p in self.identical]
        rows += [("update", p) for p in self.updated]
        rows += [("remove", p) for p in self.removed]
        return sorted(rows, key=lambda r: r[1])


def _safe_relative(path: str) -> PurePosixPath:
    rel = PurePosixPath(path)
    if rel.is_absolute() or not rel.parts or any(p in ("..", ".", "") for p in rel.parts):
        raise WriteError(f"refusing to write outside the output directory: {path!r}")
    return rel


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        return "\x00unreadable"


def _owned_files(out_dir: Path) -> dict[str, str]:
    """Files (path -> sha256) the existing manifest says lzgen wrote; empty for a new dir."""
    if not out_dir.exists():
        return {}
    if not out_dir.is_dir():
        raise WriteError(f"{out_dir} exists and is not a directory")
    manifest_path = out_dir / MANIFEST_NAME
    text = _read_text(manifest_path)
    if text is None:
        if any(out_dir.iterdir()):
            raise WriteError(
                f"{out_dir} is not empty and has no {MANIFEST_NAME}",
                "lzgen only writes into a new or empty directory, or one it rendered before",
            )
        return {}
    data = parse_manifest(text)
    if data is None:
        raise WriteError(
            f"{manifest_path} is not a manifest lzgen wrote",
            "restore it from version control, or render into a new directory",
        )
    return {str(k): str(v) for k, v in data["files"].items()}


def plan_write(files: dict[str, str], out_dir: Path) -> WriteReport:
    """Compare the rendered files with the directory; raises WriteError on a foreign file."""
    owned = _owned_files(out_dir)
    report = WriteReport()
    for path in sorted(files):
        target = out_dir / _safe_relative(path)
        current = _read_text(target) if out_dir.exists() else None
        if current is None:
            report.created.append(path)
        elif current == files[path]:
            report.identical.append(path)
        elif path in owned or path == MANIFEST_NAME:
            report.updated.append(path)
            if path in owned and sha256(current) != owned[path]:
                report.hand_edited.append(path)
        else:
            raise WriteError(
                f"{target} exists and lzgen did not write it; it will not overwrite it",
                "move the file away, or render into another directory",
            )
    for path in sorted(set(owned) - set(files)):
        current = _read_text(out_dir / _safe_relative(path))
        if current is not None:
            report.removed.append(path)
            if sha256(current) != owned[path]:
                report.hand_edited.append(path)
    return report


def write_tree(files: dict[str, str], out_dir: Path, *, dry_run: bool = False) -> WriteReport:
    """Bring ``out_dir`` to exactly ``files`` (plus any foreign files it already held)."""
    report = plan_write(files, out_dir)
    if dry_run or not report.changed:
        return report
    staging = out_dir.parent / f".{out_dir.name}.lzgen-staging-{os.getpid()}"
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        pending = [*report.created, *report.updated]
        for path in pending:
            tmp = staging / path
            tmp.parent.mkdir(parents=True, exist_ok=True)
            with tmp.open("w", encoding="utf-8", newline="\n") as handle:
                handle.write(files[path])
                handle.flush()
                os.fsync(handle.fileno())
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise WriteError(
            f"cannot write to {out_dir.parent}: {exc.strerror or exc}",
            "the output directory was left as it was",
        ) from exc
    try:
        if not out_dir.exists():
            staging.rename(out_dir)  # a new tree appears whole
        else:
            _move_into_place(staging, out_dir, pending, report.removed)
    except OSError as exc:
        raise WriteError(
            f"writing {out_dir} failed part-way: {exc.strerror or exc}",
            "fix the cause and render again; the old manifest makes the next render finish the job",
        ) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    report.written = True
    return report


def _move_into_place(staging: Path, out_dir: Path, pending: list[str], removed: list[str]) -> None:
    ordered = [p for p in pending if p != MANIFEST_NAME]
    for path in ordered:
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        (staging / path).replace(target)
    for path in removed:
        (out_dir / path).unlink(missing_ok=True)
        _prune_empty_parents(out_dir, (out_dir / path).parent)
    if MANIFEST_NAME in pending:
        (staging / MANIFEST_NAME).replace(out_dir / MANIFEST_NAME)


def _prune_empty_parents(out_dir: Path, directory: Path) -> None:
    while directory != out_dir and directory.is_relative_to(out_dir):
        try:
            directory.rmdir()
        except OSError:
            return
        directory = directory.parent
