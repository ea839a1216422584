"""The order stacks apply in: waves of the stack DAG, each wave's stacks sorted by path.

A wave is every stack whose dependencies are all in earlier waves: its stacks are independent
of each other and may apply in parallel. The manifest's apply order is the waves one after the
other; the generated README lists the waves themselves.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from lzgen.plan.types import Stack


def apply_waves(stacks: Mapping[str, Stack]) -> list[list[Stack]]:
    """Kahn's algorithm in waves. Linear in stacks + edges (a wiring stack may depend on
    1,000); dependencies on paths that are not in ``stacks`` are ignored."""
    waiting = {path: len(set(stack.depends_on) & stacks.keys()) for path, stack in stacks.items()}
    dependents: dict[str, list[str]] = defaultdict(list)
    for path, stack in stacks.items():
        for dep in set(stack.depends_on) & stacks.keys():
            dependents[dep].append(path)
    waves: list[list[Stack]] = []
    ready = sorted(path for path, count in waiting.items() if count == 0)
    while ready:
        following: list[str] = []
        for path in ready:
            del waiting[path]
            for later in dependents[path]:
                waiting[later] -= 1
                if waiting[later] == 0:
                    following.append(later)
        waves.append([stacks[path] for path in ready])
        ready = sorted(following)
    if waiting:
        cycle = ", ".join(sorted(waiting))
        raise AssertionError(f"stack dependency cycle among: {cycle}")  # a planner bug
    return waves


def apply_order(stacks: Mapping[str, Stack]) -> tuple[Stack, ...]:
    """Topological order of the stack DAG; among stacks that are ready, by path."""
    return tuple(stack for wave in apply_waves(stacks) for stack in wave)
