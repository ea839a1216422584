"""A render of the inputs a tree was rendered from skips the stages (lzgen.unchanged), and says
exactly what running them would say: the same report, the same diagnostics. Anything that could
make the stages say something else runs them: a changed input, lzgen, a file edited or gone.

"The stages ran" is observed by making ``lzgen.pipeline.load_and_check`` count its calls.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lzgen import pipeline, unchanged
from lzgen.cli import app

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "org.yaml"
WARNS = REPO / "examples" / "hub-and-spoke.yaml"  # renders with two warnings
ATTACHES = REPO / "examples" / "cloudhsm-saas.yaml"  # names a certificate file

runner = CliRunner()


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """The files the stages were run for, in this test (a cache folder of its own)."""
    monkeypatch.setenv("LZGEN_CACHE_DIR", str(tmp_path / "cache"))
    seen: list[Path] = []
    real = pipeline.load_and_check

    def counting(path: Path, *args: Any, **kwargs: Any) -> Any:
        seen.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "load_and_check", counting)
    return seen


def render(source: Path, out: Path, *extra: str) -> Any:
    return runner.invoke(app, ["render", str(source), "-o", str(out), *extra])


def copy_of(source: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir(exist_ok=True)
    target = folder / source.name
    shutil.copy(source, target)
    return target


def test_a_second_render_skips_the_stages_and_says_the_same(
    runs: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = render(WARNS, out)
    assert first.exit_code == 0, first.output
    full = render(WARNS, tmp_path / "other")  # the stages' answer for an identical tree
    shutil.rmtree(tmp_path / "other")
    assert len(runs) == 2
    again = render(WARNS, out)
    assert again.exit_code == 0, again.output
    assert len(runs) == 2  # answered by the record
    assert "warning" in again.stderr
    assert again.stderr == first.stderr
    assert again.stdout.splitlines()[-1].startswith("0 create, 0 update, 0 remove, ")
    assert again.stdout.replace(str(out), "OUT") == (
        render(WARNS, out, "--dry-run").stdout.replace(str(out), "OUT")
    )
    assert full.stderr == first.stderr


def test_allow_remove_notes_are_printed_as_by_the_stages(runs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert render(EXAMPLE, out).exit_code == 0
    reused = render(EXAMPLE, out, "--allow-remove", "peerings/nothing")
    assert len(runs) == 1
    assert reused.exit_code == 0
    assert "note: --allow-remove peerings/nothing:" in reused.stderr


@pytest.mark.parametrize("change", ["edit", "delete", "manifest"])
def test_a_changed_tree_runs_the_stages(runs: list[Path], tmp_path: Path, change: str) -> None:
    out = tmp_path / "out"
    assert render(EXAMPLE, out).exit_code == 0
    victim = out / "organization" / "versions.tf"
    if change == "edit":
        victim.write_text(victim.read_text(encoding="utf-8") + "# mine\n", encoding="utf-8")
        expected = "update    organization/versions.tf (had been edited by hand)"
    elif change == "delete":
        victim.unlink()
        expected = "create    organization/versions.tf"
    else:
        manifest = out / "lzgen.manifest.json"
        manifest.write_text(manifest.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        expected = "update    lzgen.manifest.json"
    result = render(EXAMPLE, out)
    assert result.exit_code == 0, result.output
    assert len(runs) == 2
    assert expected in result.stdout.splitlines()
    assert render(EXAMPLE, out).stdout.splitlines()[-1].endswith("nothing to write (10 stacks)")
    assert len(runs) == 2  # the repaired tree is recorded again


def test_a_changed_input_or_lzgen_runs_the_stages(
    runs: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = copy_of(EXAMPLE, tmp_path)
    out = tmp_path / "out"
    assert render(source, out).exit_code == 0
    source.write_text(source.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    assert render(source, out).exit_code == 0
    assert len(runs) == 2  # another org file: the manifest's input hash changes too
    monkeypatch.setattr(unchanged, "_code_digest", lambda: "another lzgen")
    assert render(source, out).exit_code == 0
    assert len(runs) == 3
    shown_otherwise = Path("src") / source.name  # the name diagnostics show it by
    monkeypatch.chdir(tmp_path)
    assert render(shown_otherwise, out).exit_code == 0
    assert len(runs) == 4


def test_leftovers_beside_the_tree_run_the_stages(runs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert render(EXAMPLE, out).exit_code == 0
    (tmp_path / ".out.lzgen-new-999999").mkdir()
    assert render(EXAMPLE, out).exit_code == 0
    assert len(runs) == 2
    assert not (tmp_path / ".out.lzgen-new-999999").exists()  # the write stage repaired it


def test_an_org_file_that_names_other_files_is_never_recorded(
    runs: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert render(ATTACHES, out).exit_code == 0
    assert render(ATTACHES, out).exit_code == 0
    assert len(runs) == 2
    assert not (tmp_path / "cache").exists()


def test_records_can_be_turned_off(
    runs: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LZGEN_CACHE_DIR", "off")
    out = tmp_path / "out"
    assert render(EXAMPLE, out).exit_code == 0
    assert render(EXAMPLE, out).exit_code == 0
    assert len(runs) == 2


def test_a_dry_run_runs_the_stages(runs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert render(EXAMPLE, out).exit_code == 0
    assert render(EXAMPLE, out, "--dry-run").exit_code == 0
    assert len(runs) == 2
