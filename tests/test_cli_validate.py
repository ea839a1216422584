"""``lzgen validate`` with several files, as the pre-commit hook passes them: every file's
diagnostics in one output, exit 1 when any file has an error."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from lzgen.cli import app

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "org.yaml"
OVERLAP = REPO / "tests" / "errors" / "vpc_overlap.yaml"

runner = CliRunner()


def test_several_valid_files_each_say_ok() -> None:
    result = runner.invoke(
        app, ["validate", str(EXAMPLE), str(REPO / "examples" / "brownfield.yaml")]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{EXAMPLE}: ok",
        f"{REPO / 'examples' / 'brownfield.yaml'}: ok",
    ]


def test_one_bad_file_among_several_fails_with_its_diagnostics_only() -> None:
    result = runner.invoke(app, ["validate", str(EXAMPLE), str(OVERLAP), "--format", "json"])
    assert result.exit_code == 1
    found = [(d["code"], d["file"]) for d in json.loads(result.stdout)["diagnostics"]]
    assert found == [("LZ3005", str(OVERLAP))]


def test_a_missing_file_among_several_exits_2_before_any_check() -> None:
    result = runner.invoke(app, ["validate", str(EXAMPLE), "nowhere.yaml"])
    assert result.exit_code == 2
    assert "nowhere.yaml: no such file" in result.output
    assert "ok" not in result.output
