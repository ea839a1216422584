"""lzgen's own blueprints (``blueprints/``): every one loads as the load stage reads a user's,
every template passes cfn-lint with no error and no warning in every region a portfolio may
use, every manifest's pinnable parameters exist with fitting types, and ``lzgen blueprints``
lists them. checkov's CloudFormation scan of the folder is in test_checkov.py (``nox -s scan``).
The loader's problems with a user's folder are in test_rules_service_catalog.py (LZ5001).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cfnlint.api import ManualArgs, lint
from typer.testing import CliRunner

from conftest import REPO
from lzgen.blueprints import MANIFEST, load_blueprint, shipped_catalog, shipped_dir
from lzgen.cli import app
from lzgen.model.blueprint import KIND_TYPES

SHIPPED = ("core-build-tools", "ecs-fargate-service", "private-api-fargate", "private-rest-api")
REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2"]


def _templates() -> list[Path]:
    return sorted(p for p in (REPO / "blueprints").glob("*/*.yaml") if p.name != MANIFEST)


def test_the_issue_s_four_blueprints_ship() -> None:
    assert sorted(shipped_catalog().blueprints) == list(SHIPPED)


def test_a_source_checkout_reads_the_repository_s_folder() -> None:
    # the wheel's copy (lzgen/blueprints) is what an installed lzgen reads; both hold the same
    assert sorted(p.name for p in shipped_dir().iterdir() if p.is_dir()) == list(SHIPPED)


@pytest.mark.parametrize("template", _templates(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_cfn_lint_reports_nothing(template: Path) -> None:
    matches = lint(template.read_text(encoding="utf-8"), config=ManualArgs(regions=REGIONS))
    # errors and warnings; informational notes (I*) are advice, not findings
    assert [
        f"{m.rule.id} line {m.linenumber}: {m.message}"
        for m in matches
        if not m.rule.id.startswith("I")
    ] == []


@pytest.mark.parametrize("name", SHIPPED)
def test_every_version_has_the_pinnable_parameters(name: str) -> None:
    blueprint = load_blueprint(REPO / "blueprints" / name, "lzgen")
    assert blueprint.manifest.parameters, f"{name} lets no constraint pin anything"
    for version in blueprint.versions.values():
        for parameter, kind in blueprint.manifest.parameters.items():
            found = version.parameters[parameter]
            if kind == "allowed":
                assert found.allowed_values, f"{name} {version.name}: {parameter} allows anything"
            else:
                assert found.type in KIND_TYPES[kind]


@pytest.mark.parametrize("name", SHIPPED)
def test_every_launch_policy_is_scoped(name: str) -> None:
    """Only actions without resource-level permissions may name every resource; the rest name
    ARNs of the launching account and the portfolio's region."""
    manifest = load_blueprint(REPO / "blueprints" / name, "lzgen").manifest
    assert manifest.launch_policy
    for statement in manifest.launch_policy:
        assert all(not a.endswith(":*") for a in statement.actions), statement.sid
        for resource in statement.resources:
            assert resource == "*" or resource.startswith("arn:{partition}:"), resource


def test_lzgen_blueprints_lists_them() -> None:
    result = CliRunner().invoke(app, ["blueprints"])
    assert result.exit_code == 0, result.output
    names = [line for line in result.output.splitlines() if not line.startswith(" ")]
    assert names == list(SHIPPED)
    assert "  constraints may pin: VpcId (vpc), Subnets (tier), ClusterName (ecs_cluster)" in (
        result.output
    )


def test_lzgen_blueprints_lists_a_user_s_own(tmp_path: Path) -> None:
    source = REPO / "tests" / "cases" / "own-blueprints"
    result = CliRunner().invoke(app, ["blueprints", str(source / "org.yaml")])
    assert result.exit_code == 0, result.output
    assert "team-queue  (yours)\n  An encrypted SQS queue" in result.output
    assert "  versions: v1, v2\n  constraints may pin: RetentionSeconds (allowed)" in result.output
