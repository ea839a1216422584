"""A VPC peering with a VPC outside the organization, end to end on tests/cases/peering-variants
(``saas-acme``: hub-east with an external VPC in another account and region): what its stack
holds, what the README tells the peer's owner, ``lzgen path``, and removing it (never silent)."""

from __future__ import annotations

import filecmp
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lzgen.cli import app
from lzgen.removal import count_resources

REPO = Path(__file__).resolve().parent.parent
CASE = REPO / "tests" / "cases" / "peering-variants" / "org.yaml"
STACK = "peerings/saas-acme"
PEER_CIDR = "192.168.50.0/24"
ENTRY = "  - name: saas-acme\n"

runner = CliRunner()


def render(source: Path, out: Path, *extra: str) -> Any:
    return runner.invoke(app, ["render", str(source), "-o", str(out), *extra])


@pytest.fixture
def out(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    result = render(CASE, out)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def without_external(tmp_path: Path) -> Path:
    """The case without the saas-acme entry (its last three lines)."""
    text = CASE.read_text(encoding="utf-8")
    head, entry, tail = text.partition(ENTRY)
    assert entry
    assert tail.count("\n") == 2, "saas-acme is the last entry of the case"
    path = tmp_path / "org.yaml"
    path.write_text(head, encoding="utf-8")
    return path


def _stack(out: Path, path: str) -> dict[str, Any]:
    stacks = json.loads((out / "lzgen.manifest.json").read_text(encoding="utf-8"))["stacks"]
    (stack,) = [s for s in stacks if s["path"] == path]
    result: dict[str, Any] = stack
    return result


def test_the_stack_acts_in_the_requesters_home_only(out: Path) -> None:
    tf = (out / STACK / "vpc_peering.tf").read_text(encoding="utf-8")
    providers = (out / STACK / "providers.tf").read_text(encoding="utf-8")
    assert providers.count('provider "aws" {') == 1
    assert "alias" not in providers
    assert 'peer_owner_id = "999999999999"' in tf
    assert 'peer_vpc_id   = "vpc-0abc12345678def01"' in tf
    assert 'peer_region   = "us-west-2"' in tf
    assert "auto_accept   = false" in tf
    assert "aws_vpc_peering_connection_accepter" not in tf
    assert "aws_vpc_peering_connection_options" not in tf
    assert tf.count(f'destination_cidr_block    = "{PEER_CIDR}"') == 3  # hub-east's route tables
    stack = _stack(out, STACK)
    assert stack["resources"] == count_resources(tf) == 4
    assert "accounts/shared/us-east-1" in stack["depends_on"]


def test_the_outputs_tell_the_peer_what_to_do(out: Path) -> None:
    outputs = (out / STACK / "outputs.tf").read_text(encoding="utf-8")
    assert 'output "saas-acme_peer_instructions" {' in outputs
    assert (
        '"In account 999999999999, region us-west-2: accept VPC peering connection '
        "${aws_vpc_peering_connection.saas-acme.id} from account ${local.account_id} (VPC "
        "hub-east, us-east-1) to VPC vpc-0abc12345678def01, then route 10.50.0.0/22 back through "
        'it in the route tables of vpc-0abc12345678def01."'
    ) in outputs
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "## Peerings with VPCs outside the organization" in readme
    assert (
        "- `peerings/saas-acme` (hub-east to vpc-0abc12345678def01, 192.168.50.0/24): In account "
        "999999999999, region us-west-2: accept VPC peering connection <output "
        "vpc_peering_connection_id of peerings/saas-acme> from account 800000000008"
    ) in readme


def test_lzgen_path_reaches_the_external_peer_from_its_requester_only() -> None:
    result = runner.invoke(app, ["path", str(CASE), "hub-east", "saas-acme"])
    assert result.exit_code == 0, result.output
    assert "peer's side: outside the file" in result.output
    result = runner.invoke(app, ["path", str(CASE), "svc-east", "saas-acme"])
    assert result.exit_code == 1, result.output
    assert "peering is not transitive" in result.output


def test_removing_the_external_peering_is_refused_until_allowed(
    out: Path, without_external: Path, tmp_path: Path
) -> None:
    before = tmp_path / "before"
    shutil.copytree(out, before)
    count = _stack(out, STACK)["resources"]
    result = render(without_external, out)
    assert result.exit_code == 1, result.output
    assert f"  {STACK}: stack, {count} resources" in result.stderr
    assert f"--allow-remove {STACK}" in result.stderr
    assert not filecmp.dircmp(before, out).diff_files
    assert (out / STACK / "vpc_peering.tf").is_file()
    result = render(without_external, out, "--allow-remove", STACK)
    assert result.exit_code == 0, result.output
    assert not (out / STACK).exists()
    # the two trees differ by the stack, and by the README and manifest that listed it
    compared = filecmp.dircmp(before, out)
    assert compared.diff_files == ["README.md", "lzgen.manifest.json"]
    assert filecmp.dircmp(before / "peerings", out / "peerings").left_only == ["saas-acme"]
    assert not any(PEER_CIDR in p.read_text(encoding="utf-8") for p in out.rglob("*.tf"))
    assert "outside the organization" not in (out / "README.md").read_text(encoding="utf-8")
    assert PEER_CIDR in (before / STACK / "vpc_peering.tf").read_text(encoding="utf-8")
