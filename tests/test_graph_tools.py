"""``lzgen graph`` checked by the real tools: Mermaid's own parser reads every example's
pictures (both views), and Graphviz draws them to SVG through ``lzgen graph --format svg``.
``nox -s diagrams`` installs both with npm (``LZGEN_MERMAID`` names the parse script, a ``dot``
on PATH runs Graphviz); without them the tests fail, never skip."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES_DIR, example_params
from lzgen.cli import app

pytestmark = pytest.mark.diagrams

MERMAID_ENV = "LZGEN_MERMAID"
VIEWS = ["network", "stacks"]


@pytest.fixture(scope="session")
def mermaid_parse() -> list[str]:
    script = os.environ.get(MERMAID_ENV)
    node = shutil.which("node")
    if not script or not Path(script).is_file() or node is None:
        pytest.fail(
            f"{MERMAID_ENV} must name tests/tools/mermaid-parse.mjs beside an npm install of "
            "mermaid, and node must be on PATH: `nox -s diagrams` sets both up",
            pytrace=False,
        )
    return [node, script]


def _graph(*args: str) -> str:
    result = CliRunner().invoke(app, ["graph", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def _parse(mermaid_parse: list[str], files: list[Path]) -> dict[str, str]:
    """Mermaid's verdict on each file: its diagram type, or ``error: <message>``."""
    proc = subprocess.run(
        [*mermaid_parse, *map(str, files)], capture_output=True, text=True, check=False, timeout=600
    )
    verdicts = dict(line.split(": ", 1) for line in proc.stdout.splitlines())
    assert sorted(verdicts) == sorted(map(str, files)), proc.stdout + proc.stderr
    assert proc.returncode == (0 if all(v == "flowchart-v2" for v in verdicts.values()) else 1)
    return {Path(f).name: v for f, v in verdicts.items()}


def test_mermaid_parses_every_picture(mermaid_parse: list[str], tmp_path: Path) -> None:
    """Both views of every example, in one run of Mermaid's parser."""
    files = []
    for param in example_params():
        example = param.values[0]
        for view in VIEWS:
            source = tmp_path / f"{example}-{view}.mmd"
            source.write_text(_graph(str(EXAMPLES_DIR / f"{example}.yaml"), "--view", view))
            files.append(source)
    verdicts = _parse(mermaid_parse, files)
    refused = {name: v for name, v in verdicts.items() if v != "flowchart-v2"}
    assert not refused, refused
    assert len(verdicts) == 2 * len(example_params())


def test_mermaid_refuses_a_broken_picture(mermaid_parse: list[str], tmp_path: Path) -> None:
    """The parser is a real one: a label left open fails, and the others still parse."""
    text = _graph(str(EXAMPLES_DIR / "hub-and-spoke.yaml"))
    good, broken = tmp_path / "good.mmd", tmp_path / "broken.mmd"
    good.write_text(text)
    broken.write_text(text.replace('"]\n', "]\n", 1))
    verdicts = _parse(mermaid_parse, [good, broken])
    assert verdicts["good.mmd"] == "flowchart-v2"
    assert verdicts["broken.mmd"].startswith("error: Parse error on line ")


def _svg_texts(svg: str) -> set[str]:
    """The text of every <text> element of an SVG Graphviz wrote (entities decoded)."""
    raw = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    return {t.replace("&#45;", "-").replace("&gt;", ">").replace("&amp;", "&") for t in raw}


def test_graphviz_draws_the_hub_and_spoke_network_with_every_vpc_the_tgw_and_the_peering() -> None:
    if shutil.which("dot") is None:
        pytest.fail("no `dot` on PATH: `nox -s diagrams` puts Graphviz there", pytrace=False)
    svg = _graph(str(EXAMPLES_DIR / "hub-and-spoke.yaml"), "--format", "svg")
    assert svg.lstrip().startswith("<?xml")
    assert svg.rstrip().endswith("</svg>")
    texts = _svg_texts(svg)
    for vpc in ["shared-prod", "edge", "tools-vpc", "identity-vpc", "app-a-vpc", "app-b-vpc"]:
        assert f"VPC {vpc}" in texts, vpc
    assert "VPC dev-vpc" in texts
    assert "TGW core" in texts
    assert "app-a-to-tools" in texts  # the peering's label
    assert "VPN dc-frankfurt" in texts
    assert {"OU Workloads", "OU Prod", "OU NonProd", "OU Infrastructure"} <= texts


@pytest.mark.parametrize("example", example_params())
def test_graphviz_draws_every_network(example: str) -> None:
    svg = _graph(str(EXAMPLES_DIR / f"{example}.yaml"), "--format", "svg")
    assert svg.rstrip().endswith("</svg>"), svg[-500:]


def test_graphviz_draws_the_stacks_of_the_largest_example() -> None:
    svg = _graph(str(EXAMPLES_DIR / "org.yaml"), "--view", "stacks", "--format", "svg")
    texts = _svg_texts(svg)
    assert {"bootstrap", "organization", "accounts/log-archive/us-east-1"} <= texts
