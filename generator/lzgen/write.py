"""Write: the rendered files -> the output directory, touching only lzgen's own files.

The report says, for every path, create / identical / update / remove. Nothing is written when
everything is identical (no file, no directory, no mtime changes), nor when the render removes
a stack or ``.tf`` file that declares resources and ``allow_remove`` does not name its stack
(``lzgen.removal`` decides which; ``RemovalError`` says so).

When anything changes, the output directory ``out`` is replaced whole, so at every instant it
is either entirely the old tree or entirely the new one:

1. The complete new tree is built in a sibling ``.{out}.lzgen-new-<pid>`` on the same
   filesystem: changed and new files are written, then made durable together (one ``syncfs``
   of the filesystem, then an fsync of each, a few in parallel); unchanged generated files and
   every foreign entry (anything not in the old manifest: ``.terraform/``, a local backend's
   ``terraform.tfstate``, ``.terraform.lock.hcl``, notes) are hard-linked from the old tree
   (copied if the filesystem refuses links). Directory modes are carried over.
2. Swap: ``out`` -> ``.{out}.lzgen-old-<pid>``, then the new tree -> ``out``, then the old
   tree is deleted.

Foreign files are never moved out of the old tree before the swap, only linked, so a kill at
any instant leaves each of them reachable in ``out`` or in the ``-old-`` sibling. Every write
starts with recovery: a leftover ``-old-`` tree is renamed back when ``out`` is missing (a kill
between the two renames) and deleted otherwise; leftover ``-new-`` and ``-staging-`` trees are
deleted. Writes hold an exclusive ``flock`` on the parent directory, so leftovers found under
the lock are never another live render's. Any ``OSError`` (read-only filesystem, permission
denied, disk full) before the swap removes the new tree and leaves ``out`` byte-identical; a
failure between the two renames renames the old tree back. Rendering into a mount point, or a
tree that holds one, is refused: the swap needs both sides on one filesystem. Do not run
terraform in the tree while rendering: a file it replaces after it was linked is not carried.
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
import stat
import sys
from collections.abc import Collection, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

from lzgen.manifest import MANIFEST_NAME, parse_manifest, sha256
from lzgen.removal import Removal, find_removals, refused

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]


class WriteError(Exception):
    """The output directory cannot be written as asked; nothing was changed."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class RemovalError(WriteError):
    """The render removes stacks or files that still hold resources and were not allowed."""

    def __init__(self, removals: list[Removal]) -> None:
        super().__init__(f"{len(removals)} removal(s) hold resources and were not allowed")
        self.removals = removals


@dataclass
class WriteReport:
    created: list[str] = field(default_factory=list)
    identical: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    hand_edited: list[str] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
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


def _old_manifest(out_dir: Path) -> dict[str, Any]:
    """The existing manifest's data; empty for a new or empty dir."""
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
    return data


def _owned_files(manifest: dict[str, Any]) -> dict[str, str]:
    """Files (path -> sha256) the manifest says lzgen wrote."""
    return {str(k): str(v) for k, v in manifest.get("files", {}).items()}


def plan_write(files: dict[str, str], out_dir: Path) -> WriteReport:
    """Compare the rendered files with the directory; raises WriteError on a foreign file."""
    manifest = _old_manifest(out_dir)
    owned = _owned_files(manifest)
    report = WriteReport()
    for path in sorted(files):
        target = out_dir / _safe_relative(path)
        current = _read_text(target) if out_dir.exists() else None
        if current is None:
            report.created.append(path)
        elif current == files[path]:
            report.identical.append(path)
        elif (path in owned or path == MANIFEST_NAME) and not target.is_dir():
            report.updated.append(path)
            if path in owned and sha256(current) != owned[path]:
                report.hand_edited.append(path)
        else:
            raise WriteError(
                f"{target} exists and lzgen did not write it; it will not overwrite it",
                "move the file away, or render into another directory",
            )
    old_texts: dict[str, str] = {}
    for path in sorted(set(owned) - set(files)):
        current = _read_text(out_dir / _safe_relative(path))
        if current is not None:
            report.removed.append(path)
            if path.endswith(".tf"):
                old_texts[path] = current
            if sha256(current) != owned[path]:
                report.hand_edited.append(path)
    report.removals = find_removals(manifest, old_texts, files)
    return report


def _check_removals(report: WriteReport, allow_remove: Collection[str]) -> WriteReport:
    """The report, unless it removes resources ``allow_remove`` does not allow."""
    if not_allowed := refused(report.removals, allow_remove):
        raise RemovalError(not_allowed)
    return report


def _cause(exc: OSError) -> str:
    where = f" ({exc.filename})" if exc.filename else ""
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"{exc.strerror or exc}{where}: the location is read-only or not writable"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"{exc.strerror or exc}{where}: the disk is full"
    return f"{exc.strerror or exc}{where}"


UNCHANGED_HINT = "the output directory was left as it was; fix the cause and render again"
_LEFTOVER = r"\.{name}\.lzgen-(old|new|staging)-\d+"


def _sibling(out_dir: Path, kind: str) -> Path:
    return out_dir.parent / f".{out_dir.name}.lzgen-{kind}-{os.getpid()}"


@contextmanager
def _parent_lock(parent: Path) -> Iterator[None]:
    """Exclusive flock on the parent directory for the duration of one write."""
    if fcntl is None:  # pragma: no cover - not POSIX
        yield
        return
    fd = os.open(parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise WriteError(
                f"another lzgen render is writing in {parent}",
                "wait for it to finish, then render again",
            ) from None
        yield
    finally:
        os.close(fd)


def recover(out_dir: Path) -> list[str]:
    """Repair what an interrupted write left next to ``out_dir``; returns what was done."""
    parent = out_dir.parent
    if not parent.is_dir():
        return []
    pattern = re.compile(_LEFTOVER.format(name=re.escape(out_dir.name)))
    found = [(m.group(1), p) for p in parent.iterdir() if (m := pattern.fullmatch(p.name))]
    # old trees first, the most recently renamed first: it is the one to restore
    found.sort(key=lambda kp: (kp[0] != "old", -_ctime(kp[1])))
    done: list[str] = []
    for kind, path in found:
        if kind == "old" and not os.path.lexists(out_dir):
            path.rename(out_dir)
            done.append(f"restored {out_dir} from {path.name}")
        else:
            shutil.rmtree(path)
            done.append(f"removed {path.name}")
    return done


def _ctime(path: Path) -> int:
    try:
        return path.lstat().st_ctime_ns
    except OSError:
        return 0


def write_tree(
    files: dict[str, str],
    out_dir: Path,
    *,
    dry_run: bool = False,
    allow_remove: Collection[str] = (),
) -> WriteReport:
    """Bring ``out_dir`` to exactly ``files`` (plus any foreign files it already held).
    Raises RemovalError, writing nothing, when the render removes a stack or file that
    holds resources and ``allow_remove`` (stack paths, or ``all``) does not name its stack."""
    if dry_run:
        return _check_removals(plan_write(files, out_dir), allow_remove)
    if out_dir.is_symlink():
        out_dir = out_dir.resolve()  # swap the directory the link points at, keep the link
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        with _parent_lock(out_dir.parent):
            recover(out_dir)
            report = _check_removals(plan_write(files, out_dir), allow_remove)
            if not report.changed:
                return report
            _check_writable(out_dir, report)
            _replace_tree(files, out_dir, report)
    except OSError as exc:
        raise WriteError(f"cannot write {out_dir}: {_cause(exc)}", UNCHANGED_HINT) from exc
    report.written = True
    return report


def _check_writable(out_dir: Path, report: WriteReport) -> None:
    """Refuse when the parent, the directory or a directory that changes is not writable."""
    if not out_dir.exists():
        dirs = {out_dir.parent}
    else:
        changed = [*report.created, *report.updated, *report.removed]
        dirs = {out_dir.parent, out_dir}
        for path in changed:
            for parent in (out_dir / path).parents:
                if parent == out_dir:
                    break
                dirs.add(parent)
    for directory in sorted(dirs):
        if directory.is_dir() and not os.access(directory, os.W_OK):
            raise WriteError(
                f"cannot write {out_dir}: {directory} is read-only or not writable",
                UNCHANGED_HINT,
            )
    if out_dir.exists() and out_dir.stat().st_dev != out_dir.parent.stat().st_dev:
        raise WriteError(
            f"cannot write {out_dir}: it is a mount point, and lzgen replaces the whole "
            "directory by renaming a sibling onto it",
            f"render into a subdirectory of the mount, e.g. -o {out_dir}/tree",
        )


def _replace_tree(files: dict[str, str], out_dir: Path, report: WriteReport) -> None:
    new = _sibling(out_dir, "new")
    old = _sibling(out_dir, "old")
    try:
        _build(files, out_dir, new, report)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    if not out_dir.exists():
        try:
            new.rename(out_dir)  # a new tree appears whole
        except BaseException:
            shutil.rmtree(new, ignore_errors=True)
            raise
        _fsync_dir(out_dir.parent)
        return
    try:
        out_dir.rename(old)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    try:
        new.rename(out_dir)
    except BaseException as exc:
        try:
            old.rename(out_dir)
        except OSError:
            shutil.rmtree(new, ignore_errors=True)
            raise WriteError(
                f"cannot write {out_dir}: {exc}; the previous tree is in {old}",
                f"render again to restore it, or rename {old.name} back to {out_dir.name}",
            ) from exc
        shutil.rmtree(new, ignore_errors=True)
        raise
    _fsync_dir(out_dir.parent)
    shutil.rmtree(old, ignore_errors=True)  # a leftover is removed by the next write


def _build(files: dict[str, str], out_dir: Path, new: Path, report: WriteReport) -> None:
    """The complete new tree in ``new``: written, linked or copied; ``out_dir`` untouched."""
    new.mkdir()
    made = {new}

    def parent_of(target: Path) -> Path:
        if target.parent not in made:  # one mkdir per directory, not one per file
            for directory in reversed(target.relative_to(new).parents):
                if new / directory not in made:
                    (new / directory).mkdir(exist_ok=True)
                    made.add(new / directory)
        return target

    writes = set(report.created) | set(report.updated)
    generated = set(files)
    if out_dir.exists():
        root_dev = out_dir.stat().st_dev
        owned_or_generated = generated | set(report.removed)
        modes: list[tuple[Path, int]] = [(new, stat.S_IMODE(out_dir.stat().st_mode))]
        for dirpath, dirnames, filenames in os.walk(out_dir):
            here = Path(dirpath)
            rel_dir = here.relative_to(out_dir)
            for name in dirnames[:]:
                source = here / name
                info = source.lstat()
                if stat.S_ISLNK(info.st_mode):
                    dirnames.remove(name)
                    filenames.append(name)  # a symlink to a directory is carried as a link
                    continue
                if info.st_dev != root_dev:
                    raise WriteError(
                        f"cannot write {out_dir}: {source} is a mount point",
                        "unmount it or render into another directory",
                    )
                with os.scandir(source) as entries:
                    if next(entries, None) is None:  # an empty directory is carried too
                        (new / rel_dir / name).mkdir(parents=True, exist_ok=True)
                modes.append((new / rel_dir / name, stat.S_IMODE(info.st_mode)))
            for name in filenames:
                rel = (rel_dir / name).as_posix()
                if rel in writes or (rel in owned_or_generated and rel not in generated):
                    continue  # written below, or a generated file that goes away
                _link_or_copy(here / name, parent_of(new / rel))
    written = [parent_of(new / path) for path in sorted(writes)]
    for target, path in zip(written, sorted(writes), strict=True):
        with target.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(files[path])
    _make_durable(new, written)
    for directory, mode in reversed(modes if out_dir.exists() else []):
        if directory.is_dir():
            directory.chmod(mode)


FSYNC_THREADS = 16  # fsyncs in flight: each waits on the disk, not the CPU


def _make_durable(new: Path, written: list[Path]) -> None:
    """Every file written into ``new`` is on disk before the swap makes it ``out``.

    One ``syncfs`` of the new tree's filesystem writes all of them back in one batch (the
    hard-linked files were made durable by the write that created them). Then every written
    file is fsynced, a few at a time: after the syncfs each of those only waits for the disk's
    cache flush, and it reports a write error of that file reliably, which syncfs does only
    since Linux 5.8. Where there is no syncfs the fsyncs do the whole job, the directories'
    entries included. Any error is raised, before the swap."""
    synced = _syncfs(new)
    targets = written if synced else [*written, *_directories(new)]
    if not targets:
        return
    with ThreadPoolExecutor(max_workers=min(FSYNC_THREADS, len(targets))) as pool:
        for _ in pool.map(_fsync_path, targets):  # re-raises the first failure
            pass


def _syncfs(directory: Path) -> bool:
    """``syncfs(2)`` on the filesystem holding ``directory``; False where there is none."""
    call = _libc_syncfs()
    if call is None:
        return False
    fd = os.open(directory, os.O_RDONLY)
    try:
        if call(fd) != 0:
            code = ctypes.get_errno()
            raise OSError(code, os.strerror(code), str(directory))
    finally:
        os.close(fd)
    return True


@cache
def _libc_syncfs() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None


def _directories(root: Path) -> list[Path]:
    return [Path(dirpath) for dirpath, _, _ in os.walk(root)]


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS):
            raise
        if source.is_symlink():
            target.symlink_to(source.readlink())
        elif source.is_file():
            shutil.copy2(source, target)
        else:
            raise WriteError(
                f"cannot write {source.parent}: {source} can be neither linked nor copied "
                f"into the new tree ({exc.strerror or exc})",
                "move it out of the output directory and render again",
            ) from exc


def _fsync_dir(directory: Path) -> None:
    with suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
