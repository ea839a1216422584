"""Plan: stack order and wiring that does not need Terraform to check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import org
from lzgen.load import load_file, load_text
from lzgen.pipeline import check_document, validate_document
from lzgen.plan.log_archive import log_bucket_name
from lzgen.plan.order import apply_order
from lzgen.plan.types import Stack

REPO = Path(__file__).resolve().parents[1]
SOURCES = sorted((REPO / "examples").glob("*.yaml")) + sorted(
    (REPO / "tests" / "cases").glob("*/org.yaml")
)


def _plan(path: Path) -> list[Stack]:
    checked = check_document(load_file(path))
    assert checked.plan is not None
    return list(checked.plan.stacks)


@pytest.mark.parametrize("source", SOURCES, ids=[str(p.relative_to(REPO)) for p in SOURCES])
def test_every_stack_comes_after_the_stacks_it_depends_on(source: Path) -> None:
    stacks = _plan(source)
    paths = [s.path for s in stacks]
    assert paths[:2] == ["bootstrap", "organization"]
    for position, stack in enumerate(stacks):
        for upstream in (*stack.depends_on, *(path for _, path in stack.reads)):
            assert upstream in paths[:position], f"{stack.path} before {upstream}"


def test_main_example_dag() -> None:
    stacks = _plan(REPO / "examples" / "org.yaml")
    assert [(s.path, s.depends_on) for s in stacks] == [
        ("bootstrap", ()),
        ("organization", ("bootstrap",)),
        ("deployer-role", ("organization",)),
        ("identity-center", ("organization",)),
        ("accounts/log-archive/us-east-1", ("deployer-role", "organization")),
        (
            "accounts/app-a/us-east-1",
            ("accounts/log-archive/us-east-1", "deployer-role", "organization"),
        ),
        (
            "accounts/audit/us-east-1",
            ("accounts/log-archive/us-east-1", "deployer-role", "organization"),
        ),
        (
            "accounts/network/us-east-1",
            ("accounts/log-archive/us-east-1", "deployer-role", "organization"),
        ),
        ("organization-trail", ("accounts/log-archive/us-east-1", "organization")),
        ("security/management/us-east-1", ("accounts/log-archive/us-east-1", "organization")),
    ]


def test_apply_order_is_topological_with_ties_by_path() -> None:
    def stack(path: str, *depends_on: str) -> Stack:
        return Stack(path, path, depends_on, (), 0, "a", "r")

    given = {
        s.path: s for s in [stack("o"), stack("b", "o", "c"), stack("c", "o"), stack("d", "o")]
    }
    assert [s.path for s in apply_order(given)] == ["o", "c", "d", "b"]
    cycle = {s.path: s for s in [stack("x", "y"), stack("y", "x")]}
    with pytest.raises(AssertionError, match="cycle among: x, y"):
        apply_order(cycle)


def test_log_bucket_name_is_a_valid_bucket_name_for_the_longest_org_name() -> None:
    text = org().replace("name: example-corp", "name: " + "a-" * 23 + "bc")
    model, found = validate_document(load_text(text))
    assert model is not None, found
    name = log_bucket_name(model)
    assert len(name) <= 63
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*[a-z0-9]", name), name
    assert name.startswith("log-archive-111111111111-")
