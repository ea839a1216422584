"""No silent stack deletion: removal.py on its own, and `lzgen render --allow-remove`."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lzgen.cli import app
from lzgen.removal import (
    Removal,
    count_resources,
    find_removals,
    old_stacks,
    refusal_text,
    refused,
    unmatched,
)

REPO = Path(__file__).resolve().parent.parent
HUB = REPO / "examples" / "hub-and-spoke.yaml"
MANIFEST = "lzgen.manifest.json"
PEERING = "peerings/app-a-to-tools"
NETWORK = "accounts/network/us-east-1"

runner = CliRunner()

# --- removal.py -----------------------------------------------------------------------------

VPC_TF = """\
resource "aws_vpc" "a" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "a_app_a" {
  vpc_id = aws_vpc.a.id
}

data "aws_region" "here" {}
"""


def manifest(*stacks: tuple[str, int | None]) -> dict[str, Any]:
    """Manifest data with these (path, resources) stacks in apply order."""
    entries = [{"name": p, "path": p, "depends_on": [], "resources": n} for p, n in stacks]
    for entry in entries:
        if entry["resources"] is None:
            del entry["resources"]
    return {"files": {}, "stacks": entries}


OLD = manifest(("organization", 8), ("accounts/a/us-east-1", 40), ("peerings/a-to-b", 6))


def test_count_resources_counts_resource_blocks_only() -> None:
    assert count_resources(VPC_TF) == 2
    assert count_resources('# resource "x" "y" {}\nlocals {}\n') == 0


def test_a_removed_stack_with_resources_is_a_removal() -> None:
    new = ["organization/versions.tf", "accounts/a/us-east-1/versions.tf"]
    assert find_removals(OLD, {}, new) == [
        Removal("peerings/a-to-b", "stack", 6, "peerings/a-to-b")
    ]


def test_removals_come_in_destroy_order() -> None:
    removals = find_removals(OLD, {}, ["organization/versions.tf"])
    assert [r.path for r in removals] == ["peerings/a-to-b", "accounts/a/us-east-1"]


def test_a_removed_stack_without_resources_is_not_a_removal() -> None:
    old = manifest(("organization", 8), ("empty", 0))
    assert find_removals(old, {"empty/versions.tf": ""}, ["organization/versions.tf"]) == []


def test_the_files_of_a_removed_stack_are_not_listed_on_their_own() -> None:
    texts = {"peerings/a-to-b/vpc_peering.tf": VPC_TF}
    new = ["organization/versions.tf", "accounts/a/us-east-1/versions.tf"]
    assert [r.kind for r in find_removals(OLD, texts, new)] == ["stack"]


def test_a_removed_resource_file_of_a_remaining_stack_is_a_removal() -> None:
    texts = {
        "accounts/a/us-east-1/vpc_a.tf": VPC_TF,
        "accounts/a/us-east-1/outputs.tf": 'output "x" {\n  value = 1\n}\n',
        "organization/scp/x.json": 'resource "not" "hcl" {}\n',
    }
    new = [
        "organization/versions.tf",
        "accounts/a/us-east-1/versions.tf",
        "peerings/a-to-b/versions.tf",
    ]
    assert find_removals(OLD, texts, new) == [
        Removal("accounts/a/us-east-1/vpc_a.tf", "file", 2, "accounts/a/us-east-1")
    ]


def test_stack_and_file_removals_share_one_destroy_order() -> None:
    texts = {"organization/baseline.tf": VPC_TF}
    removals = find_removals(OLD, texts, ["organization/versions.tf"])
    assert [r.path for r in removals] == [
        "peerings/a-to-b",
        "accounts/a/us-east-1",
        "organization/baseline.tf",
    ]


def test_a_file_below_a_stack_directory_belongs_to_the_stack() -> None:
    texts = {"organization/modules/x/main.tf": VPC_TF}
    new = ["organization/versions.tf", "accounts/a/us-east-1/versions.tf", "peerings/a-to-b/a.tf"]
    assert [r.stack for r in find_removals(OLD, texts, new)] == ["organization"]


def test_a_manifest_without_counts_counts_the_removed_files() -> None:
    old = manifest(("organization", None), ("peerings/a-to-b", None))
    texts = {"peerings/a-to-b/vpc_peering.tf": VPC_TF, "peerings/a-to-b/versions.tf": ""}
    assert find_removals(old, texts, ["organization/versions.tf"]) == [
        Removal("peerings/a-to-b", "stack", 2, "peerings/a-to-b")
    ]


@pytest.mark.parametrize(
    "stacks",
    [None, "organization", [1, None, {"path": 3}, {"path": "../up"}, {"path": "/abs"}]],
)
def test_a_manifest_with_odd_stacks_has_none_of_them(stacks: Any) -> None:
    assert old_stacks({"files": {}, "stacks": stacks}) == []
    assert find_removals({"files": {}, "stacks": stacks}, {}, []) == []


def test_a_count_that_is_not_a_number_is_counted_from_the_files() -> None:
    assert old_stacks({"stacks": [{"path": "x", "resources": True}]}) == [("x", None)]


STACK = Removal("peerings/a-to-b", "stack", 6, "peerings/a-to-b")
FILE = Removal("accounts/a/us-east-1/vpc_a.tf", "file", 2, "accounts/a/us-east-1")


def test_allow_remove_names_a_stack_or_all() -> None:
    assert refused([STACK, FILE], []) == [STACK, FILE]
    assert refused([STACK, FILE], ["peerings/a-to-b/"]) == [FILE]
    assert refused([STACK, FILE], ["accounts/a/us-east-1"]) == [STACK]
    assert refused([STACK, FILE], ["all"]) == []


def test_allow_remove_names_that_allow_nothing() -> None:
    assert unmatched([STACK], ["peerings/a-to-b", "all", "peerings/c/", "x"]) == [
        "peerings/c",
        "x",
    ]


def test_refusal_text_lists_then_says_how_to_proceed() -> None:
    text = refusal_text([STACK, FILE], "out")
    lines = text.splitlines()
    assert lines[0].startswith("lzgen: error: ")
    assert "nothing was written" in lines[0]
    assert lines[1] == "  peerings/a-to-b: stack, 6 resources (their state would be orphaned)"
    assert lines[2].startswith("  accounts/a/us-east-1/vpc_a.tf: file of stack")
    assert "2 resources" in lines[2]
    assert "    terraform -chdir=out/peerings/a-to-b destroy" in lines
    assert "-chdir=out/accounts/a/us-east-1 destroy -target=" in text
    assert "`removed` blocks with `lifecycle { destroy = false }`" in text
    assert "`terraform state rm`" in text
    assert lines[-1] == (
        "Then render with --allow-remove peerings/a-to-b --allow-remove accounts/a/us-east-1"
    )


# --- lzgen render ---------------------------------------------------------------------------


def render(source: Path, out: Path, *extra: str) -> Any:
    return runner.invoke(app, ["render", str(source), "-o", str(out), *extra])


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and every entry's mtime under ``root``, the root included."""
    entries = [root, *sorted(root.rglob("*"))]
    return {
        p.relative_to(root).as_posix(): (
            p.read_bytes() if p.is_file() else b"",
            p.stat().st_mtime_ns,
        )
        for p in entries
    }


def without(tmp_path: Path, start: str, name: str) -> Path:
    """examples/hub-and-spoke.yaml without the block starting at line ``start`` and the lines
    indented below it."""
    lines = HUB.read_text(encoding="utf-8").splitlines(keepends=True)
    first = lines.index(start)
    indent = len(start) - len(start.lstrip()) + 1
    end = next(
        (
            i
            for i in range(first + 1, len(lines))
            if len(lines[i]) - len(lines[i].lstrip()) < indent
        ),
        len(lines),
    )
    path = tmp_path / name
    path.write_text("".join(lines[:first] + lines[end:]), encoding="utf-8")
    return path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    result = render(HUB, out)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def no_peering(tmp_path: Path) -> Path:
    path = without(tmp_path, "vpc_peerings:\n", "no-peering.yaml")
    assert "app-a-to-tools" not in path.read_text(encoding="utf-8")
    return path


def peering_resources(out: Path) -> int:
    stacks = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["stacks"]
    (count,) = [s["resources"] for s in stacks if s["path"] == PEERING]
    assert count > 0
    return int(count)


def test_removing_the_peering_is_refused_until_allowed(out: Path, no_peering: Path) -> None:
    count = peering_resources(out)
    before = snapshot(out)
    result = render(no_peering, out)
    assert result.exit_code == 1, result.output
    assert snapshot(out) == before
    assert f"  {PEERING}: stack, {count} resources" in result.stderr
    assert f"terraform -chdir={out}/{PEERING} destroy" in result.stderr
    assert f"--allow-remove {PEERING}" in result.stderr
    assert "remove " not in result.stdout
    result = render(no_peering, out, "--allow-remove", PEERING)
    assert result.exit_code == 0, result.output
    assert f"remove    {PEERING}/vpc_peering.tf" in result.stdout
    assert not (out / PEERING).exists()
    assert not (out / "peerings").exists()


def test_dry_run_refuses_too(out: Path, no_peering: Path) -> None:
    before = snapshot(out)
    result = render(no_peering, out, "--dry-run")
    assert result.exit_code == 1, result.output
    assert f"  {PEERING}: stack, " in result.stderr
    assert snapshot(out) == before
    result = render(no_peering, out, "--dry-run", "--allow-remove", PEERING)
    assert result.exit_code == 0, result.output
    assert "would write" in result.stdout
    assert snapshot(out) == before


def test_allow_remove_all(out: Path, no_peering: Path) -> None:
    result = render(no_peering, out, "--allow-remove", "all")
    assert result.exit_code == 0, result.output
    assert not (out / PEERING).exists()
    assert "note:" not in result.stderr


def test_allowing_another_path_allows_nothing_and_says_so(out: Path, no_peering: Path) -> None:
    before = snapshot(out)
    result = render(no_peering, out, "--allow-remove", "peerings/other")
    assert result.exit_code == 1
    assert f"--allow-remove {PEERING}" in result.stderr
    assert snapshot(out) == before
    result = render(HUB, out, "--allow-remove", "peerings/other")
    assert result.exit_code == 0, result.output
    assert "note: --allow-remove peerings/other: nothing there that holds resources is removed" in (
        result.stderr
    )
    assert "nothing to write" in result.stdout


def test_a_removed_resource_file_of_a_remaining_stack(out: Path, tmp_path: Path) -> None:
    no_edge = without(tmp_path, "  - name: edge\n", "no-edge.yaml")
    edge_tf = f"{NETWORK}/vpc_edge.tf"
    count = count_resources((out / edge_tf).read_text(encoding="utf-8"))
    assert count > 0
    before = snapshot(out)
    result = render(no_edge, out)
    assert result.exit_code == 1, result.output
    assert f"  {edge_tf}: file of stack {NETWORK}, {count} resources" in result.stderr
    assert f"Then render with --allow-remove {NETWORK}\n" in result.stderr
    assert snapshot(out) == before
    result = render(no_edge, out, "--allow-remove", NETWORK)
    assert result.exit_code == 0, result.output
    assert not (out / edge_tf).exists()
    assert (out / NETWORK / "vpc_shared-prod.tf").is_file()


def test_a_removed_stack_without_resources_goes_silently(out: Path) -> None:
    """A stack an older render wrote that holds no resources (added to the tree and its
    manifest by hand here) is removed like any file."""
    text = 'terraform {\n  required_version = ">= 1.10"\n}\n'
    (out / "legacy").mkdir()
    (out / "legacy" / "versions.tf").write_text(text, encoding="utf-8")
    data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    data["stacks"].append({"name": "legacy", "path": "legacy", "depends_on": [], "resources": 0})
    data["files"]["legacy/versions.tf"] = hashlib.sha256(text.encode()).hexdigest()
    (out / MANIFEST).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    result = render(HUB, out)
    assert result.exit_code == 0, result.output
    assert "remove    legacy/versions.tf" in result.stdout
    assert not (out / "legacy").exists()
