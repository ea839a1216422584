"""Where lzgen's own data folders are: ``templates`` and ``blueprints`` ship inside the wheel
(``lzgen/templates``, ``lzgen/blueprints``); in a source checkout they sit at the repository
root. Imports nothing heavy, so the render short-cut (``lzgen.unchanged``) can hash them."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).parent


def data_dir(name: str) -> Path:
    """The folder ``name`` (``templates`` or ``blueprints``) of this lzgen."""
    packaged = PACKAGE_DIR / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name
