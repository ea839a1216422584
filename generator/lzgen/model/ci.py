"""Files for the CI that runs the committed tree: Atlantis's repo-level ``atlantis.yaml``."""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

from lzgen.model.common import StrictModel

# a path inside the repository: segments of letters, digits, '.', '_' and '-' (none starting
# with '.', so never '.' or '..'), no leading or trailing '/'; "" is the repository root
RepoPath = Annotated[
    str,
    StringConstraints(pattern=r"^([A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*)?$"),
]
WorkflowName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$")]


class Atlantis(StrictModel):
    """An ``atlantis.yaml`` at the root of the rendered tree: one project per stack, planned
    when its files change, applied in the manifest's order (``depends_on``), in parallel
    within a wave (``execution_order_group``)."""

    enabled: bool = True  # the block turns it on; false keeps the settings and writes no file
    # where the rendered tree sits in the repository, prefixed to every project's dir: Atlantis
    # reads project dirs from the repository root. Not the root: point the server's
    # repo_config_file at <root>/atlantis.yaml
    root: RepoPath = ""
    # a workflow the Atlantis server defines (its repos.yaml), set on every project; none is
    # Atlantis's default workflow (init, plan, apply)
    workflow: WorkflowName | None = None


class Ci(StrictModel):
    """Files for the CI that plans and applies the committed tree."""

    atlantis: Atlantis | None = None


def atlantis_enabled(ci: Ci) -> Atlantis | None:
    """The Atlantis settings when the file asks for an ``atlantis.yaml``, else None."""
    return ci.atlantis if ci.atlantis is not None and ci.atlantis.enabled else None
