"""``lzgen graph``: what the pictures hold (network and stacks views, Mermaid and DOT), the
command's errors, and the picture in the generated README. Mermaid's own parser and Graphviz
check the output in tests/test_graph_tools.py (``nox -s diagrams``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES_DIR
from lzgen.cli import app
from lzgen.graph import network_picture, stacks_picture, to_dot, to_mermaid
from lzgen.graph.topology import Group
from lzgen.model import OrgFile
from lzgen.pipeline import load_and_check, render_tree
from lzgen.plan import docs
from lzgen.plan.types import LandingZone

HUB = EXAMPLES_DIR / "hub-and-spoke.yaml"
HSM = EXAMPLES_DIR / "cloudhsm-saas.yaml"
SUBGRAPH = re.compile(r'^\s*subgraph (\w+)\["([^"]*)"\]$')
NODE = re.compile(r'^\s*(\w+)(\[\[?|\{\{|\[/|\(\[)"(.*)"(\]\]?|\}\}|/\]|\]\))$')
EDGE = re.compile(r"^  (\w+) (---|-\.-|-\.->|-->)(?:\|([^|]*)\|)? (\w+)$")


def _checked(path: Path) -> tuple[OrgFile, LandingZone]:
    checked = load_and_check(path)
    assert checked.org is not None, checked.diagnostics
    assert checked.plan is not None, checked.diagnostics
    return checked.org, checked.plan


def _mermaid(text: str) -> tuple[dict[str, tuple[str, ...]], dict[str, str], list[tuple[str, ...]]]:
    """Each node's enclosing subgraphs (outermost first) and label; the edges (source, link,
    label, target). Every line is a subgraph, an end, a node or an edge: nothing else."""
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    where: dict[str, tuple[str, ...]] = {}
    labels: dict[str, str] = {}
    edges: list[tuple[str, ...]] = []
    open_: list[str] = []
    for line in lines[1:]:
        if match := SUBGRAPH.match(line):
            where[match[1]] = tuple(open_)
            labels[match[1]] = match[2]
            open_.append(match[1])
        elif line.strip() == "end":
            open_.pop()
        elif match := NODE.match(line):
            assert match[1] not in where, f"{match[1]} twice"
            where[match[1]] = tuple(open_)
            labels[match[1]] = match[3]
        elif match := EDGE.match(line):
            edges.append((match[1], match[2], match[3] or "", match[4]))
        else:
            pytest.fail(f"not a line lzgen writes: {line!r}")
    assert not open_, f"subgraphs left open: {open_}"
    for source, _, _, target in edges:
        assert source in where, source
        assert target in where, target
    return where, labels, edges


def test_the_hub_and_spoke_network_names_every_vpc_the_tgw_the_vpn_and_the_peering() -> None:
    org, _ = _checked(HUB)
    where, labels, edges = _mermaid(to_mermaid(network_picture(org)))
    root = "organization__acme"
    # every VPC in its account, in its OU path
    assert where["vpc__shared_prod"] == (root, "ou__infrastructure", "account__network")
    assert where["vpc__app_a_vpc"] == (
        root,
        "ou__workloads",
        "ou__workloads__prod",
        "account__app_a",
    )
    assert where["vpc__dev_vpc"] == (
        root,
        "ou__workloads",
        "ou__workloads__nonprod",
        "account__dev",
    )
    vpcs = {n for n in where if n.startswith("vpc__")}
    assert vpcs == {f"vpc__{v.name.replace('-', '_')}" for v in org.vpcs}
    assert labels["vpc__shared_prod"] == (
        "VPC shared-prod<br/>10.10.0.0/16 in us-east-1<br/>"
        "tiers: public (public), app (private), tgw (private)"
    )
    assert (
        labels["tgw__core"]
        == "TGW core<br/>ASN 64512 in us-east-1<br/>route tables: shared, spokes"
    )
    assert where["tgw__core"] == (root, "ou__infrastructure", "account__network")
    # the VPN site is outside the organization, on the TGW's shared route table
    assert where["vpn__core__dc_frankfurt"] == ()
    assert labels["vpn__core__dc_frankfurt"] == "VPN dc-frankfurt<br/>on premises: 172.16.0.0/12"
    assert ("vpn__core__dc_frankfurt", "---", "route table shared", "tgw__core") in edges
    # attachments: every attached VPC, with its route table
    attached = {(e[0], e[2]) for e in edges if e[1] == "---" and e[3] == "tgw__core"}
    assert ("vpc__shared_prod", "route table shared") in attached
    assert ("vpc__app_a_vpc", "route table spokes") in attached
    assert len(attached) == sum(1 for v in org.vpcs if v.transit_gateway) + 1  # + the VPN
    # the peering, dotted, named
    assert ("vpc__app_a_vpc", "-.-", "app-a-to-tools", "vpc__tools_vpc") in edges
    # RAM shares: the app tier and the TGW, to accounts and OUs
    shares = {(e[0], e[3]) for e in edges if e[1] == "-.->"}
    assert shares == {
        ("vpc__shared_prod", "account__app_a"),
        ("vpc__shared_prod", "account__app_b"),
        ("vpc__shared_prod", "ou__workloads__nonprod"),
        ("tgw__core", "account__tools"),
        ("tgw__core", "account__identity"),
        ("tgw__core", "ou__workloads"),
    }


def test_an_external_accepter_is_a_node_of_its_own_marked_external() -> None:
    org, _ = _checked(HSM)
    where, labels, edges = _mermaid(to_mermaid(network_picture(org)))
    external = [n for n in where if n.startswith("external__")]
    assert external == ["external__saas_acme"]
    assert where["external__saas_acme"] == ()
    assert labels["external__saas_acme"].startswith("external VPC vpc-0abc12345678def01<br/>")
    assert ("vpc__hsm", "-.-", "saas-acme", "external__saas_acme") in edges


def test_an_account_or_ou_with_nothing_drawn_in_it_is_a_plain_node() -> None:
    org, _ = _checked(EXAMPLES_DIR / "org.yaml")
    text = to_mermaid(network_picture(org))
    _, labels, _ = _mermaid(text)
    # the audit account holds no VPC: a node, not an empty subgraph
    assert 'account__audit["account audit"]' in text
    assert "subgraph account__audit" not in text
    assert labels["account__audit"] == "account audit"


def test_the_stacks_view_is_the_dependency_dag_in_apply_order() -> None:
    _, lz = _checked(HUB)
    where, labels, edges = _mermaid(to_mermaid(stacks_picture(lz)))
    stacks = [n for n in where if n.startswith("stack__")]
    assert len(stacks) == len(lz.stacks)
    assert [labels[n].split("<br/>")[0] for n in stacks] == [s.path for s in lz.stacks]
    assert len(edges) == sum(len(s.depends_on) for s in lz.stacks)
    order = {n: i for i, n in enumerate(stacks)}
    assert all(order[source] > order[target] for source, _, _, target in edges)
    assert {e[1] for e in edges} == {"-->"}


def test_dot_holds_the_same_nodes_with_clusters_for_ous_and_accounts() -> None:
    org, _ = _checked(HUB)
    picture = network_picture(org)
    text = to_dot(picture)
    where, _, edges = _mermaid(to_mermaid(picture))
    assert text.startswith("digraph landing_zone {\n")
    assert text.endswith("}\n")
    assert text.count("{") == text.count("}")
    for node in where:
        assert re.search(rf"^\s*{node} \[", text, re.M), node
    assert "subgraph cluster_ou__workloads__prod {" in text
    assert text.count(" -> ") == len(edges)
    # an edge to an OU or account ends at its border
    assert (
        'tgw__core -> ou__workloads [style=dashed, label="RAM: TGW", lhead=cluster_ou__workloads];'
        in text
    )


def test_graph_prints_mermaid_by_default_and_dot_on_request() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["graph", str(HUB)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("flowchart LR\n")
    assert "vpc__edge[" in result.stdout
    result = runner.invoke(app, ["graph", str(HUB), "--format", "dot", "--view", "stacks"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("digraph landing_zone {")
    assert "stack__transit_gateways__core" in result.stdout


def test_graph_of_a_broken_file_prints_its_diagnostics_and_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "org.yaml"
    broken.write_text(HUB.read_text().replace("cidr: 10.10.0.0/16", "cidr: 10.10.0.0/99"))
    result = CliRunner().invoke(app, ["graph", str(broken)])
    assert result.exit_code == 1
    assert result.stdout == ""
    line = next(n for n, t in enumerate(broken.read_text().splitlines(), 1) if "/99" in t)
    assert f"org.yaml:{line}:" in result.stderr


def test_svg_without_graphviz_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    result = CliRunner().invoke(app, ["graph", str(HUB), "--format", "svg"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "SVG needs Graphviz's `dot` on PATH: install Graphviz" in result.stderr
    assert "--format dot" in result.stderr


def test_the_generated_readme_embeds_the_network() -> None:
    org, lz = _checked(HUB)
    readme = render_tree(lz, "0" * 64)["README.md"]
    block = f"```mermaid\n{to_mermaid(network_picture(org))}```\n"
    assert block in readme
    assert readme.index("## Network") < readme.index("## Stacks, in apply order")


def test_a_picture_too_large_for_mermaid_is_left_to_graphviz(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(docs, "MERMAID_LIMIT", 100)
    checked = load_and_check(HUB)
    assert checked.plan is not None
    readme = render_tree(checked.plan, "0" * 64)["README.md"]
    assert "```mermaid" not in readme
    assert "The picture is too large for Mermaid in Markdown (" in readme
    assert "`lzgen graph <org file> --format svg > network.svg`" in readme


def test_groups_are_ous_then_accounts_as_the_file_lists_them() -> None:
    org, _ = _checked(HUB)
    root = network_picture(org).root

    def titles(group: Group) -> list[str]:
        return [group.title, *(t for g in group.groups for t in titles(g))]

    assert titles(root)[:4] == [
        "organization acme",
        "OU Infrastructure",
        "account network",
        "account tools",
    ]
