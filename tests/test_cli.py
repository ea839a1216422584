"""The command line: exit codes, output formats, schema, init, and what render may touch."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from helpers import without_app_a as drop_app_a
from lzgen.cli import app

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "org.yaml"
ERRORS = REPO / "tests" / "errors"
SCHEMA = REPO / "schema" / "org.schema.json"
MANIFEST = "lzgen.manifest.json"
LZGEN = Path(sys.executable).parent / "lzgen"
APP_STACK = "accounts/app-a/us-east-1"
ALLOW_APP = ("--allow-remove", APP_STACK)  # the renders that drop app-a remove its stack

runner = CliRunner()


def tree_state(root: Path) -> dict[str, str]:
    """Every file (sha256) and directory under ``root``, by relative path."""
    state: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        state[rel + "/" if path.is_dir() else rel] = (
            "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
        )
    return state


def mtimes(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in root.rglob("*")}


def render(source: Path, out: Path, *extra: str) -> Any:
    return runner.invoke(app, ["render", str(source), "-o", str(out), *extra])


def without_app_a(tmp_path: Path) -> Path:
    """examples/org.yaml without account `app-a` and its only VPC (see helpers.without_app_a)."""
    path = tmp_path / "smaller.yaml"
    path.write_text(drop_app_a(EXAMPLE.read_text(encoding="utf-8")), encoding="utf-8")
    assert "app-a" not in path.read_text(encoding="utf-8")
    return path


@pytest.fixture
def rendered(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    result = render(EXAMPLE, out)
    assert result.exit_code == 0, result.output
    return out


# --- validate -------------------------------------------------------------------------------


def test_validate_ok() -> None:
    result = runner.invoke(app, ["validate", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{EXAMPLE}: ok\n"


def test_validate_errors_exit_1() -> None:
    path = ERRORS / "vpc_overlap.yaml"
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:23:11: error LZ3005: VPC 'app-vpc'" in result.stdout
    assert result.stdout.endswith("1 error, 0 warnings\n")


def test_validate_missing_file_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_validate_directory_exits_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["validate", str(tmp_path)]).exit_code == 2


@pytest.mark.parametrize(
    "args",
    [
        ["validate", str(EXAMPLE), "--bogus"],
        ["validate", str(EXAMPLE), "--format", "xml"],
        ["render", str(EXAMPLE), "--bogus"],
        ["nonsense"],
        ["validate"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert runner.invoke(app, args).exit_code == 2


def test_real_console_script_exit_codes(tmp_path: Path) -> None:
    """The installed `lzgen` script: 0, 1, 2, and never a traceback."""
    cases = [
        (["validate", str(EXAMPLE)], 0),
        (["validate", str(ERRORS / "alias_bomb.yaml")], 1),
        (["validate", str(ERRORS / "invalid_utf8.yaml")], 1),
        (["render", str(ERRORS / "python_tag.yaml"), "-o", str(tmp_path / "o")], 1),
        (["validate", str(tmp_path / "missing.yaml")], 2),
        (["validate", "--no-such-flag", str(EXAMPLE)], 2),
    ]
    for args, code in cases:
        proc = subprocess.run(
            [str(LZGEN), *args], capture_output=True, text=True, check=False, timeout=60
        )
        assert proc.returncode == code, (args, proc.stdout, proc.stderr)
        assert "Traceback" not in proc.stdout + proc.stderr
    assert not (tmp_path / "o").exists()


def test_json_format() -> None:
    path = ERRORS / "unknown_account.yaml"
    result = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "diagnostics": [
            {
                "code": "LZ2002",
                "severity": "error",
                "message": "VPC 'v' names unknown account 'netwrok'",
                "file": str(path),
                "line": 14,
                "column": 14,
                "path": "vpcs[0].account",
                "hint": "did you mean 'network'?",
                "related": [],
            }
        ]
    }


def test_json_format_when_valid() -> None:
    result = runner.invoke(app, ["validate", str(EXAMPLE), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"diagnostics": []}


def test_sarif_format() -> None:
    path = ERRORS / "vpc_overlap.yaml"
    result = runner.invoke(app, ["validate", str(path), "--format", "sarif"])
    assert result.exit_code == 1
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    assert "sarif" in sarif["$schema"]
    (run,) = sarif["runs"]
    assert run["tool"]["driver"]["name"] == "lzgen"
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == {"LZ3005"}
    (res,) = run["results"]
    assert res["ruleId"] == "LZ3005"
    assert res["level"] == "error"
    assert "shared-prod" in res["message"]["text"]
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == str(path)
    assert loc["region"] == {"startLine": 23, "startColumn": 11}
    related = res["relatedLocations"][0]["physicalLocation"]["region"]
    assert related == {"startLine": 16, "startColumn": 11}


def test_sarif_levels_for_warnings(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("    flow_logs: true", "    flow_logs: false"),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(path), "--format", "sarif"])
    assert result.exit_code == 0
    (res,) = json.loads(result.stdout)["runs"][0]["results"]
    assert (res["ruleId"], res["level"]) == ("LZ3103", "warning")


EDITOR_LINE = re.compile(
    r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>LZ\d{4}) (?P<msg>.+)$"
)


def test_editor_format() -> None:
    path = ERRORS / "nat_without_public_tier.yaml"
    result = runner.invoke(app, ["validate", str(path), "--format", "editor"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    parsed = [EDITOR_LINE.match(line) for line in lines]
    assert all(parsed), lines
    assert [(m["file"], int(m["line"]), int(m["col"]), m["code"]) for m in parsed if m] == [
        (str(path), 18, 19, "LZ3007"),
        (str(path), 18, 19, "LZ3101"),
    ]


def test_editor_format_is_empty_when_valid() -> None:
    result = runner.invoke(app, ["validate", str(EXAMPLE), "--format", "editor"])
    assert (result.exit_code, result.stdout) == (0, "")


# --- schema, init, rules, version -----------------------------------------------------------


def test_schema_matches_the_committed_file() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert result.stdout == SCHEMA.read_text(encoding="utf-8"), (
        "schema/org.schema.json is stale: run `lzgen schema > schema/org.schema.json`"
    )


def test_schema_is_json_schema_of_the_contract() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == {
        "version",
        "organization",
        "organizational_units",
        "accounts",
        "vpcs",
        "baseline",
        "security",
        "account_settings",
        "transit_gateways",
        "vpc_peerings",
        "directories",
        "cloudhsm_clusters",
        "ecs_clusters",
        "service_catalog",
        "identity_center",
    }


def test_examples_reference_the_committed_schema() -> None:
    for example in sorted((REPO / "examples").glob("*.yaml")):
        first = example.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/org.schema.json", example


def test_init_writes_a_valid_starter(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    result = runner.invoke(app, ["init", str(path)])
    assert result.exit_code == 0, result.output
    check = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert check.exit_code == 0
    assert [d for d in json.loads(check.stdout)["diagnostics"] if d["severity"] == "error"] == []


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text("mine\n", encoding="utf-8")
    result = runner.invoke(app, ["init", str(path)])
    assert result.exit_code == 2
    assert "not overwriting" in result.stderr
    assert path.read_text(encoding="utf-8") == "mine\n"


def test_rules_lists_codes() -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    codes = [line.split()[0] for line in result.stdout.splitlines()]
    assert codes == sorted(codes)
    assert {"LZ2002", "LZ3005", "LZ3101"} <= set(codes)


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("lzgen ")


# --- render: what it may touch --------------------------------------------------------------


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = render(EXAMPLE, out, "--dry-run", "-v")
    assert result.exit_code == 0, result.output
    assert "create    lzgen.manifest.json" in result.stdout
    assert "would write" in result.stdout
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_dry_run_on_an_existing_tree_writes_nothing(rendered: Path, tmp_path: Path) -> None:
    before, stamps = tree_state(rendered), mtimes(rendered)
    result = render(without_app_a(tmp_path), rendered, "--dry-run", *ALLOW_APP)
    assert result.exit_code == 0, result.output
    assert f"remove    {APP_STACK}/account.tf" in result.stdout
    assert (tree_state(rendered), mtimes(rendered)) == (before, stamps)


def test_second_render_is_identical_and_writes_nothing(rendered: Path) -> None:
    before, stamps = tree_state(rendered), mtimes(rendered)
    files = [p for p in before if not p.endswith("/")]
    result = render(EXAMPLE, rendered)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"0 create, 0 update, 0 remove, {len(files)} identical; nothing to write (10 stacks)"
    ]
    assert tree_state(rendered) == before
    assert mtimes(rendered) == stamps


def test_render_into_a_non_empty_dir_without_manifest(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "main.tf").write_text("# mine\n", encoding="utf-8")
    before = tree_state(out)
    result = render(EXAMPLE, out)
    assert result.exit_code == 1
    assert "no lzgen.manifest.json" in result.stderr
    assert tree_state(out) == before


def test_render_into_an_empty_dir(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert render(EXAMPLE, out).exit_code == 0
    assert (out / MANIFEST).is_file()


def test_render_onto_a_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("x\n", encoding="utf-8")
    assert render(EXAMPLE, out).exit_code == 1
    assert out.read_text(encoding="utf-8") == "x\n"


def test_render_refuses_to_overwrite_a_foreign_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert render(without_app_a(tmp_path), out).exit_code == 0
    foreign = out / APP_STACK / "versions.tf"
    foreign.parent.mkdir(parents=True)
    foreign.write_text("# written by a human\n", encoding="utf-8")
    before = tree_state(out)
    result = render(EXAMPLE, out)
    assert result.exit_code == 1
    assert "did not write it" in result.stderr
    assert tree_state(out) == before


def test_render_refuses_a_foreign_manifest(rendered: Path) -> None:
    (rendered / MANIFEST).write_text("not json\n", encoding="utf-8")
    before = tree_state(rendered)
    assert render(EXAMPLE, rendered).exit_code == 1
    assert tree_state(rendered) == before


def test_render_refuses_a_manifest_pointing_outside(rendered: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep\n", encoding="utf-8")
    manifest = json.loads((rendered / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"]["../victim.txt"] = "0" * 64
    (rendered / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    before = tree_state(rendered)
    result = render(without_app_a(tmp_path), rendered)
    assert result.exit_code == 1
    assert victim.read_text(encoding="utf-8") == "keep\n"
    assert tree_state(rendered) == before


def test_removed_stack_is_removed_and_empty_dirs_pruned(rendered: Path, tmp_path: Path) -> None:
    app_files = sorted(p.name for p in (rendered / APP_STACK).iterdir())
    assert "vpc_app-a-vpc.tf" in app_files
    foreign = rendered / "accounts" / "network" / "us-east-1" / "notes.md"
    foreign.write_text("ours, not lzgen's\n", encoding="utf-8")
    (rendered / "NOTES.md").write_text("top-level notes\n", encoding="utf-8")
    result = render(without_app_a(tmp_path), rendered, *ALLOW_APP)
    assert result.exit_code == 0, result.output
    removed = sorted(
        line.split()[1] for line in result.stdout.splitlines() if line.startswith("remove ")
    )
    assert removed == [f"{APP_STACK}/{name}" for name in app_files]
    assert not (rendered / "accounts" / "app-a").exists()
    assert (rendered / "accounts" / "network" / "us-east-1" / "vpc_shared-prod.tf").is_file()
    assert foreign.read_text(encoding="utf-8") == "ours, not lzgen's\n"
    assert (rendered / "NOTES.md").read_text(encoding="utf-8") == "top-level notes\n"
    manifest = json.loads((rendered / MANIFEST).read_text(encoding="utf-8"))
    assert not any(p.startswith("accounts/app-a/") for p in manifest["files"])
    assert [s["path"] for s in manifest["stacks"]] == [
        "bootstrap",
        "organization",
        "deployer-role",
        "identity-center",
        "accounts/log-archive/us-east-1",
        "accounts/audit/us-east-1",
        "accounts/network/us-east-1",
        "organization-trail",
        "security/management/us-east-1",
    ]


def test_foreign_file_keeps_its_directory_when_a_stack_goes(rendered: Path, tmp_path: Path) -> None:
    foreign = rendered / APP_STACK / "terraform.tfvars"
    foreign.write_text("x = 1\n", encoding="utf-8")
    assert render(without_app_a(tmp_path), rendered, *ALLOW_APP).exit_code == 0
    assert sorted(p.name for p in (rendered / APP_STACK).iterdir()) == ["terraform.tfvars"]


def test_render_back_after_removal_restores_the_tree(rendered: Path, tmp_path: Path) -> None:
    full = tree_state(rendered)
    assert render(without_app_a(tmp_path), rendered, *ALLOW_APP).exit_code == 0
    assert render(EXAMPLE, rendered).exit_code == 0
    assert tree_state(rendered) == full


def test_hand_edited_generated_file_is_updated_and_reported(rendered: Path) -> None:
    target = rendered / "organization" / "versions.tf"
    original = target.read_bytes()
    target.write_text("# edited\n", encoding="utf-8")
    result = render(EXAMPLE, rendered)
    assert result.exit_code == 0
    assert "update    organization/versions.tf (had been edited by hand)" in result.stdout
    assert target.read_bytes() == original


def test_render_leaves_no_staging_dir(rendered: Path, tmp_path: Path) -> None:
    assert render(without_app_a(tmp_path), rendered, *ALLOW_APP).exit_code == 0
    assert not list(rendered.parent.glob(".out.lzgen-staging-*"))


def test_render_copy_in_new_location_is_identical(rendered: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(rendered, copy)
    result = render(EXAMPLE, copy)
    assert result.exit_code == 0
    assert "nothing to write" in result.stdout
