"""Rendering is byte-identical: twice in a row, and across PYTHONHASHSEED values."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))


def _render(source: Path, out: Path, seed: str) -> dict[str, bytes]:
    code = "from lzgen.cli import main; main()"
    subprocess.run(
        [sys.executable, "-c", code, "render", str(source), "-o", str(out)],
        check=True,
        capture_output=True,
        env={"PYTHONHASHSEED": seed, "PATH": ""},
        cwd=REPO,
    )
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


@pytest.mark.parametrize("source", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_same_bytes_under_different_hash_seeds(source: Path, tmp_path: Path) -> None:
    first = _render(source, tmp_path / "seed0", "0")
    second = _render(source, tmp_path / "seed1", "1")
    third = _render(source, tmp_path / "seed-random", "random")
    assert first == second == third
