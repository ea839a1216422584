"""The SARIF of ``validate`` and ``check`` has the shape GitHub code scanning accepts.

What code scanning requires of an uploaded SARIF file (GitHub's "SARIF support for code
scanning"): ``version`` 2.1.0; per run a ``tool.driver`` with a ``name`` and the ``rules`` the
results use, each with a unique ``id``; per result a ``ruleId`` among those rules, a ``level``
of none/note/warning/error, a ``message.text``, and at least one ``physicalLocation`` whose
``artifactLocation.uri`` is relative to the repository root (no scheme, no leading slash) and
whose ``region`` has a ``startLine`` (and ``startColumn``) of at least 1. Related locations
follow the same location rules.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lzgen.cli import app

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "org.yaml"
LEVELS = {"none", "note", "warning", "error"}

runner = CliRunner()


def _location_problems(where: str, location: dict[str, Any]) -> list[str]:
    physical = location.get("physicalLocation", {})
    uri = physical.get("artifactLocation", {}).get("uri", "")
    region = physical.get("region", {})
    problems = []
    if not uri or uri.startswith("/") or "://" in uri or "\\" in uri:
        problems.append(f"{where}: artifactLocation.uri {uri!r} is not relative")
    problems += [
        f"{where}: region.{key} is {region.get(key)!r}"
        for key in ("startLine", "startColumn")
        if not isinstance(region.get(key), int) or region[key] < 1
    ]
    return problems


def _result_problems(where: str, result: dict[str, Any], rule_ids: list[str]) -> list[str]:
    problems = []
    if result.get("ruleId") not in rule_ids:
        problems.append(f"{where}: ruleId {result.get('ruleId')!r} is not a rule")
    if result.get("level") not in LEVELS:
        problems.append(f"{where}: level {result.get('level')!r}")
    if not result.get("message", {}).get("text"):
        problems.append(f"{where}: message.text is empty")
    if not result.get("locations"):
        problems.append(f"{where}: no location")
    for n, location in enumerate(result.get("locations", [])):
        problems += _location_problems(f"{where}.locations[{n}]", location)
    for n, location in enumerate(result.get("relatedLocations", [])):
        problems += _location_problems(f"{where}.relatedLocations[{n}]", location)
    return problems


def sarif_problems(sarif: dict[str, Any]) -> list[str]:
    """Every way ``sarif`` falls short of what code scanning accepts (empty when it is fine)."""
    problems = []
    if sarif.get("version") != "2.1.0":
        problems.append(f"version is {sarif.get('version')!r}")
    if "sarif-2.1.0" not in sarif.get("$schema", ""):
        problems.append(f"$schema is {sarif.get('$schema')!r}")
    for r, run in enumerate(sarif.get("runs", [])):
        driver = run.get("tool", {}).get("driver", {})
        if not driver.get("name"):
            problems.append(f"runs[{r}]: tool.driver.name is missing")
        ids = [rule.get("id") for rule in driver.get("rules", [])]
        if len(ids) != len(set(ids)) or not all(ids):
            problems.append(f"runs[{r}]: rule ids {ids} are not unique and non-empty")
        for i, result in enumerate(run.get("results", [])):
            problems += _result_problems(f"runs[{r}].results[{i}]", result, ids)
    if not sarif.get("runs"):
        problems.append("no run")
    return problems


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository root holding org.yaml; the commands run from it, as in CI."""
    (tmp_path / "org.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def sarif_of(*args: str, exit_code: int) -> dict[str, Any]:
    result = runner.invoke(app, [*args, "--format", "sarif"])
    assert result.exit_code == exit_code, result.output
    sarif: dict[str, Any] = json.loads(result.stdout)
    return sarif


def test_validate_sarif_with_errors_warnings_and_related_locations(work: Path) -> None:
    org = work / "org.yaml"
    text = org.read_text(encoding="utf-8").replace("    flow_logs: true", "    flow_logs: false")
    org.write_text(text.replace("cidr: 10.20.0.0/20", "cidr: 10.10.0.0/20"), encoding="utf-8")
    sarif = sarif_of("validate", "org.yaml", exit_code=1)
    assert sarif_problems(sarif) == []
    results = sarif["runs"][0]["results"]
    assert {(r["ruleId"], r["level"]) for r in results} >= {
        ("LZ3005", "error"),
        ("LZ3103", "warning"),
    }
    assert any(r["relatedLocations"] for r in results)
    assert all(
        loc["physicalLocation"]["artifactLocation"]["uri"] == "org.yaml"
        for r in results
        for loc in r["locations"]
    )


def test_validate_sarif_of_a_valid_file_has_a_run_and_no_results(work: Path) -> None:
    sarif = sarif_of("validate", "org.yaml", exit_code=0)
    assert sarif_problems(sarif) == []
    assert sarif["runs"][0]["results"] == []


def test_check_sarif_names_each_file_at_its_first_differing_line(work: Path) -> None:
    assert runner.invoke(app, ["render", "org.yaml", "-o", "out"]).exit_code == 0
    target = work / "out" / "deployer-role" / "outputs.tf"
    target.write_text(target.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    for args in (["check", "org.yaml", "-o", "out"], ["check", "-o", "out"]):
        sarif = sarif_of(*args, exit_code=1)
        assert sarif_problems(sarif) == []
        (result,) = sarif["runs"][0]["results"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "out/deployer-role/outputs.tf"
        assert (result["ruleId"], result["level"]) == ("LZ9001", "error")
    assert location["region"] == {"startLine": 1, "startColumn": 1}  # without the org file


def test_the_shape_check_finds_what_code_scanning_rejects() -> None:
    bad = {
        "version": "2.0.0",
        "$schema": "https://example.com/other.json",
        "runs": [
            {
                "tool": {"driver": {"name": "lzgen", "rules": [{"id": "LZ1"}]}},
                "results": [
                    {
                        "ruleId": "LZ2",
                        "level": "fatal",
                        "message": {"text": ""},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": "/abs/org.yaml"},
                                    "region": {"startLine": 0, "startColumn": 1},
                                }
                            }
                        ],
                    }
                ],
            }
        ],
    }
    assert len(sarif_problems(bad)) == 7
