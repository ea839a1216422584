"""The plan files ``lzgen plan`` leaves in a stack (the tree's ``.gitignore`` keeps them out of
git), each written whole: a temporary file renamed over it, so no reader ever sees half a plan."""

from __future__ import annotations

import os
import threading
from pathlib import Path

PLAN_FILE = "tfplan"  # a real plan's binary plan file, for `terraform apply tfplan`
PLAN_JSON = "tfplan.json"  # a stack's plan JSON, kept with --json


def partial_name(target: Path) -> Path:
    """Where ``target`` is written before it is renamed into place (a hidden sibling)."""
    return target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")


def write_whole(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_name(target)
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
