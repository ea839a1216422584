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


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("example", example_params())
def test_mermaid_parses_every_picture(
    example: str, view: str, mermaid_parse: list[str], tmp_path: Path
) -> None:
    source = tmp_path / f"{example}-{view}.mmd"
    source.write_text(_graph(str(EXAMPLES_DIR / f"{example}.yaml"), "--view", view))
    proc = subprocess.run(
        [*mermaid_parse, str(source)], capture_output=True, text=True, check=False, timeout=120
    )
    assert proc.returncode == 0, f"Mermaid refused {source.name}:\n{proc.stderr}"
    assert proc.stdout.strip() == "flowchart-v2"


def test_mermaid_refuses_a_broken_picture(mermaid_parse: list[str], tmp_path: Path) -> None:
    """The parser is a real one: a label left open fails."""
    source = tmp_path / "broken.mmd"
    text = _graph(str(EXAMPLES_DIR / "hub-and-spoke.yaml"))
    source.write_text(text.replace('"]\n', "]\n", 1))
    proc = subprocess.run(
        [*mermaid_parse, str(source)], capture_output=True, text=True, check=False, timeout=120
    )
    assert proc.returncode == 1
    assert "Parse error" in proc.stderr


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


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("example", example_params())
def test_graphviz_draws_every_picture(example: str, view: str) -> None:
    svg = _graph(str(EXAMPLES_DIR / f"{example}.yaml"), "--view", view, "--format", "svg")
    assert svg.rstrip().endswith("</svg>"), svg[-500:]
