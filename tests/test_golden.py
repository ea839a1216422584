"""Golden trees: every example and every tests/cases/*/org.yaml renders to exactly the
committed tree under tests/golden/<case>/.

Regenerate after an intended change with:
    LZGEN_UPDATE_GOLDEN=1 pytest tests/test_golden.py
and review the diff like any other code change.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lzgen.cli import app

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden"
REGENERATE = "LZGEN_UPDATE_GOLDEN=1 pytest tests/test_golden.py"


def _cases() -> list[tuple[str, Path]]:
    cases = [(p.stem, p) for p in sorted((REPO / "examples").glob("*.yaml"))]
    cases += [(p.parent.name, p) for p in sorted((REPO / "tests" / "cases").glob("*/org.yaml"))]
    return cases


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize(("name", "source"), _cases(), ids=[c[0] for c in _cases()])
def test_golden_tree(name: str, source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["render", str(source.relative_to(REPO)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    expected_dir = GOLDEN / name
    if os.environ.get("LZGEN_UPDATE_GOLDEN"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        shutil.copytree(out, expected_dir)
    actual, expected = _tree(out), _tree(expected_dir)
    assert sorted(actual) == sorted(expected), f"file list differs; regenerate: {REGENERATE}"
    for path, content in actual.items():
        assert content == expected[path], f"{path} differs; regenerate: {REGENERATE}"
