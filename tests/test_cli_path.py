"""``lzgen path FILE FROM TO``: the hops both ways, or the missing one and where its fix goes;
exit 0 reachable, 1 not (or a file with errors), 2 for a name the file does not declare."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from helpers import org
from lzgen.cli import app

REPO = Path(__file__).resolve().parent.parent
HUB = REPO / "examples" / "hub-and-spoke.yaml"

runner = CliRunner()


def _lines(output: str) -> list[str]:
    return output.rstrip("\n").split("\n")


def test_a_transit_gateway_path_prints_the_hops_both_ways() -> None:
    result = runner.invoke(app, ["path", str(HUB), "app-a-vpc", "shared-prod"])
    assert result.exit_code == 0, result.output
    assert _lines(result.output) == [
        "app-a-vpc -> shared-prod: reachable",
        "  1. app-a-vpc route tables: 10.10.0.0/16 -> transit gateway core",
        "  2. route table spokes of transit gateway core: 10.10.0.0/16 -> shared-prod "
        "(propagated route 10.10.0.0/16)",
        "shared-prod -> app-a-vpc: reachable",
        "  1. shared-prod route tables: 10.20.0.0/20 -> transit gateway core",
        "  2. route table shared of transit gateway core: 10.20.0.0/20 -> app-a-vpc "
        "(propagated route 10.20.0.0/20)",
    ]


def test_isolated_spokes_are_not_reachable_and_the_blackhole_is_named() -> None:
    result = runner.invoke(app, ["path", str(HUB), "app-a-vpc", "dev-vpc"])
    assert result.exit_code == 1, result.output
    lines = _lines(result.output)
    assert lines[0] == "app-a-vpc -> dev-vpc: not reachable"
    assert lines[2] == (
        "  missing: route table spokes of transit gateway core drops 10.22.0.0/20: the "
        "isolation blackhole for dev-vpc (default route to shared-prod)"
    )
    # the fix goes where dev-vpc's attachment lists its propagations
    assert lines[3].startswith("  fix: add `spokes` to `propagate_to` of VPC dev-vpc's")
    assert lines[3].endswith(f"({HUB}:{_propagate_to_of(HUB, 'dev-vpc')})")
    assert "dev-vpc -> app-a-vpc: not reachable" in lines


def _propagate_to_of(path: Path, vpc: str) -> str:
    """line:column of the propagate_to list of ``vpc``'s attachment in ``path``."""
    lines = path.read_text().splitlines()
    start = next(n for n, line in enumerate(lines) if line.endswith(f"name: {vpc}"))
    n = next(n for n in range(start, len(lines)) if "propagate_to: [" in lines[n])
    return f"{n + 1}:{lines[n].index('propagate_to: [') + len('propagate_to: [')}"


def test_a_peering_is_one_hop() -> None:
    result = runner.invoke(app, ["path", str(HUB), "tools-vpc", "app-a-vpc"])
    assert result.exit_code == 0, result.output
    assert "  1. tools-vpc route tables: 10.20.0.0/20 -> peering app-a-to-tools -> app-a-vpc" in (
        _lines(result.output)
    )


def test_a_vpn_is_an_endpoint_too() -> None:
    result = runner.invoke(app, ["path", str(HUB), "dev-vpc", "dc-frankfurt"])
    assert result.exit_code == 0, result.output
    assert "  1. VPN dc-frankfurt -> transit gateway core" in _lines(result.output)


def test_an_unknown_name_is_a_usage_error_with_a_suggestion() -> None:
    result = runner.invoke(app, ["path", str(HUB), "tols-vpc", "dev-vpc"])
    assert result.exit_code == 2
    assert (
        "no VPC, VPN connection or external peering named 'tols-vpc'; did you mean 'tools-vpc'?"
        in result.output
    )


def test_a_file_with_errors_prints_its_diagnostics_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "org.yaml"
    bad.write_text(org("vpcs: [{ name: x }]\n"))
    result = runner.invoke(app, ["path", str(bad), "x", "y"])
    assert result.exit_code == 1
    assert f"{bad}:1:8: error LZ1011: missing required key 'account' in vpcs[0]" in result.output
    assert "reachable" not in result.output


DIRECTORY = REPO / "examples" / "shared-directory.yaml"


def test_the_two_consumer_vpcs_never_reach_each_other_peering_is_not_transitive() -> None:
    result = runner.invoke(app, ["path", str(DIRECTORY), "vpc-1", "vpc-2"])
    assert result.exit_code == 1, result.output
    lines = _lines(result.output)
    assert lines[0] == "vpc-1 -> vpc-2: not reachable"
    assert lines[1] == (
        "  missing: vpc-1 and vpc-2 are not peered and share no transit gateway; vpc-1 is "
        "peered with identity-vpc, which is peered with vpc-2, but peering is not transitive"
    )
    assert lines[2].startswith("  fix: peer vpc-1 with vpc-2 under `vpc_peerings`")
    assert "vpc-2 -> vpc-1: not reachable" in lines


def test_each_consumer_vpc_reaches_the_directory_vpc_over_its_own_peering() -> None:
    for vpc, cidr in (("vpc-1", "10.0.0.0/16"), ("vpc-2", "10.100.0.0/16")):
        result = runner.invoke(app, ["path", str(DIRECTORY), vpc, "identity-vpc"])
        assert result.exit_code == 0, result.output
        assert _lines(result.output) == [
            f"{vpc} -> identity-vpc: reachable",
            f"  1. {vpc} route tables: 172.31.0.0/16 -> peering identity-to-{vpc} -> identity-vpc",
            f"identity-vpc -> {vpc}: reachable",
            f"  1. identity-vpc route tables: {cidr} -> peering identity-to-{vpc} -> {vpc}",
        ]


def test_a_spoke_without_the_propagation_is_named_even_when_validate_reports_it(
    tmp_path: Path,
) -> None:
    """dev-vpc no longer propagates into `shared`, the table the directory's VPC is associated
    with: validate reports LZ4104, and path names the table and where the fix goes."""
    text = HUB.read_text()
    dev = text.index("name: dev-vpc")
    attach = text.index("propagate_to: [shared]", dev)
    mutated = tmp_path / "hub.yaml"
    mutated.write_text(text[:attach] + "propagate_to: []" + text[attach + 22 :])
    result = runner.invoke(app, ["path", str(mutated), "dev-vpc", "identity-vpc"])
    assert result.exit_code == 1, result.output
    lines = _lines(result.output)
    assert lines[:3] == [
        "dev-vpc -> identity-vpc: reachable",
        "  1. dev-vpc route tables: 10.45.0.0/24 -> transit gateway core",
        "  2. route table spokes of transit gateway core: 10.45.0.0/24 -> identity-vpc "
        "(propagated route 10.45.0.0/24)",
    ]
    assert lines[3:5] == [
        "identity-vpc -> dev-vpc: not reachable",
        "  missing: route table shared of transit gateway core has no route to 10.22.0.0/20 "
        "(VPC dev-vpc (10.22.0.0/20))",
    ]
    assert lines[5].startswith("  fix: add `shared` to `propagate_to` of VPC dev-vpc's")
    assert lines[5].endswith(f"({mutated}:{_propagate_to_of(mutated, 'dev-vpc')})")
    assert "LZ4104" in runner.invoke(app, ["validate", str(mutated)]).output
