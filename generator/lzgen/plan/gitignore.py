"""The tree's ``.gitignore``: what terraform and ``lzgen plan`` leave in a stack that never
belongs in git (downloaded providers, plans, state, crash logs). Lock files are not ignored:
teams commit them (``terraform providers lock``), and lzgen never writes or removes them."""

from __future__ import annotations

from lzgen import __version__
from lzgen.plan.types import FileSpec

GITIGNORE = ".gitignore"


def plan_gitignore() -> FileSpec:
    return FileSpec(GITIGNORE, "gitignore/gitignore.j2", {"lzgen_version": __version__})
