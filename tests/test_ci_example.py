"""The CI workflow users copy, ``examples/ci/github-actions.yml``, run as GitHub would run it.

Its steps are of two kinds. Steps that set the runner up (``uses:`` actions, and the ``run:``
steps listed in ``SETUP``, which install lzgen, checkov and Terraform) are not run here: the
test provides those tools itself. Every other ``run:`` step is run, in order, with bash and
``set -euo pipefail``, in a scratch work dir holding the org file and a freshly rendered tree,
with the workflow's ``env:`` and on PATH: the ``lzgen`` of the interpreter running pytest,
checkov from ``LZGEN_CHECKOV`` (as in tests/test_checkov.py) and terraform. What differs from a
GitHub runner is only what makes it run offline: Terraform's provider from the filesystem
mirror in ``LZGEN_TF_PLUGIN_MIRROR`` (tests/conftest.py ``terraform_env``), and checkov's
``--skip-download`` from a ``.checkov.yaml`` in a scratch ``HOME`` plus its offline variables.
No step's script is rewritten: the workflow keeps GitHub expressions out of them, and a test
checks that it does.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLES_DIR, REPO, render_example, terraform_env
from test_checkov import checkov_bin  # noqa: F401  (a fixture: checkov from LZGEN_CHECKOV)

WORKFLOW = REPO / "examples" / "ci" / "github-actions.yml"
SETUP = ["install"]  # run: steps that install tools; not run by the test
RUN = ["validate", "check", "checkov", "plan", "checkov-plan"]  # run: steps the test runs
USES = {  # steps that use an action: id -> action
    "checkout": "actions/checkout",
    "python": "actions/setup-python",
    "terraform": "hashicorp/setup-terraform",
    "upload-validate": "github/codeql-action/upload-sarif",
    "upload-checkov": "github/codeql-action/upload-sarif",
}
SARIF_UPLOADS = {"upload-validate": "validate", "upload-checkov": "checkov"}  # upload -> producer
EXPRESSION = re.compile(r"\$\{\{")
STEP_TIMEOUT = 1800  # seconds; the plan step of examples/org.yaml takes about 75 s


def _workflow() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def _job() -> dict[str, Any]:
    jobs = _workflow()["jobs"]
    assert len(jobs) == 1, f"expected one job, got {sorted(jobs)}"
    job: dict[str, Any] = next(iter(jobs.values()))
    return job


def _steps() -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = _job()["steps"]
    return steps


def _env() -> dict[str, str]:
    """The workflow's and the job's ``env:`` (plain values; no expression to evaluate)."""
    env = {**_workflow().get("env", {}), **_job().get("env", {})}
    return {str(k): str(v) for k, v in env.items()}


def test_the_workflow_has_the_steps_the_readme_explains() -> None:
    workflow = _workflow()
    assert "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read", "security-events": "write"}
    assert workflow["defaults"]["run"]["shell"] == "bash"
    steps = _steps()
    ids = [s.get("id") for s in steps]
    assert all(ids), f"every step needs an id: {ids}"
    assert len(set(ids)) == len(ids), f"step ids repeat: {ids}"
    assert [i for i in ids if "run" in steps[ids.index(i)]] == SETUP + RUN
    uses = {s["id"]: s["uses"] for s in steps if "uses" in s}
    assert {i: u.split("@")[0] for i, u in uses.items()} == USES
    assert all(re.search(r"@v\d+$", u) for u in uses.values()), f"pin each action: {uses}"
    assert ids.index("terraform") < ids.index("plan")
    terraform = steps[ids.index("terraform")]["with"]
    assert terraform["terraform_wrapper"] is False  # lzgen reads terraform's own output
    # each SARIF upload follows its producer, runs when that failed, and names its category
    for upload, producer in SARIF_UPLOADS.items():
        step = steps[ids.index(upload)]
        assert ids.index(upload) == ids.index(producer) + 1
        assert "!cancelled()" in step["if"]
        assert f"hashFiles('{step['with']['sarif_file']}')" in step["if"]
        assert step["with"]["sarif_file"] in steps[ids.index(producer)]["run"]
        assert step["with"]["category"]
    categories = [steps[ids.index(u)]["with"]["category"] for u in SARIF_UPLOADS]
    assert len(set(categories)) == len(categories)
    # the steps the test runs are run as they are: no expression, no condition
    for step in steps:
        if step["id"] in RUN:
            assert not EXPRESSION.search(step["run"]), f"{step['id']}: GitHub expression in run"
            assert "if" not in step, f"{step['id']}: the test runs every step unconditionally"
    assert not any(EXPRESSION.search(v) for v in _env().values())
    assert ids.index("checkov") < ids.index("plan"), "scan the tree before plan files land in it"


def _runner(tmp: Path, checkov: str | None, terraform: str | None) -> tuple[Path, dict[str, str]]:
    """A work dir with the org file and its freshly rendered tree, and the environment the
    steps run in."""
    env_vars = _env()
    work = tmp / "work"
    org = work / env_vars["ORG_FILE"]
    org.parent.mkdir(parents=True)
    shutil.copy2(EXAMPLES_DIR / "org.yaml", org)  # examples/org.yaml needs no file beside it
    render_example(org, work / env_vars["TREE"])
    tools = tmp / "bin"
    tools.mkdir()
    lzgen = Path(sys.executable).parent / "lzgen"
    if not lzgen.is_file():
        pytest.fail(f"no lzgen next to {sys.executable}: install lzgen in the test environment")
    for name, path in [("lzgen", lzgen), ("checkov", checkov), ("terraform", terraform)]:
        if path:
            (tools / name).symlink_to(path)
    home = tmp / "home"  # checkov reads ~/.checkov.yaml: offline there, nothing else
    home.mkdir()
    (home / ".checkov.yaml").write_text("skip-download: true\n", encoding="utf-8")
    env = terraform_env(tmp / "terraform")
    env.update(env_vars)
    env.update(
        PATH=f"{tools}{os.pathsep}{env['PATH']}",
        HOME=str(home),
        BC_SKIP_MAPPING="TRUE",
        CKV_SKIP_PACKAGE_UPDATE_CHECK="TRUE",
        XDG_CACHE_HOME=str(tmp / "xdg-cache"),
        GITHUB_ENV=str(tmp / "github-env"),
        GITHUB_OUTPUT=str(tmp / "github-output"),
        NO_COLOR="1",
    )
    env.pop("TF_PLUGIN_CACHE_DIR", None)  # with the mirror, a cache copies the 700 MB provider
    return work, env


def _run_step(step: dict[str, Any], work: Path, env: dict[str, str]) -> tuple[int, str, float]:
    script = work.parent / f"step-{step['id']}.sh"
    script.write_text(step["run"], encoding="utf-8")
    start = time.monotonic()
    proc = subprocess.run(
        ["bash", "--noprofile", "--norc", "-euo", "pipefail", str(script)],
        cwd=work,
        env={**env, **{str(k): str(v) for k, v in step.get("env", {}).items()}},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
        timeout=STEP_TIMEOUT,
    )
    return proc.returncode, proc.stdout, time.monotonic() - start


def _sarif(path: Path) -> dict[str, Any]:
    """The SARIF 2.1.0 log in ``path``, with the parts code scanning reads checked."""
    assert path.is_file(), f"{path.name} was not written"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == "2.1.0", path.name
    assert "2.1.0" in data["$schema"], path.name
    assert data["runs"], path.name
    for run in data["runs"]:
        assert run["tool"]["driver"]["name"], path.name
        rules = {r["id"] for r in run["tool"]["driver"].get("rules", [])}
        for result in run["results"]:
            assert result["ruleId"] in rules, f"{path.name}: {result['ruleId']} has no rule"
            location = result["locations"][0]["physicalLocation"]
            assert location["artifactLocation"]["uri"], path.name
            assert location["region"]["startLine"] >= 1, path.name
    return data


@pytest.mark.checkov
def test_every_step_passes_on_a_valid_org_file_and_its_tree(
    checkov_bin: str,  # noqa: F811
    terraform_bin: str,
    tmp_path: Path,
) -> None:
    work, env = _runner(tmp_path, checkov_bin, terraform_bin)
    steps = {s["id"]: s for s in _steps()}
    timings = []
    for name in RUN:
        status, output, took = _run_step(steps[name], work, env)
        timings.append(f"{name} {took:.1f}s")
        assert status == 0, f"step {name} exited {status} after {took:.0f}s:\n{output[-6000:]}"
    print("workflow steps: " + ", ".join(timings))
    validate = _sarif(work / steps["upload-validate"]["with"]["sarif_file"])
    assert [r["tool"]["driver"]["name"] for r in validate["runs"]] == ["lzgen"]
    assert not [r for run in validate["runs"] for r in run["results"]]
    checkov = _sarif(work / steps["upload-checkov"]["with"]["sarif_file"])
    results = [r for run in checkov["runs"] for r in run["results"]]
    # every result is a skip from lzgen's registry: suppressed in source, with its reason
    unsuppressed = [r["ruleId"] for r in results if not r.get("suppressions")]
    assert not unsuppressed, f"checkov reports failed checks: {unsuppressed}"
    assert all(s["justification"].strip() for r in results for s in r["suppressions"])
    manifest = json.loads((work / env["TREE"] / "lzgen.manifest.json").read_text())
    plans = sorted(
        p.parent.relative_to(work / env["TREE"]).as_posix() for p in work.rglob("tfplan.json")
    )
    assert plans == sorted(s["path"] for s in manifest["stacks"])


def test_a_broken_org_file_fails_validate_and_still_writes_its_sarif(tmp_path: Path) -> None:
    """The validate step fails the job and leaves a SARIF log for the upload after it (which
    runs on failure) that points at the wrong line."""
    work, env = _runner(tmp_path, None, None)
    org = work / env["ORG_FILE"]
    org.write_text(org.read_text().replace("cidr: 10.10.0.0/16", "cidr: 10.10.0.0/99"))
    steps = {s["id"]: s for s in _steps()}
    status, output, _ = _run_step(steps["validate"], work, env)
    assert status == 1, output
    sarif = _sarif(work / steps["upload-validate"]["with"]["sarif_file"])
    results = [r for run in sarif["runs"] for r in run["results"]]
    assert results, "the SARIF log has no result"
    assert {r["level"] for r in results} == {"error"}
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith(env["ORG_FILE"])
    line = next(
        n for n, text in enumerate(org.read_text().splitlines(), 1) if "10.10.0.0/99" in text
    )
    assert location["region"]["startLine"] == line
