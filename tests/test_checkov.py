"""checkov on every rendered example, run as a user's CI runs it: ``checkov -d <tree>`` with
no skip option and no file of ours (only JSON output and offline flags added). Zero failed
checks; every skip is an inline comment from lzgen's registry (lzgen/checkov_skips.py) with
that registry's reason, and every one of them suppresses a check that fails without it.

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
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, RenderedExamples, example_params, plan_subset
from lzgen.checkov_skips import SKIPS
from lzgen.offline import PLAN_JSON

CHECKOV_ENV = "LZGEN_CHECKOV"
CHECK_ID = re.compile(r"^CKV2?_[A-Z0-9]+_\d+$")
INLINE_SKIP = re.compile(r"^\s*# checkov:skip=.*\n", re.MULTILINE)
TEMPLATES = REPO / "templates"


def test_the_registry_is_well_formed_and_each_concern_used_once() -> None:
    problems = []
    for concern, skips in SKIPS.items():
        ids = [s.check for s in skips]
        bad = [i for i in ids if not CHECK_ID.match(i)]
        problems += [f"{concern}: {i} is not a checkov check id" for i in bad]
        problems += [f"{concern}: {i} twice" for i in sorted(set(ids)) if ids.count(i) > 1]
        problems += [f"{concern}: {s.check} has no reason" for s in skips if len(s.reason) < 20]
        call = f'{{{{ checkov_skips("{concern}") }}}}'
        users = [p for p in TEMPLATES.rglob("*.j2") if call in p.read_text(encoding="utf-8")]
        if len(users) != 1:
            problems.append(f"{concern}: used by {len(users)} templates, expected one")
    assert not problems, "\n".join(problems)


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


def _checkov(checkov: str, args: list[str], tmp: Path) -> list[dict[str, Any]]:
    """Offline checkov with ``args`` (JSON output added); its JSON reports (one per
    framework)."""
    env = dict(os.environ)
    env.update(
        BC_SKIP_MAPPING="TRUE",
        CKV_SKIP_PACKAGE_UPDATE_CHECK="TRUE",
        XDG_CACHE_HOME=str(tmp / "xdg-cache"),
    )
    proc = subprocess.run(
        [checkov, *args, "--compact", "-o", "json", "--skip-download"],
        cwd=tmp,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
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


def run_checkov(
    checkov: str, tree: Path, tmp: Path, framework: str | None = None
) -> list[dict[str, Any]]:
    """Offline checkov on ``tree`` as a user runs it, every framework unless one is named; the
    JSON reports (one per framework)."""
    return _checkov(
        checkov, ["-d", str(tree), *(["--framework", framework] if framework else [])], tmp
    )


def _without_skips(source: Path, target: Path, pattern: str) -> None:
    """The ``.tf`` files of ``source`` matching ``pattern``, copied to ``target`` with lzgen's
    inline skip comments removed."""
    for path in source.glob(pattern):
        copy = target / path.relative_to(source)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(INLINE_SKIP.sub("", path.read_text(encoding="utf-8")), encoding="utf-8")


def _results(reports: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [c for r in reports for c in (r.get("results") or {}).get(kind, [])]


REGISTERED = {(s.check, s.reason) for skips in SKIPS.values() for s in skips}
# checks that fail on resolved values only: proved on the plans of their stacks (below)
PLAN_ONLY = {(s.check, s.reason) for skips in SKIPS.values() for s in skips if s.plan_only}


@pytest.mark.checkov
@pytest.mark.parametrize("example", example_params())
def test_plain_checkov_finds_no_failed_check(
    example: str, rendered_examples: RenderedExamples, checkov_bin: str, tmp_path: Path
) -> None:
    reports = run_checkov(checkov_bin, rendered_examples[example], tmp_path)
    terraform = [r for r in reports if r.get("check_type") == "terraform"]
    assert len(terraform) == 1, f"checkov gave no terraform report: {reports!r:.2000}"
    summary = terraform[0]["summary"]
    unparsed = [f for r in reports for f in (r.get("results") or {}).get("parsing_errors", [])]
    assert summary["parsing_errors"] == 0, f"checkov could not parse {unparsed}: {summary}"
    assert summary["resource_count"] > 0, f"checkov saw no resources: {summary}"
    failed = _results(reports, "failed_checks")
    assert not failed, f"checkov: {len(failed)} failed checks on examples/{example}.yaml:\n" + (
        "\n".join(sorted(_describe(c) for c in failed))
    )
    # the rendered HCL skips only what the registry says, with its reason (a blueprint
    # template copied into a Service Catalog stack carries its own, checked in its folder)
    stray = [c for c in _results(terraform, "skipped_checks") if _skip(c) not in REGISTERED]
    assert not stray, "skips not from lzgen/checkov_skips.py:\n" + "\n".join(map(_describe, stray))


@pytest.mark.checkov
@pytest.mark.parametrize("example", example_params())
def test_every_inline_skip_suppresses_a_failing_check(
    example: str, rendered_examples: RenderedExamples, checkov_bin: str, tmp_path: Path
) -> None:
    """The tree with lzgen's skip comments removed fails exactly the checks they skip, on the
    same resources: no registry entry is there for nothing (a plan-only one is proved on the
    plans of its stacks, test_every_plan_only_skip_suppresses_a_failing_check_on_its_plan)."""
    tree = rendered_examples[example]
    bare = tmp_path / "bare"
    _without_skips(tree, bare, "**/*.tf")
    skipped = run_checkov(checkov_bin, tree, tmp_path, "terraform")
    failing = run_checkov(checkov_bin, bare, tmp_path, "terraform")
    key = lambda c: (c["check_id"], c["resource"])  # noqa: E731
    in_hcl = [c for c in _results(skipped, "skipped_checks") if _skip(c) not in PLAN_ONLY]
    assert sorted(map(key, _results(failing, "failed_checks"))) == sorted(map(key, in_hcl))


def test_every_registered_skip_is_rendered_somewhere() -> None:
    """Each concern's skips reach a rendered file of some example (golden trees)."""
    golden = REPO / "tests" / "golden"
    text = "\n".join(p.read_text(encoding="utf-8") for p in golden.rglob("*.tf"))
    missing = [
        f"{concern}: {s.check}"
        for concern, skips in SKIPS.items()
        for s in skips
        if f"# checkov:skip={s.check}: {s.reason}" not in text
    ]
    assert not missing, "registered skips no example renders:\n" + "\n".join(missing)


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


def _skip(check: dict[str, Any]) -> tuple[str, str]:
    """A skipped check as the registry keys it: (check id, reason)."""
    return str(check["check_id"]), _reason(check)


def _comment(skip: tuple[str, str]) -> str:
    return f"# checkov:skip={skip[0]}: {skip[1]}"


def _plan_only_stacks(tree: Path, skips: Iterable[tuple[str, str]] = PLAN_ONLY) -> list[str]:
    """The stacks of a rendered tree whose HCL carries one of the plan-only ``skips``."""
    comments = [_comment(skip) for skip in skips]
    return sorted(
        {
            str(path.parent.relative_to(tree).as_posix())
            for path in tree.rglob("*.tf")
            if any(comment in path.read_text(encoding="utf-8") for comment in comments)
        }
    )


def run_checkov_plan(checkov: str, plan: Path, code: Path, tmp: Path) -> dict[str, Any]:
    """checkov on one stack's plan JSON as the example CI workflow runs it, the stack's
    folder ``code`` as the root its skip comments are read from; the JSON report."""
    args = ["-f", str(plan), "--framework", "terraform_plan"]
    (report,) = _checkov(checkov, [*args, "--repo-root-for-plan-enrichment", str(code)], tmp)
    return report


def _plan_only_examples() -> list[Any]:
    """For each plan-only skip, the first example whose tree renders it (golden trees say
    which), each with the skips it is there to prove: planning is the slow part."""
    golden = REPO / "tests" / "golden"
    proves: dict[str, list[tuple[str, str]]] = {}
    for skip in sorted(PLAN_ONLY):
        found = [p for p in example_params() if _plan_only_stacks(golden / p.values[0], [skip])]
        assert found, f"no example renders the plan-only skip {skip[0]}: {skip[1]}"
        proves.setdefault(found[0].values[0], []).append(skip)
    return [pytest.param((e, skips), id=e) for e, skips in sorted(proves.items())]


@pytest.mark.checkov
@pytest.mark.parametrize("case", _plan_only_examples())
def test_every_plan_only_skip_suppresses_a_failing_check_on_its_plan(
    case: tuple[str, list[tuple[str, str]]],
    rendered_examples: RenderedExamples,
    checkov_bin: str,
    terraform_bin: str,
    tmp_path: Path,
) -> None:
    """Each stack with a plan-only skip, planned offline and scanned as the example workflow
    scans plans: with its stack's skip comments it fails nothing; with them removed it fails
    exactly the checks they skip, on the same resources (HCL-level skips included)."""
    example, proves = case
    tree = rendered_examples[example]
    stacks = _plan_only_stacks(tree, proves)
    plan_subset(tree, stacks, tmp_path / "work", terraform_bin)
    key = lambda c: (c["check_id"], c["resource"])  # noqa: E731
    seen: set[tuple[str, str]] = set()
    for stack in stacks:
        plan = tmp_path / "work" / "plans" / stack / PLAN_JSON
        bare = tmp_path / "bare" / stack
        bare.mkdir(parents=True)
        _without_skips(tree / stack, bare, "*.tf")
        report = run_checkov_plan(checkov_bin, plan, tree / stack, tmp_path)
        assert not report["results"]["failed_checks"], stack
        skipped = report["results"]["skipped_checks"]
        failing = run_checkov_plan(checkov_bin, plan, bare, tmp_path)["results"]["failed_checks"]
        assert sorted(map(key, failing)) == sorted(map(key, skipped)), stack
        seen |= {_skip(c) for c in skipped}
    assert set(proves) <= seen, f"{example}: plan-only skips checkov did not report"
