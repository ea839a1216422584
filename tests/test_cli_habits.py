"""What a CLI user expects of lzgen: -h and -V, a starter file in a new folder, the right
plurals, and a render that lists what it changed without burying the summary."""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

from lzgen.cli import app
from lzgen.report import plural

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from synth_org import synth_org  # noqa: E402

EXAMPLE = ROOT / "examples" / "org.yaml"


def test_short_help_and_version() -> None:
    helped = CliRunner().invoke(app, ["-h"])
    assert helped.exit_code == 0
    assert "Usage:" in helped.stdout
    assert "render" in helped.stdout
    assert "--allow-remove" in CliRunner().invoke(app, ["render", "-h"]).stdout
    version = CliRunner().invoke(app, ["-V"])
    assert version.exit_code == 0
    assert version.stdout.startswith("lzgen ")


def test_shell_completion_is_offered() -> None:
    assert "--install-completion" in CliRunner().invoke(app, ["--help"]).stdout


def test_init_creates_missing_folders(tmp_path: Path) -> None:
    target = tmp_path / "new" / "landing-zone" / "org.yaml"
    result = CliRunner().invoke(app, ["init", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text().startswith("# yaml-language-server:")
    again = CliRunner().invoke(app, ["init", str(target)])
    assert again.exit_code == 2
    assert f"{target} exists; not overwriting it" in again.stderr


def test_init_says_why_it_cannot_write(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("")
    result = CliRunner().invoke(app, ["init", str(tmp_path / "a-file" / "org.yaml")])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"lzgen: error: cannot write {tmp_path / 'a-file' / 'org.yaml'}:"
    )


def test_plurals() -> None:
    assert [plural(1, "stack"), plural(0, "stack"), plural(2, "stack")] == [
        "1 stack",
        "0 stacks",
        "2 stacks",
    ]


def test_a_large_render_prints_its_summary_not_every_file(tmp_path: Path) -> None:
    """Issue 18: a 1,000-account render prints at most 5 lines by default; -v lists every
    file, -q nothing."""
    source = tmp_path / "org.yaml"
    source.write_text(synth_org(1000))
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["render", str(source), "-o", str(out), "--dry-run"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) <= 5, lines
    assert lines[0].startswith("10054 create, 0 update, 0 remove, 0 identical; would write ")
    assert lines[1] == "(10054 created and updated files not listed; -v lists them)"


def test_verbose_lists_every_file_and_quiet_none(tmp_path: Path) -> None:
    out = tmp_path / "out"
    verbose = CliRunner().invoke(app, ["render", str(EXAMPLE), "-o", str(out), "--dry-run", "-v"])
    created = [line for line in verbose.stdout.splitlines() if line.startswith("create ")]
    assert len(created) == int(verbose.stdout.splitlines()[-1].split(" create")[0])
    quiet = CliRunner().invoke(app, ["render", str(EXAMPLE), "-o", str(out), "-q"])
    assert quiet.exit_code == 0
    assert quiet.stdout == ""
    assert (out / "lzgen.manifest.json").is_file()
