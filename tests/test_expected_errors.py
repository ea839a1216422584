"""Expected-error table: malformed org file -> code, line, column, exit code; nothing written.

Each case is a file in tests/errors/ named after the case. Every case runs the real CLI twice:
`validate --format json` (exit code and first error), and `render FILE -o DIR` into a directory
that already holds an earlier render, which must stay byte-identical.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lzgen import load
from lzgen.cli import app

HERE = Path(__file__).resolve().parent
ERRORS = HERE / "errors"
EXAMPLE = HERE.parent / "examples" / "org.yaml"


@dataclass(frozen=True)
class Expected:
    code: str
    line: int
    column: int
    exit_code: int = 1


# file (tests/errors/<case>.yaml) -> the first error, and the exit code of validate and render
TABLE: dict[str, Expected] = {
    "alias_bomb": Expected("LZ1003", 5, 45),
    "allowed_regions_without_vpc_region": Expected("LZ7003", 15, 41),
    "az_not_in_region": Expected("LZ2008", 17, 17),
    "deep_nesting": Expected("LZ1006", 2, 68),
    "duplicate_account_email": Expected("LZ2004", 15, 12),
    "duplicate_key": Expected("LZ1002", 6, 3),
    "elastic_ip_quota": Expected("LZ8002", 27, 19),
    "empty": Expected("LZ1010", 1, 1),
    "invalid_utf8": Expected("LZ1001", 3, 1),
    "ipv6_in_ipv4_field": Expected("LZ3006", 16, 11),
    "missing_key": Expected("LZ1011", 13, 5),
    "nat_without_public_tier": Expected("LZ3007", 18, 19),
    "not_a_mapping": Expected("LZ1012", 1, 1),
    "nul_byte": Expected("LZ1001", 3, 1),
    "python_tag": Expected("LZ1005", 2, 15),
    "scp_denies_access_role": Expected("LZ7004", 14, 30),
    "subnet_outside_vpc": Expected("LZ3002", 22, 30),
    "syntax_error": Expected("LZ1001", 4, 25),
    "tiers_do_not_fit": Expected("LZ3004", 20, 43),
    "two_documents": Expected("LZ1001", 2, 1),
    "unknown_account": Expected("LZ2002", 14, 14),
    "unknown_key": Expected("LZ1010", 21, 9),
    "unknown_ou": Expected("LZ2001", 13, 9),
    "unknown_region": Expected("LZ2007", 15, 13),
    "unquoted_account_id": Expected("LZ1012", 5, 26),
    "vpc_overlap": Expected("LZ3005", 23, 11),
    "vpc_slash_29": Expected("LZ3001", 16, 11),
    "wrong_type": Expected("LZ1012", 17, 10),
}

runner = CliRunner()


def tree_state(root: Path) -> dict[str, str]:
    """Every file (sha256) and directory under ``root``, by relative path."""
    state: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_dir():
            state[rel + "/"] = "dir"
        else:
            state[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


@pytest.fixture(scope="session")
def earlier_render(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("earlier") / "out"
    result = runner.invoke(app, ["render", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def rendered_dir(earlier_render: Path, tmp_path: Path) -> Path:
    """A private copy of an earlier, valid render of examples/org.yaml."""
    out = tmp_path / "out"
    shutil.copytree(earlier_render, out)
    return out


def validate_json(path: Path) -> tuple[int, list[dict[str, Any]]]:
    result = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)["diagnostics"]


def first_error(diagnostics: list[dict[str, Any]]) -> dict[str, Any]:
    errors = [d for d in diagnostics if d["severity"] == "error"]
    assert errors, diagnostics
    return errors[0]


def assert_render_leaves_dir_alone(path: Path, out: Path) -> None:
    before = tree_state(out)
    assert before, "the earlier render is empty"
    result = runner.invoke(app, ["render", str(path), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert tree_state(out) == before
    assert not list(out.parent.glob(f".{out.name}.lzgen-staging-*"))


def test_every_error_file_is_in_the_table() -> None:
    assert sorted(p.stem for p in ERRORS.glob("*.yaml")) == sorted(TABLE)


@pytest.mark.parametrize("case", sorted(TABLE))
def test_validate_json(case: str) -> None:
    expected = TABLE[case]
    path = ERRORS / f"{case}.yaml"
    exit_code, diagnostics = validate_json(path)
    assert exit_code == expected.exit_code
    d = first_error(diagnostics)
    assert (d["code"], d["line"], d["column"]) == (expected.code, expected.line, expected.column)
    assert d["file"] == str(path)
    assert set(d) >= {"code", "severity", "message", "file", "line", "column", "path", "hint"}
    assert d["message"]


@pytest.mark.parametrize("case", sorted(TABLE))
def test_render_fails_and_leaves_an_earlier_render_untouched(case: str, rendered_dir: Path) -> None:
    assert_render_leaves_dir_alone(ERRORS / f"{case}.yaml", rendered_dir)


@pytest.mark.parametrize("case", ["vpc_overlap", "empty", "alias_bomb"])
def test_render_of_bad_input_creates_no_directory(case: str, tmp_path: Path) -> None:
    out = tmp_path / "new"
    result = runner.invoke(app, ["render", str(ERRORS / f"{case}.yaml"), "-o", str(out)])
    assert result.exit_code == 1
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_render_reports_the_error_location_on_stderr(tmp_path: Path) -> None:
    path = ERRORS / "vpc_overlap.yaml"
    result = runner.invoke(app, ["render", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"{path}:23:11: error LZ3005" in result.stderr


def test_file_over_the_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rendered_dir: Path
) -> None:
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 512)
    path = tmp_path / "big.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert path.stat().st_size > 512
    exit_code, diagnostics = validate_json(path)
    assert exit_code == 1
    d = first_error(diagnostics)
    assert (d["code"], d["line"], d["column"]) == ("LZ1004", 1, 1)
    assert_render_leaves_dir_alone(path, rendered_dir)


# --- issue item 3: one change to examples/org.yaml, made at test time -----------------------


def mutate(old: str, new: str) -> tuple[str, int, str]:
    """examples/org.yaml with ``old`` (a unique text) replaced by ``new``, plus the 1-based line
    where ``new`` starts and that line's text."""
    text = EXAMPLE.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not unique in examples/org.yaml"
    start = text.index(old)
    changed = text[:start] + new + text[start + len(old) :]
    line = changed.count("\n", 0, start) + 1
    return changed, line, changed.splitlines()[line - 1]


def column_of(line_text: str, needle: str) -> int:
    assert needle in line_text
    return line_text.index(needle) + 1


@dataclass(frozen=True)
class Mutation:
    old: str
    new: str
    code: str
    column_of: str  # the text the error points at, on the changed line
    names: str = ""  # message or hint must contain this


def _cidr_of(vpc: str) -> str:
    """The `cidr:` line of the VPC named ``vpc`` in examples/org.yaml."""
    text = EXAMPLE.read_text(encoding="utf-8")
    block = text[text.index(f"  - name: {vpc}\n") :]
    return next(line for line in block.splitlines() if line.startswith("    cidr: ")) + "\n"


MUTATIONS: dict[str, Mutation] = {
    "vpc-overlaps-another": Mutation(
        _cidr_of("app-a-vpc"),
        "    cidr: 10.10.0.0/20\n",
        "LZ3005",
        "10.10.0.0/20",
        names="shared-prod",
    ),
    "subnet-leaves-its-vpc": Mutation(
        "      - { name: app,    type: private, size: 24 }\n",
        "      - { name: app,    type: private, size: 24, cidrs: [10.99.4.0/24, 10.20.5.0/24] }\n",
        "LZ3002",
        "10.99.4.0/24",
        names="app-a-vpc",
    ),
    "slash-29-vpc": Mutation(
        _cidr_of("app-a-vpc"), "    cidr: 10.20.0.0/29\n", "LZ3001", "10.20.0.0/29", names="/29"
    ),
    "unknown-account": Mutation(
        "    account: network\n",
        "    account: netwrok\n",
        "LZ2002",
        "netwrok",
        names="did you mean 'network'?",
    ),
    "duplicate-key": Mutation(
        _cidr_of("shared-prod"),
        _cidr_of("shared-prod") + "    cidr: 10.11.0.0/16\n",
        "LZ1002",
        "cidr",
        names="'cidr'",
    ),
    "unknown-key": Mutation(
        "    flow_logs: true",
        "    flow_log: true",
        "LZ1010",
        "flow_log",
        names="did you mean 'flow_logs'?",
    ),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_changed_example_fails_at_the_changed_line(
    name: str, tmp_path: Path, rendered_dir: Path
) -> None:
    m = MUTATIONS[name]
    text, line, line_text = mutate(m.old, m.new)
    if name == "duplicate-key":  # the second `cidr:` is the one reported
        line += 1
        line_text = text.splitlines()[line - 1]
    path = tmp_path / "org.yaml"
    path.write_text(text, encoding="utf-8")
    exit_code, diagnostics = validate_json(path)
    assert exit_code == 1
    d = first_error(diagnostics)
    assert (d["code"], d["line"], d["column"]) == (m.code, line, column_of(line_text, m.column_of))
    assert m.names in d["message"] + " " + d["hint"]
    assert_render_leaves_dir_alone(path, rendered_dir)


def test_overlap_cites_the_other_vpc_location(tmp_path: Path) -> None:
    text, _, _ = mutate(_cidr_of("app-a-vpc"), "    cidr: 10.10.0.0/20\n")
    other_line = text.splitlines().index(_cidr_of("shared-prod").rstrip("\n")) + 1
    path = tmp_path / "org.yaml"
    path.write_text(text, encoding="utf-8")
    _, diagnostics = validate_json(path)
    d = first_error(diagnostics)
    assert d["related"] == [{"file": str(path), "line": other_line, "column": 11}]


def test_the_unchanged_example_is_valid() -> None:
    exit_code, diagnostics = validate_json(EXAMPLE)
    assert (exit_code, diagnostics) == (0, [])


# --- network hub: changes to examples/hub-and-spoke.yaml, made at test time -----------------

HUB_EXAMPLE = HERE.parent / "examples" / "hub-and-spoke.yaml"
NETWORK_ACCOUNT_LINE = next(
    line
    for line in HUB_EXAMPLE.read_text(encoding="utf-8").splitlines()
    if line.startswith("  - { name: network,")
)


@dataclass(frozen=True)
class HubMutation:
    changes: tuple[tuple[str, str], ...]  # (old, new): each old text is unique in the example
    code: str
    line: str  # the whole line the error is on (unique in the changed file)
    column_of: str  # the text on that line the error points at
    names: str  # message or hint must contain this
    related: tuple[str, str]  # (whole line, text) the first related location points at


HUB_MUTATIONS: dict[str, HubMutation] = {
    "overlap-across-the-tgw-in-different-accounts": HubMutation(
        (("    cidr: 10.22.0.0/20\n", "    cidr: 10.21.8.0/21\n"),),
        "LZ3012",
        "    cidr: 10.21.8.0/21",
        "10.21.8.0/21",
        names="VPC 'app-b-vpc' (10.21.0.0/20); both attach to transit gateway 'core'",
        related=("    cidr: 10.21.0.0/20", "10.21.0.0/20"),
    ),
    "vpn-on-premises-overlaps-a-spoke": HubMutation(
        (
            (
                "on_premises_cidrs: [172.16.0.0/12]",
                "on_premises_cidrs: [172.16.0.0/12, 10.20.0.0/16]",
            ),
        ),
        "LZ3013",
        "    cidr: 10.20.0.0/20",
        "10.20.0.0/20",
        names="on-premises CIDR 10.20.0.0/16 of VPN 'dc-frankfurt'",
        related=("        on_premises_cidrs: [172.16.0.0/12, 10.20.0.0/16]", "10.20.0.0/16"),
    ),
    "second-vpn-overlaps-the-first": HubMutation(
        (
            (
                "        propagate_to: [spokes]\n",
                "        propagate_to: [spokes]\n"
                "      - name: dc-paris\n"
                "        customer_gateway: { ip: 198.51.100.7, asn: 65020 }\n"
                "        on_premises_cidrs: [172.31.0.0/16]\n"
                "        route_table: shared\n",
            ),
        ),
        "LZ3013",
        "        on_premises_cidrs: [172.31.0.0/16]",
        "172.31.0.0/16",
        names="on-premises CIDR 172.16.0.0/12 of VPN 'dc-frankfurt'",
        related=("        on_premises_cidrs: [172.16.0.0/12]", "172.16.0.0/12"),
    ),
    "accelerated-vpn-on-a-vgw": HubMutation(
        (
            (
                "    ingress_routing: { appliance_tier: inspection, protected_tiers: [web] }\n",
                "    ingress_routing: { appliance_tier: inspection, protected_tiers: [web] }\n"
                "    vpn_gateway:\n"
                "      asn: 64620\n"
                "      vpn_connections:\n"
                "        - name: branch\n"
                "          customer_gateway: { ip: 198.51.100.7, asn: 65020 }\n"
                "          routing: static\n"
                "          on_premises_cidrs: [192.168.0.0/16]\n"
                "          accelerated: true\n",
            ),
        ),
        "LZ3018",
        "          accelerated: true",
        "true",
        names="needs a transit gateway",
        related=("", ""),
    ),
    "unknown-route-table": HubMutation(
        (
            (
                "{ route_table: spokes, cidr: 10.99.0.0/16, blackhole: true }",
                "{ route_table: spoke, cidr: 10.99.0.0/16, blackhole: true }",
            ),
        ),
        "LZ2012",
        "      - { route_table: spoke, cidr: 10.99.0.0/16, blackhole: true }",
        "spoke",
        names="did you mean 'spokes'?",
        related=("    route_tables: [shared, spokes]", "[shared"),
    ),
    "unknown-share-target": HubMutation(
        (("ous: [Workloads/NonProd]", "ous: [Workloads/Nonprod]"),),
        "LZ2016",
        "      - { name: app,    type: private, size: 20, share_with: "
        "{ accounts: [app-a, app-b], ous: [Workloads/Nonprod] } }",
        "Workloads/Nonprod",
        names="did you mean 'Workloads/NonProd'?",
        related=("", ""),
    ),
    "overlapping-peering": HubMutation(
        (
            ("    cidr: 10.11.0.0/20\n", "    cidr: 10.30.0.0/21\n"),
            (
                "{ name: app-a-to-tools, requester: app-a-vpc, accepter: tools-vpc }",
                "{ name: edge-to-tools, requester: edge, accepter: tools-vpc }",
            ),
        ),
        "LZ3014",
        "    cidr: 10.30.0.0/20",
        "10.30.0.0/20",
        names="peering 'edge-to-tools' joins them",
        related=("    cidr: 10.30.0.0/21", "10.30.0.0/21"),
    ),
    "network-stack-over-a-lowered-bound": HubMutation(
        (
            (
                "  access_role: OrganizationAccountAccessRole\n",
                "  access_role: OrganizationAccountAccessRole\n  max_stack_resources: 75\n",
            ),
        ),
        "LZ8001",
        NETWORK_ACCOUNT_LINE,
        "network",
        names="stack 'accounts/network/us-east-1' would hold 88 resources",
        related=("  max_stack_resources: 75", "75"),
    ),
}


def hub_mutated(changes: tuple[tuple[str, str], ...]) -> str:
    text = HUB_EXAMPLE.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, f"{old!r} is not unique in examples/hub-and-spoke.yaml"
        text = text.replace(old, new)
    return text


def position(text: str, line_text: str, needle: str) -> tuple[int, int]:
    """1-based (line, column) of ``needle`` on the one line of ``text`` that is ``line_text``."""
    lines = text.splitlines()
    assert lines.count(line_text) == 1, f"{line_text!r} is not one line of the changed file"
    line = lines.index(line_text) + 1
    return line, column_of(line_text, needle)


@pytest.mark.parametrize("name", sorted(HUB_MUTATIONS))
def test_changed_hub_example_fails_at_the_right_place(
    name: str, tmp_path: Path, rendered_dir: Path
) -> None:
    m = HUB_MUTATIONS[name]
    text = hub_mutated(m.changes)
    path = tmp_path / "hub-and-spoke.yaml"
    path.write_text(text, encoding="utf-8")
    exit_code, diagnostics = validate_json(path)
    assert exit_code == 1
    d = first_error(diagnostics)
    assert (d["code"], d["line"], d["column"]) == (m.code, *position(text, m.line, m.column_of))
    assert d["file"] == str(path)
    assert m.names in d["message"] + " " + d["hint"]
    if m.related[0]:
        line, column = position(text, *m.related)
        assert d["related"][0] == {"file": str(path), "line": line, "column": column}
    errors = [e for e in diagnostics if e["severity"] == "error"]
    assert [e["code"] for e in errors] == [m.code], errors
    assert_render_leaves_dir_alone(path, rendered_dir)


def test_the_unchanged_hub_example_has_only_the_accelerated_warning() -> None:
    exit_code, diagnostics = validate_json(HUB_EXAMPLE)
    assert exit_code == 0
    assert [(d["code"], d["severity"]) for d in diagnostics] == [("LZ3104", "warning")]
