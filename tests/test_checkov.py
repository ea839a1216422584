"""checkov on every rendered example: zero failed checks, every skip justified in one file.

checkov lives in a virtual environment of its own (it conflicts with python-hcl2), so it runs
as a program: ``LZGEN_CHECKOV`` names the binary (``nox -s scan`` sets it), else ``checkov``
on PATH. Without either the tests fail; they never skip. Runs fully offline.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO, RenderedExamples, example_params

CHECKOV_ENV = "LZGEN_CHECKOV"
SKIPS_FILE = REPO / "tests" / "checkov-skips.yaml"
CHECK_ID = re.compile(r"^CKV2?_[A-Z0-9]+_\d+$")


def checkov_skips() -> list[dict[str, str]]:
    """The entries of tests/checkov-skips.yaml (``id`` and ``reason`` each)."""
    data = yaml.safe_load(SKIPS_FILE.read_text(encoding="utf-8"))
    if data is None:
        return []
    assert isinstance(data, list), f"{SKIPS_FILE.name}: expected a YAML list, got {data!r}"
    return data


def test_skip_file_is_well_formed() -> None:
    entries = checkov_skips()
    problems = []
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or set(entry) != {"id", "reason"}:
            problems.append(f"entry {n}: expected exactly the keys id and reason: {entry!r}")
            continue
        if not isinstance(entry["id"], str) or not CHECK_ID.match(entry["id"]):
            problems.append(f"entry {n}: {entry['id']!r} is not a checkov check id")
        if not isinstance(entry["reason"], str) or len(entry["reason"].strip()) < 10:
            problems.append(f"entry {n} ({entry['id']}): the reason is missing or too short")
    ids = [e["id"] for e in entries if isinstance(e, dict) and "id" in e]
    problems += [f"{i} is listed twice" for i in sorted({i for i in ids if ids.count(i) > 1})]
    assert not problems, f"{SKIPS_FILE.relative_to(REPO)}:\n" + "\n".join(problems)


@pytest.fixture(scope="session")
def checkov_bin() -> str:
    """checkov from ``LZGEN_CHECKOV`` or PATH; fails (does not skip) when there is none."""
    configured = os.environ.get(CHECKOV_ENV)
    if configured:
        if not (Path(configured).is_file() and os.access(configured, os.X_OK)):
            pytest.fail(f"{CHECKOV_ENV}={configured} is not an executable file", pytrace=False)
        return configured
    found = shutil.which("checkov")
    if found is None:
        pytest.fail(
            f"checkov not found: set {CHECKOV_ENV} to a checkov binary or put checkov on PATH. "
            "`nox -s scan` installs it in a venv of its own and sets the variable.",
            pytrace=False,
        )
    return found


def _describe(check: dict[str, Any]) -> str:
    lines = check.get("file_line_range") or ["?", "?"]
    return (
        f"{check.get('check_id')}  {check.get('resource')}  "
        f"{check.get('file_path')}:{lines[0]}-{lines[1]}  {check.get('check_name')}"
    )


def run_checkov(
    checkov: str, tree: Path, tmp: Path, framework: str = "terraform"
) -> list[dict[str, Any]]:
    """Offline checkov on ``tree``; the JSON reports (one per framework). A rendered tree is
    scanned with the skips of tests/checkov-skips.yaml; blueprints carry theirs inline."""
    env = dict(os.environ)
    env.update(
        BC_SKIP_MAPPING="TRUE",
        CKV_SKIP_PACKAGE_UPDATE_CHECK="TRUE",
        XDG_CACHE_HOME=str(tmp / "xdg-cache"),
    )
    args = [checkov, "-d", str(tree), "--framework", framework, "--compact"]
    args += ["-o", "json", "--skip-download"]
    if framework == "terraform":
        args.append("--quiet")  # failed checks only; the blueprints' test reads every result
    skips = [entry["id"] for entry in checkov_skips()] if framework == "terraform" else []
    if skips:
        args += ["--skip-check", ",".join(skips)]
    proc = subprocess.run(
        args, cwd=tmp, env=env, capture_output=True, text=True, check=False, timeout=900
    )
    if proc.returncode not in (0, 1):  # 1 means "some check failed"; anything else broke
        pytest.fail(f"checkov exited {proc.returncode}:\n{proc.stdout}{proc.stderr}")
    try:
        data = json.loads(proc.stdout)
    except ValueError:
        pytest.fail(
            f"checkov printed no JSON (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}"
        )
    return data if isinstance(data, list) else [data]


@pytest.mark.checkov
@pytest.mark.parametrize("example", example_params())
def test_checkov_finds_no_failed_check(
    example: str, rendered_examples: RenderedExamples, checkov_bin: str, tmp_path: Path
) -> None:
    reports = run_checkov(checkov_bin, rendered_examples[example], tmp_path)
    terraform = [r for r in reports if r.get("check_type") == "terraform"]
    assert len(terraform) == 1, f"checkov gave no terraform report: {reports!r:.2000}"
    summary = terraform[0]["summary"]
    assert summary["parsing_errors"] == 0, f"checkov could not parse the tree: {summary}"
    assert summary["resource_count"] > 0, f"checkov saw no resources: {summary}"
    assert summary["skipped"] == 0, (
        f"{summary['skipped']} checks suppressed inline (#checkov:skip) in the rendered tree; "
        f"skips belong in {SKIPS_FILE.relative_to(REPO)} with a reason"
    )
    failed = terraform[0]["results"].get("failed_checks", [])
    assert not failed, f"checkov: {len(failed)} failed checks on examples/{example}.yaml:\n" + (
        "\n".join(sorted(_describe(c) for c in failed))
    )


@pytest.mark.checkov
def test_checkov_passes_every_blueprint(checkov_bin: str, tmp_path: Path) -> None:
    """checkov's CloudFormation checks on ``blueprints/``: none fails, and every skip is inline
    in its resource with a reason (the manifests are not templates and are not scanned)."""
    reports = run_checkov(checkov_bin, REPO / "blueprints", tmp_path, "cloudformation")
    assert [r.get("check_type") for r in reports] == ["cloudformation"], f"{reports!r:.2000}"
    summary, results = reports[0]["summary"], reports[0]["results"]
    assert summary["parsing_errors"] == 0, f"checkov could not parse a template: {summary}"
    scanned = {Path(c["file_path"]).parent.name for c in results.get("passed_checks", [])}
    assert scanned == {p.name for p in (REPO / "blueprints").iterdir() if p.is_dir()}
    failed = results.get("failed_checks", [])
    assert not failed, f"checkov: {len(failed)} failed checks on blueprints/:\n" + (
        "\n".join(sorted(_describe(c) for c in failed))
    )
    unexplained = [c for c in results.get("skipped_checks", []) if len(_reason(c)) < 10]
    assert not unexplained, "skips without a reason:\n" + "\n".join(map(_describe, unexplained))


def _reason(check: dict[str, Any]) -> str:
    return str((check.get("check_result") or {}).get("suppress_comment") or "").strip()
