"""``lzgen check``: a committed tree against what render writes (with the org file) or against
its own manifest (without): exact findings, exit codes, and that check writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import without_app_a
from lzgen.check import EDITED, EXTRA, MISSING, STALE, UNMANAGED
from lzgen.cli import app

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "org.yaml"
STACK = "accounts/app-a/us-east-1"
EDITED_FILE = "deployer-role/outputs.tf"

runner = CliRunner()


def check(*args: str) -> tuple[int, list[tuple[str, str, int]], str]:
    """Exit code, (code, file, line) of each finding (JSON format), and the text output."""
    as_json = runner.invoke(app, ["check", *args, "--format", "json"])
    text = runner.invoke(app, ["check", *args])
    assert text.exit_code == as_json.exit_code, text.output
    found = [(d["code"], d["file"], d["line"]) for d in json.loads(as_json.stdout)["diagnostics"]]
    return text.exit_code, found, text.output


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository-like folder: org.yaml and its tree rendered into out/ (cwd is the folder,
    so findings name out/<path> as a CI job run from the repository root would)."""
    (tmp_path / "org.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["render", "org.yaml", "-o", "out"])
    assert result.exit_code == 0, result.output
    return tmp_path


def snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    return {
        p.relative_to(root).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_a_fresh_render_is_up_to_date_with_and_without_the_org_file(work: Path) -> None:
    for args in (["org.yaml", "-o", "out"], ["-o", "out"]):
        code, found, output = check(*args)
        assert (code, found) == (0, []), output
        assert output.startswith("out: up to date with ")


def test_a_hand_edit_is_named_with_its_line_and_undone_by_rendering_again(work: Path) -> None:
    target = work / "out" / EDITED_FILE
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace('"lzgen-deployer"', '"someone-elses-role"')
    target.write_text("".join(lines), encoding="utf-8")

    code, found, output = check("org.yaml", "-o", "out")
    assert (code, found) == (1, [(EDITED, f"out/{EDITED_FILE}", 3)])
    assert '-  value       = "someone-elses-role"' in output
    assert '+  value       = "lzgen-deployer"' in output
    assert "hint: run `lzgen render org.yaml -o out` and commit the result" in output

    code, found, output = check("-o", "out")
    assert (code, found) == (1, [(EDITED, f"out/{EDITED_FILE}", 1)])
    assert f"git checkout -- out/{EDITED_FILE}" in output

    assert runner.invoke(app, ["render", "org.yaml", "-o", "out"]).exit_code == 0
    assert check("org.yaml", "-o", "out")[:2] == (0, [])
    assert check("-o", "out")[:2] == (0, [])


def test_a_stale_tree_names_every_file_render_would_change(work: Path) -> None:
    org = work / "org.yaml"
    org.write_text(
        org.read_text(encoding="utf-8").replace("cidr: 10.20.0.0/20", "cidr: 10.21.0.0/20"),
        encoding="utf-8",
    )
    code, found, _ = check("org.yaml", "-o", "out")
    assert code == 1
    stale = {file for c, file, _ in found if c == STALE}
    assert {c for c, _, _ in found} == {STALE}
    assert f"out/{STACK}/vpc_app-a-vpc.tf" in stale
    assert "out/lzgen.manifest.json" in stale  # the input's hash changed
    # the tree still matches its own manifest: nobody edited it
    assert check("-o", "out")[:2] == (0, [])


def test_missing_extra_and_unmanaged_files(work: Path) -> None:
    (work / "out" / STACK / "outputs.tf").unlink()
    (work / "out" / STACK / "notes.tf").write_text('resource "aws_s3_bucket" "x" {}\n')
    (work / "out" / STACK / ".terraform.lock.hcl").write_text("# teams commit these\n")
    (work / "out" / STACK / "tfplan.json").write_text("{}\n")
    expected = [
        (MISSING, f"out/{STACK}/outputs.tf", 1),
        (UNMANAGED, f"out/{STACK}/notes.tf", 1),
    ]
    assert check("org.yaml", "-o", "out")[:2] == (1, expected)
    assert check("-o", "out")[:2] == (1, expected)

    # a render that drops the account leaves its stack behind in the committed tree: extra
    (work / "out" / STACK / "notes.tf").unlink()
    assert runner.invoke(app, ["render", "org.yaml", "-o", "out"]).exit_code == 0
    org = work / "org.yaml"
    org.write_text(without_app_a(org.read_text(encoding="utf-8")), encoding="utf-8")
    code, found, _ = check("org.yaml", "-o", "out")
    assert code == 1
    manifest = json.loads((work / "out" / "lzgen.manifest.json").read_text(encoding="utf-8"))
    stack_files = {f"out/{p}" for p in manifest["files"] if p.startswith(f"{STACK}/")}
    assert {file for c, file, _ in found if c == EXTRA} == stack_files


def test_check_writes_nothing(work: Path) -> None:
    target = work / "out" / EDITED_FILE
    target.write_text(target.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    before = snapshot(work)
    for args in (["org.yaml", "-o", "out"], ["-o", "out"]):
        for fmt in ("text", "json", "sarif"):
            runner.invoke(app, ["check", *args, "--format", fmt])
    assert snapshot(work) == before


def test_not_a_tree_exits_2(work: Path) -> None:
    (work / "empty").mkdir()
    result = runner.invoke(app, ["check", "org.yaml", "-o", "empty"])
    assert result.exit_code == 2
    assert "empty has no lzgen.manifest.json" in result.output
    assert "lzgen render org.yaml -o empty" in result.output


def test_an_invalid_org_file_exits_1_with_its_diagnostics(work: Path) -> None:
    (work / "bad.yaml").write_text("version: 1\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "bad.yaml", "-o", "out", "--format", "json"])
    assert result.exit_code == 1
    codes = {d["code"] for d in json.loads(result.stdout)["diagnostics"]}
    assert codes == {"LZ1011"}
