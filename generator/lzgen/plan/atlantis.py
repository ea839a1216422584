"""``atlantis.yaml``: Atlantis's repo-level config for the rendered tree, when the org file asks
for it (``organization.ci.atlantis``).

One project per stack, in the manifest's order: its name, its directory (under
``atlantis.root``, the tree's path inside the repository), ``depends_on`` the projects of the
stacks it depends on (the same ``Stack.depends_on`` the manifest writes, so both tell one DAG)
and ``execution_order_group`` its wave in that DAG (plan/order.py), so that a global
``atlantis plan``/``apply`` runs the waves in order and each wave's stacks in parallel. A stack
autoplans when one of its files changes: its ``.tf`` files, its lock file and the other files
lzgen writes beside them (policy JSON, templates, certificates).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from lzgen import __version__
from lzgen.model.ci import Atlantis, atlantis_enabled
from lzgen.plan.index import PlanIndex
from lzgen.plan.order import apply_waves
from lzgen.plan.types import FileSpec, Stack

ATLANTIS_FILE = "atlantis.yaml"  # the only name Atlantis reads (or the server's repo_config_file)
LOCK_FILE = ".terraform.lock.hcl"  # terraform providers lock writes it; lzgen never does
AUTOPLAN_PATTERNS = ("*.tf", LOCK_FILE)  # relative to the project's dir


def project_names(stacks: Sequence[Stack]) -> dict[str, str]:
    """Stack path -> Atlantis project name: the stack's name, or its path where two stacks
    share a name (an account named like a stack kind, ``peerings/us-east-1``, say)."""
    taken = Counter(s.name for s in stacks)
    return {s.path: s.name if taken[s.name] == 1 else s.path for s in stacks}


def _when_modified(stack: Stack) -> list[str]:
    others = sorted({f.path for f in stack.files if not f.path.endswith(".tf")})
    return [*AUTOPLAN_PATTERNS, *others]


def _projects(settings: Atlantis, stacks: Sequence[Stack]) -> list[dict[str, Any]]:
    names = project_names(stacks)
    by_path = {s.path: s for s in stacks}
    group = {s.path: i for i, wave in enumerate(apply_waves(by_path)) for s in wave}
    prefix = f"{settings.root}/" if settings.root else ""
    return [
        {
            "name": names[s.path],
            "dir": f"{prefix}{s.path}",
            "group": group[s.path],
            "depends_on": sorted(names[d] for d in s.depends_on if d in by_path),
            "when_modified": _when_modified(s),
        }
        for s in stacks
    ]


def plan_atlantis(index: PlanIndex, stacks: Sequence[Stack]) -> tuple[FileSpec, ...]:
    """``atlantis.yaml`` for ``stacks`` (in apply order), or nothing when Atlantis is off."""
    settings = atlantis_enabled(index.org.organization.ci)
    if settings is None:
        return ()
    context = {
        "lzgen_version": __version__,
        "workflow": settings.workflow,
        "projects": _projects(settings, stacks),
    }
    return (FileSpec(ATLANTIS_FILE, "atlantis/atlantis.yaml.j2", context),)
