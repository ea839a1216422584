"""Renames (``renamed_from``): moved blocks, the previous version of the file, and renamed
stack paths (lzgen.model.renames, lzgen.moves, lzgen.removal)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import HUB_VPC_AND_TIER_RENAMED, renamed, rendered
from lzgen.cli import app
from lzgen.load import load_text
from lzgen.model.renames import previous_org
from lzgen.moves import MOVED_FILE
from lzgen.pipeline import check_document
from lzgen.write import write_tree

ROOT = Path(__file__).resolve().parents[1]
HUB = (ROOT / "examples" / "hub-and-spoke.yaml").read_text()
_RESOURCE = re.compile(r'^resource "([\w-]+)" "([\w-]+)" \{', re.MULTILINE)
_MOVED = re.compile(r"^moved \{\n  from = (\S+)\n  to   = (\S+)\n\}", re.MULTILINE)


def _addresses(tree: dict[str, str], stack: str) -> set[str]:
    return {
        f"{kind}.{name}"
        for path, text in tree.items()
        if path.startswith(f"{stack}/") and path.count("/") == stack.count("/") + 1
        for kind, name in _RESOURCE.findall(text)
    }


def _stacks(tree: dict[str, str]) -> list[str]:
    return [s["path"] for s in json.loads(tree["lzgen.manifest.json"])["stacks"]]


@pytest.fixture(scope="module")
def before() -> dict[str, str]:
    return rendered(HUB)


@pytest.fixture(scope="module")
def after() -> dict[str, str]:
    return rendered(renamed(HUB, HUB_VPC_AND_TIER_RENAMED))


def test_the_previous_version_is_the_file_before_the_renames() -> None:
    old = check_document(load_text(HUB, "org.yaml")).org
    new = check_document(load_text(renamed(HUB, HUB_VPC_AND_TIER_RENAMED), "org.yaml")).org
    assert old is not None
    assert new is not None
    assert previous_org(new) == old


def test_every_resource_the_rename_takes_away_is_moved(
    before: dict[str, str], after: dict[str, str]
) -> None:
    """In every stack, each address only the old render has is the source of exactly one move,
    to an address only the new render has: the plan destroys nothing."""
    assert _stacks(before) == _stacks(after)
    moved_stacks = []
    for stack in _stacks(after):
        old, new = _addresses(before, stack), _addresses(after, stack)
        moves = _MOVED.findall(after.get(f"{stack}/{MOVED_FILE}", ""))
        assert {source for source, _ in moves} == old - new, stack
        assert {target for _, target in moves} == new - old, stack
        assert len(moves) == len(old - new), stack
        if moves:
            moved_stacks.append((stack, len(moves)))
    # the VPC's own stack and the hub stack, which attaches it and routes to it
    assert moved_stacks == [("accounts/network/us-east-1", 49), ("transit-gateways/core", 28)]


def test_a_tier_rename_moves_its_subnets_to_the_same_az(after: dict[str, str]) -> None:
    moves = dict(_MOVED.findall(after[f"accounts/network/us-east-1/{MOVED_FILE}"]))
    assert moves["aws_subnet.shared-prod_app_a"] == "aws_subnet.shared-core_apps_a"
    assert moves["aws_subnet.shared-prod_public_c"] == "aws_subnet.shared-core_public_c"
    assert moves["aws_vpc.shared-prod"] == "aws_vpc.shared-core"


def test_without_renames_nothing_is_moved(before: dict[str, str]) -> None:
    assert not [p for p in before if p.endswith(f"/{MOVED_FILE}")]


def test_rendering_a_rename_over_the_tree_is_no_removal(
    before: dict[str, str], after: dict[str, str], tmp_path: Path
) -> None:
    """The old VPC file goes, but every resource it declared is moved: render does not refuse."""
    out = tmp_path / "out"
    write_tree(before, out)
    report = write_tree(after, out)
    assert "accounts/network/us-east-1/vpc_shared-prod.tf" in report.removed
    assert report.removals == []
    # and when renamed_from is deleted after the apply, moved.tf goes the same way
    done = rendered(
        renamed(HUB, HUB_VPC_AND_TIER_RENAMED)
        .replace("    renamed_from: shared-prod\n", "")
        .replace(" renamed_from: app,", "")
    )
    final = write_tree(done, out)
    assert f"accounts/network/us-east-1/{MOVED_FILE}" in final.removed
    assert final.removals == []


ACCOUNT_RENAMED = [
    ("  - { name: dev,     email", "  - { name: development, renamed_from: dev, email"),
    ("    account: dev\n", "    account: development\n"),
]


def test_an_account_rename_moves_its_stack_and_says_how_its_state_follows(
    before: dict[str, str], tmp_path: Path
) -> None:
    after = rendered(renamed(HUB, ACCOUNT_RENAMED))
    manifest = {s["path"]: s for s in json.loads(after["lzgen.manifest.json"])["stacks"]}
    stack = "accounts/development/us-east-1"
    assert manifest[stack]["moved_from"] == "accounts/dev/us-east-1"
    text = after[f"{stack}/{MOVED_FILE}"]
    assert "# This stack was accounts/dev/us-east-1." in text
    assert (
        "#   aws s3 cp s3://acme-tfstate/accounts/dev/us-east-1/terraform.tfstate "
        "s3://acme-tfstate/accounts/development/us-east-1/terraform.tfstate\n" in text
    )
    # its resources keep their addresses (the state moves whole), so it has no moved block
    assert "moved {" not in text
    out = tmp_path / "out"
    write_tree(before, out)
    report = write_tree(after, out)
    assert report.removals == []
    assert "accounts/dev/us-east-1/vpc_dev-vpc.tf" in report.removed


def test_a_misspelt_old_name_is_refused_as_a_removal(tmp_path: Path) -> None:
    """``renamed_from: shared-prd`` moves nothing the tree holds: render refuses, as it refuses
    any removal of resources, and says what to check."""
    out = tmp_path / "out"
    source = tmp_path / "org.yaml"
    source.write_text(HUB)
    runner = CliRunner()
    assert runner.invoke(app, ["render", str(source), "-o", str(out)]).exit_code == 0
    edits = [*HUB_VPC_AND_TIER_RENAMED]
    edits[0] = ("  - name: shared-prod\n", "  - name: shared-core\n    renamed_from: shared-prd\n")
    source.write_text(renamed(HUB, edits))
    result = runner.invoke(app, ["render", str(source), "-o", str(out)])
    assert result.exit_code == 1
    assert "accounts/network/us-east-1/vpc_shared-prod.tf: file of stack" in result.stderr
    assert "check that its renamed_from is the name it had" in result.stderr


def _every(text: str, edits: list[tuple[str, str]]) -> str:
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return text


# each kind of rename in examples/hub-and-spoke.yaml, with every reference to it renamed
KINDS = {
    "account": [
        ("  - { name: tools,   email", "  - { name: devtools, renamed_from: tools, email"),
        ("    account: tools\n", "    account: devtools\n"),
        ("accounts: [tools, identity]", "accounts: [devtools, identity]"),
    ],
    "tier-a-directory-names": [
        ("{ name: directory, type", "{ name: dcs, renamed_from: directory, type"),
        ("    tier: directory\n", "    tier: dcs\n"),
    ],
    "transit-gateway": [
        (
            "  - name: core\n    account: network",
            "  - name: hub\n    renamed_from: core\n    account: network",
        ),
        ("name: core,", "name: hub,"),
    ],
    "route-table": [
        ("[shared, spokes]", "[shared, { name: spoke-vpcs, renamed_from: spokes }]"),
        ("route_table: spokes", "route_table: spoke-vpcs"),
        ("[spokes", "[spoke-vpcs"),
    ],
    "peering": [("{ name: app-a-to-tools,", "{ name: app-a-tools, renamed_from: app-a-to-tools,")],
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_previous_version_of_each_kind_of_rename_is_the_file_before(kind: str) -> None:
    old = check_document(load_text(HUB, "org.yaml")).org
    checked = check_document(load_text(_every(HUB, KINDS[kind]), "org.yaml"))
    assert checked.org is not None, [(d.code, d.line, d.message) for d in checked.diagnostics]
    assert previous_org(checked.org) == old
