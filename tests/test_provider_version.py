"""One AWS provider version everywhere: every stack's required_providers comes from
``organization.terraform.aws_provider_version`` (default: the tested 5.100 minor)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import BASE, diagnostics, org
from lzgen.load import load_text
from lzgen.model.terraform import DEFAULT_AWS_PROVIDER_VERSION, admits_major
from lzgen.pipeline import check_document, render_tree

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))
VERSION = re.compile(
    r'required_providers \{\n    aws = \{\n      source  = "hashicorp/aws"\n'
    r'      version = "(?P<version>[^"]*)"\n'
)


def _render(text: str, source: Path) -> dict[str, str]:
    doc = load_text(text, str(source))
    doc.base = source.resolve().parent
    checked = check_document(doc)
    assert checked.plan is not None, [(d.code, d.line, d.message) for d in checked.diagnostics]
    return render_tree(checked.plan, "0" * 64)


def _versions(files: dict[str, str]) -> dict[str, str]:
    """Stack path -> the hashicorp/aws constraint of its versions.tf."""
    found = {}
    for path, text in files.items():
        if path.endswith("/versions.tf"):
            match = VERSION.search(text)
            assert match, path
            found[path.removesuffix("/versions.tf")] = match["version"]
    return found


def _organization_with(line: str) -> str:
    """The helpers' valid organization with one more line; that line is line 10."""
    return org(BASE["organization"] + line + "\n")


def test_the_default_is_the_tested_minor_and_admits_the_provider_here() -> None:
    assert DEFAULT_AWS_PROVIDER_VERSION == "~> 5.100.0"
    assert admits_major(DEFAULT_AWS_PROVIDER_VERSION, 5)


@pytest.mark.parametrize("source", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_stack_requires_the_default(source: Path) -> None:
    files = _render(source.read_text(encoding="utf-8"), source)
    versions = _versions(files)
    stacks = {p.rsplit("/", 1)[0] for p in files if p.endswith(".tf")}
    assert set(versions) == stacks  # every stack has a versions.tf
    assert set(versions.values()) == {DEFAULT_AWS_PROVIDER_VERSION}


@pytest.mark.parametrize(
    "source",
    [REPO / "examples" / "service-catalog.yaml", REPO / "examples" / "hub-and-spoke.yaml"],
    ids=["service-catalog", "hub-and-spoke"],
)
def test_one_setting_changes_every_stack(source: Path) -> None:
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  terraform: .*\n", "", text)
    text = text.replace(
        "\norganization:\n",
        '\norganization:\n  terraform: { aws_provider_version: ">= 5.40, < 6.0" }\n',
    )
    versions = _versions(_render(text, source))
    assert len(versions) > 5
    assert set(versions.values()) == {">= 5.40, < 6.0"}


@pytest.mark.parametrize(
    "value",
    [
        "~> 5.100.0",
        ">= 5.40, < 6.0",
        "5.100.0",
        "= 5.100.0",
        "~>5.1",
        "> 5, != 5.1.0",
        "5.0.0-beta1",
    ],
)
def test_valid_constraints(value: str) -> None:
    line = f'  terraform: {{ aws_provider_version: "{value}" }}'
    assert diagnostics(_organization_with(line)) == []


@pytest.mark.parametrize(
    "value",
    ["5.x", "latest", "~>", ">= 5.40 < 6.0", ">= 5.40,", "", "=> 5.0", "v5.100.0", "5.1.2.3"],
)
def test_a_bad_constraint_points_at_it_with_the_syntax(value: str) -> None:
    line = f'  terraform: {{ aws_provider_version: "{value}" }}'
    found = diagnostics(_organization_with(line))
    assert [(d.code, d.line, d.column) for d in found] == [("LZ1012", 10, line.index('"') + 1)]
    d = found[0]
    assert d.path == "organization.terraform.aws_provider_version"
    assert d.message == (
        "organization.terraform.aws_provider_version: not a Terraform version constraint, "
        f"got {value!r}"
    )
    assert d.hint.startswith("a Terraform version constraint is one or more comma-separated")


def test_a_number_is_not_a_constraint() -> None:
    found = diagnostics(_organization_with("  terraform: { aws_provider_version: 5.1 }"))
    assert [(d.code, d.line) for d in found] == [("LZ1012", 10)]


@pytest.mark.parametrize(
    ("constraint", "admits"),
    [
        ("~> 5.100.0", True),
        ("~> 5.100", True),
        ("~> 5", True),
        (">= 5.40, < 6.0", True),
        (">= 4.0", True),
        ("< 5.0.1", True),
        ("<= 5.0.0", True),
        ("!= 5.0.0", True),
        ("> 5.0.0, < 5.0.3, != 5.0.1", True),
        ("~> 6.0", False),
        ("~> 4.67", False),
        ("= 4.67.0", False),
        ("< 5.0.0", False),
        (">= 6", False),
        (">= 5.40, < 5.0", False),
        ("> 5.0.0, < 5.0.2, != 5.0.1", False),
        ("~> 4.67.0", False),
    ],
)
def test_admits_major(constraint: str, admits: bool) -> None:
    assert admits_major(constraint, 5) is admits


def _constraint(value: str) -> str:
    return _organization_with(f'  terraform: {{ aws_provider_version: "{value}" }}')


# LZ2026 (a warning): the constraint admits no 5.x release. Counts for test_rules.py's
# every-code check.
FAILING: list[tuple[str, str, list[tuple[str, int, int]]]] = [
    ("LZ2026-next-major", _constraint("~> 6.0"), [("LZ2026", 10, 38)]),
    ("LZ2026-previous-minor", _constraint("~> 4.67"), [("LZ2026", 10, 38)]),
    ("LZ2026-empty-range", _constraint(">= 5.40, < 5.0"), [("LZ2026", 10, 38)]),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in FAILING])
def test_lz2026_warns_on_a_constraint_that_admits_no_5x(
    text: str, expected: list[tuple[str, int, int]]
) -> None:
    found = diagnostics(text)
    assert [(d.code, d.line, d.column) for d in found] == expected
    assert {d.severity.value for d in found} == {"warning"}


def test_lz2026_accepts_a_range_inside_5() -> None:
    assert diagnostics(_constraint(">= 5.40, < 6.0, != 5.50.0")) == []
