"""Unchanged: a render of the inputs a tree was rendered from, into that tree, skips the stages.

Every stage is a pure function of its inputs, so rendering the same inputs again renders the
same files; when the tree still holds exactly those files, the report is "every file identical,
nothing to write" and the diagnostics are the ones the last render printed. After a render
leaves ``out`` holding exactly what it rendered (written, or found identical), the CLI stores a
*record* of it in lzgen's cache folder (``remember``): the fingerprint of the inputs, the
sha256 of the manifest, the stack count and the diagnostics. The next render into ``out``
(``reuse``) uses the record only when all of these hold, and otherwise runs every stage as if
there were no record:

- the fingerprint of the inputs is the record's. It covers the org file's bytes, the name
  diagnostics show it by and the folder paths in it are relative to; every file of lzgen itself
  (its code, templates and blueprints); the versions of Python and of the libraries whose
  behaviour reaches the output or the diagnostics. An org file that names other files
  (attachments, its own blueprint folder) is never recorded: it always runs the stages.
- no leftover of an interrupted write sits beside ``out`` (the write stage repairs those) and
  no other render holds the parent directory's lock (it is held while the tree is read).
- the tree's manifest is byte-identical to the one recorded, and every file it lists is there
  and hashes as it says. A file edited by hand, deleted or unreadable makes the stages run, so
  it is reported and repaired exactly as without a record.

The cache folder is ``$LZGEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/lzgen``, else
``~/.cache/lzgen``; ``LZGEN_CACHE_DIR=off`` turns records off. A record that cannot be read or
written is ignored: the cache only ever saves time. Reading the tree and the cache is this
module's only disk access, and it imports nothing of the stages: a reused render loads no
model, rule, plan or template.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from dataclasses import asdict, dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from lzgen.diagnostics import Diagnostic, Location, Severity
from lzgen.manifest import MANIFEST_NAME, parse_manifest
from lzgen.package_data import PACKAGE_DIR, data_dir
from lzgen.write import _LEFTOVER, WriteError, WriteReport, _parent_lock

RECORD_FORMAT = 1
CACHE_ENV = "LZGEN_CACHE_DIR"
OFF = "off"
# (import name, distribution name): what parses the YAML, validates it, renders the templates
DEPENDENCIES = (
    ("yaml", "pyyaml"),
    ("pydantic", "pydantic"),
    ("pydantic_core", "pydantic_core"),
    ("annotated_types", "annotated_types"),
    ("typing_extensions", "typing_extensions"),
    ("jinja2", "jinja2"),
    ("markupsafe", "markupsafe"),
)
READ_CHUNK = 1 << 20


@dataclass(frozen=True)
class Reused:
    """A render the record answers: the report (every file identical) and what to print."""

    report: WriteReport
    diagnostics: list[Diagnostic]
    stacks: int


def cache_dir() -> Path | None:
    """lzgen's cache folder, or None when records are off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return None if configured in ("", OFF) else Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    try:
        base = Path(xdg) if xdg else Path.home() / ".cache"
    except RuntimeError:  # no home directory
        return None
    return base / "lzgen"


def _record_path(out: Path) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    key = hashlib.sha256(os.fsencode(out)).hexdigest()[:32]
    return folder / "renders" / f"{key}.json"


def _target(out: Path) -> Path:
    """The directory a render of ``out`` writes (through a symlink, like ``write_tree``)."""
    return (out.resolve() if out.is_symlink() else out.absolute()).resolve()


def fingerprint(file: Path, raw: bytes) -> str | None:
    """The digest of every input a render of ``file`` (whose bytes are ``raw``) reads, other
    than the files it names; None when lzgen's own files cannot all be read."""
    code = _code_digest()
    dependencies = _dependency_versions()
    if code is None or dependencies is None:
        return None
    parts = [
        f"lzgen render record {RECORD_FORMAT}",
        f"python {sys.version}",
        f"lzgen {code}",
        *dependencies,
        f"display {str(file)!r}",
        f"base {str(file.resolve().parent)!r}",
        f"org {hashlib.sha256(raw).hexdigest()}",
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


@cache
def _code_digest() -> str | None:
    """sha256 over the name and bytes of every file of lzgen: its package (code), templates and
    blueprints."""
    digest = hashlib.sha256()
    roots = {PACKAGE_DIR, data_dir("templates"), data_dir("blueprints")}
    try:
        for root in sorted(roots):
            for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
                dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
                for name in sorted(filenames):
                    if name.endswith((".pyc", ".pyo")):
                        continue
                    path = Path(dirpath) / name
                    body = path.read_bytes()
                    digest.update(f"{path}\0{len(body)}\0".encode())
                    digest.update(body)
    except OSError:
        return None
    return digest.hexdigest()


@cache
def _dependency_versions() -> list[str] | None:
    """``module path dist-info`` of every dependency, from the folder it is installed in
    (importlib.metadata answers the same, ten times slower); None when one is not found."""
    found: list[str] = []
    listings: dict[str, list[str]] = {}
    for module, dist in DEPENDENCIES:
        spec = find_spec(module)
        if spec is None or spec.origin is None:
            return None
        origin = Path(spec.origin)
        site = str(origin.parent.parent if spec.submodule_search_locations else origin.parent)
        if site not in listings:
            try:
                listings[site] = [p.name for p in Path(site).iterdir()]
            except OSError:
                return None
        pattern = re.compile(rf"{re.escape(dist)}-[^-]+\.dist-info", re.IGNORECASE)
        infos = [n for n in listings[site] if pattern.fullmatch(n)]
        if len(infos) != 1:
            return None
        found.append(f"{module} {spec.origin} {infos[0]}")
    return found


def reuse(file: Path, raw: bytes, out: Path) -> Reused | None:
    """The render's outcome when the record of ``out`` answers it (see the module docstring);
    None when the stages must run."""
    target = _target(out)
    record = _read_record(_record_path(target))
    if record is None or record.get("fingerprint") != fingerprint(file, raw):
        return None
    try:
        if not target.is_dir() or _leftovers(target):
            return None
        with _parent_lock(target.parent):
            listed = _tree_matches(target, str(record.get("manifest_sha256")))
    except (OSError, WriteError):
        return None
    if listed is None:
        return None
    try:
        diagnostics = [_diagnostic(d) for d in record["diagnostics"]]
        stacks = int(record["stacks"])
    except (KeyError, TypeError, ValueError):
        return None
    return Reused(WriteReport(identical=listed), diagnostics, stacks)


def _read_record(path: Path | None) -> dict[str, Any] | None:
    if path is None:
        return None
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == RECORD_FORMAT else None


def _leftovers(target: Path) -> bool:
    pattern = re.compile(_LEFTOVER.format(name=re.escape(target.name)))
    return any(pattern.fullmatch(p.name) for p in target.parent.iterdir())


def _tree_matches(target: Path, manifest_sha256: str) -> list[str] | None:
    """Every path of the tree's manifest, with the manifest, when the manifest's sha256 is
    ``manifest_sha256`` and every file it lists hashes as it says; else None."""
    body = (target / MANIFEST_NAME).read_bytes()
    if hashlib.sha256(body).hexdigest() != manifest_sha256:
        return None
    manifest = parse_manifest(body.decode("utf-8"))
    if manifest is None:
        return None
    files: dict[str, str] = {str(k): str(v) for k, v in manifest["files"].items()}
    root = f"{target}{os.sep}"
    for path, expected in files.items():
        if path.startswith("/") or ".." in path.split("/"):
            return None
        try:
            if hashlib.sha256(_read(root + path)).hexdigest() != expected:
                return None
        except OSError:
            return None
    return sorted([*files, MANIFEST_NAME])


def _read(path: str) -> bytes:
    """The file's bytes in a system call or two: ten thousand files are read, and pathlib and
    buffered files would cost more than the reading (threads do not help: the calls are short
    and each takes the GIL)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        chunks = [os.read(fd, READ_CHUNK)]
        while len(chunks[-1]) == READ_CHUNK:
            chunks.append(os.read(fd, READ_CHUNK))
    finally:
        os.close(fd)
    return b"".join(chunks)


def remember(
    file: Path,
    raw: bytes,
    out: Path,
    files: dict[str, str],
    *,
    diagnostics: list[Diagnostic],
    stacks: int,
) -> None:
    """Record that ``out`` holds exactly ``files``, rendered from ``file`` (bytes ``raw``,
    naming no other file) with ``diagnostics``. Never fails: a record not written costs only
    time."""
    target = _target(out)
    record_path = _record_path(target)
    digest = fingerprint(file, raw)
    if record_path is None or digest is None:
        return
    manifest = files[MANIFEST_NAME].encode("utf-8")
    record = {
        "format": RECORD_FORMAT,
        "out": str(target),
        "fingerprint": digest,
        "manifest_sha256": hashlib.sha256(manifest).hexdigest(),
        "stacks": stacks,
        "diagnostics": [_plain(d) for d in diagnostics],
    }
    temporary = record_path.with_name(f".{record_path.name}.{os.getpid()}")
    try:
        record_path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        temporary.replace(record_path)  # a reader sees the old record or the new one
    except OSError:
        temporary.unlink(missing_ok=True)


def _plain(diagnostic: Diagnostic) -> dict[str, Any]:
    data = asdict(diagnostic)
    data["severity"] = diagnostic.severity.value
    return data


def _diagnostic(data: dict[str, Any]) -> Diagnostic:
    related = tuple(
        Location(str(r["file"]), int(r["line"]), int(r["column"])) for r in data["related"]
    )
    return Diagnostic(
        code=str(data["code"]),
        severity=Severity(data["severity"]),
        message=str(data["message"]),
        file=str(data["file"]),
        line=int(data["line"]),
        column=int(data["column"]),
        path=str(data["path"]),
        hint=str(data["hint"]),
        related=related,
    )
