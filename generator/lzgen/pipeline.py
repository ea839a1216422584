"""The stages end to end: load -> shape -> rules -> plan -> render -> write.

Each stage is a plain function; this module only strings them together for the CLI,
the tests and the benchmarks.
"""

from __future__ import annotations

from pathlib import Path

from lzgen.diagnostics import Diagnostic, has_errors, sorted_diagnostics
from lzgen.load import Document, LoadError, load_file
from lzgen.manifest import MANIFEST_NAME, build_manifest
from lzgen.model import OrgFile
from lzgen.plan import LandingZone, build_plan
from lzgen.render import render
from lzgen.rules import run_rules
from lzgen.shape import check_shape
from lzgen.write import write_tree

__all__ = [
    "build_plan",
    "load_and_validate",
    "render",
    "render_tree",
    "validate_document",
    "write_tree",
]


def validate_document(doc: Document) -> tuple[OrgFile | None, list[Diagnostic]]:
    """Shape, then rules. The OrgFile is returned only when there is no error."""
    org, diagnostics = check_shape(doc)
    if org is None:
        return None, sorted_diagnostics(diagnostics)
    diagnostics = sorted_diagnostics(run_rules(doc, org))
    return (None if has_errors(diagnostics) else org), diagnostics


def load_and_validate(
    path: Path, display: str | None = None
) -> tuple[OrgFile | None, list[Diagnostic]]:
    try:
        doc = load_file(path, display)
    except LoadError as exc:
        return None, [exc.diagnostic]
    return validate_document(doc)


def render_tree(lz: LandingZone, input_sha256: str) -> dict[str, str]:
    """Every output file, the manifest included."""
    files = render(lz)
    files[MANIFEST_NAME] = build_manifest(lz, files, input_sha256)
    return files
