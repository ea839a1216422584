"""``lzgen plan --offline --jobs 2`` with real terraform, once, on three stacks of
examples/org.yaml: ``bootstrap`` and ``organization`` (neither reads the other, so they plan
side by side) and ``deployer-role``, which reads ``organization``. Each stack's status and
counts must be what the one-job plan of the whole tree (the ``offline_plans`` fixture every
terraform test shares, planned on this worker: same xdist group) gave. About 10 s of
terraform; the scheduling itself is tested with a stand-in terraform
(tests/test_stack_plans_cli.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import MANIFEST, OfflinePlans, RenderedExamples, terraform_env, tree_group
from lzgen.cli import app

EXAMPLE = "org"
STACKS = ["bootstrap", "organization", "deployer-role"]

pytestmark = [pytest.mark.terraform, tree_group(EXAMPLE)]


def test_two_jobs_plan_what_one_job_planned(
    rendered_examples: RenderedExamples,
    offline_plans: OfflinePlans,
    terraform_bin: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = rendered_examples[EXAMPLE]
    manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    manifest["stacks"] = [s for s in manifest["stacks"] if s["path"] in STACKS]
    assert [s["path"] for s in manifest["stacks"]] == STACKS
    tree = tmp_path / "tree"
    for stack in STACKS:
        shutil.copytree(source / stack, tree / stack)
    (tree / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    for name, value in terraform_env(tmp_path / "cli").items():
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(
        app,
        [
            "plan",
            str(tree),
            "--offline",
            "--jobs",
            "2",
            "--format",
            "json",
            "--terraform",
            terraform_bin,
        ],
    )
    assert result.exit_code == 2, result.output  # planned, with changes
    two = {s["path"]: s for s in json.loads(result.stdout)["stacks"]}
    one = {r.path: r for r in offline_plans[EXAMPLE].results.values()}
    for path in STACKS:
        counts = one[path].counts
        assert two[path] == {
            "path": path,
            "status": one[path].status.value,
            "add": counts.add,
            "change": counts.change,
            "destroy": counts.destroy,
            "replace": counts.replace,
        }
    assert all(two[p]["status"] == "changes" and two[p]["add"] > 0 for p in STACKS)
