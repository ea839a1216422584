"""The manifest: what lzgen generated, so it only ever touches its own files."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from lzgen import __version__

if TYPE_CHECKING:  # the plan package is large: reading a manifest needs none of it
    from lzgen.plan.types import LandingZone

MANIFEST_NAME = "lzgen.manifest.json"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build_manifest(
    lz: LandingZone,
    files: dict[str, str],
    input_sha256: str,
    moved_from: dict[str, str] | None = None,
) -> str:
    """Manifest JSON text: deterministic (no timestamps), stacks in apply order. A stack a
    rename gave a new path says where it was (``moved_from``)."""
    moved_from = moved_from or {}
    data: dict[str, Any] = {
        "lzgen_version": __version__,
        "input_sha256": input_sha256,
        "stacks": [
            {
                "name": s.name,
                "path": s.path,
                "depends_on": list(s.depends_on),
                "reads": dict(s.reads),
                "resources": s.resource_count,
                **({"moved_from": moved_from[s.path]} if s.path in moved_from else {}),
            }
            for s in lz.stacks
        ],
        "files": {path: sha256(text) for path, text in sorted(files.items())},
    }
    return json.dumps(data, indent=2) + "\n"


def parse_manifest(text: str) -> dict[str, Any] | None:
    """The manifest's data, or None if the text is not a manifest lzgen wrote."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        return None
    return data
