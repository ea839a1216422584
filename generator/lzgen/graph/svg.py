"""SVG through Graphviz: the DOT form piped to ``dot -Tsvg`` (Graphviz on PATH)."""

from __future__ import annotations

import shutil
import subprocess


class GraphvizError(Exception):
    """No Graphviz, or Graphviz refused the graph: the message says which and what to do."""


INSTALL = (
    "SVG needs Graphviz's `dot` on PATH: install Graphviz (apt install graphviz, brew install "
    "graphviz, choco install graphviz), or write --format dot and draw it elsewhere"
)


def to_svg(dot_text: str, dot: str = "dot") -> str:
    found = shutil.which(dot)
    if found is None:
        raise GraphvizError(INSTALL)
    proc = subprocess.run(
        [found, "-Tsvg"], input=dot_text, capture_output=True, text=True, check=False, timeout=300
    )
    if proc.returncode != 0 or "<svg" not in proc.stdout:
        raise GraphvizError(
            f"Graphviz's dot failed (exit {proc.returncode}): {proc.stderr.strip()}"
        )
    return proc.stdout
