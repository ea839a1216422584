"""The stages end to end: load -> shape -> rules -> plan -> render -> write.

Each stage is a plain function; this module only strings them together for the CLI,
the tests and the benchmarks.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from lzgen.blueprints import load_catalog
from lzgen.diagnostics import Diagnostic, has_errors, sorted_diagnostics
from lzgen.load import Document, LoadError, load_attachments, load_file
from lzgen.manifest import MANIFEST_NAME, build_manifest
from lzgen.model import OrgFile
from lzgen.model.blueprint import Catalog
from lzgen.model.document import referenced_files
from lzgen.model.renames import previous_org, renames
from lzgen.moves import moved_tree
from lzgen.plan import LandingZone, build_plan
from lzgen.render import render
from lzgen.rules import RuleContext, run_plan_rules, run_rules
from lzgen.rules.renames import previous_version
from lzgen.shape import check_shape
from lzgen.write import write_tree

__all__ = [
    "Checked",
    "build_plan",
    "check_document",
    "load_and_check",
    "load_and_validate",
    "names_other_files",
    "render",
    "render_tree",
    "validate_document",
    "write_tree",
]


@contextmanager
def _young_collections_deferred() -> Iterator[None]:
    """The stages allocate millions of short-lived objects that form no cycles. CPython
    collects the young generation every 700 net allocations, and each collection walks the
    survivors: at 1,000 accounts that is a few hundred collections finding nothing, a cost that
    grows with the heap. Collect every 50,000 instead while a stage runs."""
    threshold = gc.get_threshold()
    gc.set_threshold(50_000, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


@dataclass(frozen=True)
class Checked:
    """A checked file: its model and plan when it has no error, and every diagnostic."""

    org: OrgFile | None
    plan: LandingZone | None
    diagnostics: list[Diagnostic]


def check_document(doc: Document) -> Checked:
    """Shape, rules, then the plan and the rules on it (only a file without errors is
    planned). ``org`` and ``plan`` are set only when there is no error."""
    with _young_collections_deferred():
        return _check(doc)


def _check(doc: Document) -> Checked:
    org, diagnostics = check_shape(doc)
    if org is None:
        return Checked(None, None, sorted_diagnostics(diagnostics))
    files = load_attachments(doc, referenced_files(org))
    catalog = (
        load_catalog(doc.base, org.service_catalog.blueprints) if org.service_catalog else None
    )
    ctx = RuleContext(doc, org, files, catalog or Catalog())
    diagnostics = run_rules(ctx)
    if has_errors(diagnostics):
        return Checked(None, None, sorted_diagnostics(diagnostics))
    lz = build_plan(org, files, catalog)
    diagnostics = sorted_diagnostics([*diagnostics, *run_plan_rules(ctx, lz)])
    if has_errors(diagnostics):
        return Checked(None, None, diagnostics)
    if found := renames(org):
        before = previous_org(org)
        again = RuleContext(doc, before, files, catalog or Catalog())
        problems = previous_version.check(ctx, found, run_rules(again))
        if problems:
            return Checked(None, None, sorted_diagnostics([*diagnostics, *problems]))
        lz = replace(lz, previous=build_plan(before, files, catalog), renames=tuple(found))
    return Checked(org, lz, diagnostics)


def load_and_check(path: Path, display: str | None = None, raw: bytes | None = None) -> Checked:
    """``raw``: the file's bytes, when the caller already read them (``load_file``)."""
    try:
        with _young_collections_deferred():
            doc = load_file(path, display, raw)
    except LoadError as exc:
        return Checked(None, None, [exc.diagnostic])
    return check_document(doc)


def validate_document(doc: Document) -> tuple[OrgFile | None, list[Diagnostic]]:
    """``check_document`` without the plan. The OrgFile is returned only when there is no
    error."""
    checked = check_document(doc)
    return checked.org, checked.diagnostics


def load_and_validate(
    path: Path, display: str | None = None
) -> tuple[OrgFile | None, list[Diagnostic]]:
    checked = load_and_check(path, display)
    return checked.org, checked.diagnostics


def names_other_files(org: OrgFile) -> bool:
    """Whether the stages read files the org file names (attachments, its own blueprint
    folder), beside the file itself and lzgen's own."""
    catalog = org.service_catalog
    return bool(referenced_files(org)) or (catalog is not None and catalog.blueprints is not None)


def render_tree(lz: LandingZone, input_sha256: str) -> dict[str, str]:
    """Every output file, the manifest included."""
    with _young_collections_deferred():
        files = render(lz)
        moved, moved_from = moved_tree(lz, files)
        files = dict(sorted({**files, **moved}.items())) if moved else files
        files[MANIFEST_NAME] = build_manifest(lz, files, input_sha256, moved_from)
    return files
