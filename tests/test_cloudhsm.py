"""examples/cloudhsm-saas.yaml: the CloudHSM cluster, who reaches it and its KMS custom key
store, read from the offline plan JSON; no password in any rendered file; and revoking the SaaS
provider (removing its peering) is never silent.

Expected values come from the YAML, not from the rendered code. The HSM VPC's routes are read
from every stack's plan: a route belongs to the HSM VPC when its table is one of the HSM stack's
tables, in that stack or through its ``hsm_route_table_ids`` output. The plan with the key
store's switch on plans the HSM stack (and the organization stack it reads) with
``TF_VAR_payments_custom_key_store=true`` and a dummy password in the environment.
"""

from __future__ import annotations

import filecmp
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from conftest import REPO, OfflinePlans, Plan, RenderedExamples, tree_group
from lzgen.cli import app
from lzgen.offline import PLAN_JSON

EXAMPLE = "cloudhsm-saas"
pytestmark = tree_group(EXAMPLE)  # the terraform tests plan it on one worker
SOURCE = REPO / "examples" / f"{EXAMPLE}.yaml"
HOME = "accounts/security/us-east-1"
CLUSTER = "aws_cloudhsm_v2_cluster.payments"
PEERING = "peerings/saas-acme"
CLIENT_CIDRS = {"10.50.0.0/20", "192.168.50.0/24"}
DUMMY_PASSWORD = "dummy-kmsuser-1"  # noqa: S105 (a test value, the kind CI passes)

runner = CliRunner()


def _org() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    return data


def _manifest_stack(rendered: RenderedExamples, path: str) -> dict[str, Any]:
    (stack,) = [s for s in rendered.manifest(EXAMPLE)["stacks"] if s["path"] == path]
    return stack


@pytest.fixture(scope="module")
def home(rendered_examples: RenderedExamples, offline_plans: OfflinePlans) -> Plan:
    return offline_plans.plan(EXAMPLE, _manifest_stack(rendered_examples, HOME))


def _of_type(plan: Plan, resource_type: str) -> dict[str, dict[str, Any]]:
    return {a: plan.planned[a] for a in plan.of_type(resource_type)}


# --- who reaches the HSMs ---------------------------------------------------------------------


@pytest.mark.terraform
def test_the_security_group_admits_the_hsm_ports_from_the_client_cidrs_only(
    home: Plan, rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    rules = _of_type(home, "aws_vpc_security_group_ingress_rule")
    found = sorted(
        (r["cidr_ipv4"], r["ip_protocol"], r["from_port"], r["to_port"]) for r in rules.values()
    )
    assert found == sorted((cidr, "tcp", 2223, 2225) for cidr in CLIENT_CIDRS)
    for address, rule in rules.items():
        assert rule["description"], f"{address} has no description"
        assert home.references(address, "security_group_id")[0] == f"{CLUSTER}.security_group_id"
    # nothing else in the tree touches the cluster's security group
    planned = offline_plans[EXAMPLE]
    for stack in rendered_examples.manifest(EXAMPLE)["stacks"]:
        if stack["path"] != HOME:
            plan = Plan(json.loads((planned.plans / stack["path"] / PLAN_JSON).read_text()))
            assert "payments_security_group_id" not in json.dumps(plan.config), stack["path"]
    others = [
        a
        for a, r in home.config.items()
        if r["type"].startswith(("aws_security_group", "aws_vpc_security_group")) and a not in rules
    ]
    assert others == []


@pytest.mark.terraform
def test_the_hsms_are_in_two_different_azs_of_the_tier(home: Plan) -> None:
    vpc = next(v for v in _org()["vpcs"] if v["name"] == "hsm")
    hsms = home.of_type("aws_cloudhsm_v2_hsm")
    assert len(hsms) == _org()["cloudhsm_clusters"][0]["hsms"] == 2
    azs = []
    for hsm in hsms:
        assert home.one(hsm, "cluster_id") == CLUSTER
        subnet = home.planned[home.one(hsm, "subnet_id")]
        assert subnet["tags"]["Tier"] == "hsm"
        azs.append(subnet["availability_zone"])
    assert azs == [f"{vpc['region']}{az}" for az in vpc["azs"]]
    assert len(set(azs)) == 2
    cluster = home.planned[CLUSTER]
    assert cluster["hsm_type"] == "hsm2m.medium"
    assert sorted(home.resources(CLUSTER, "subnet_ids")) == sorted(
        home.one(h, "subnet_id") for h in hsms
    )


def _hsm_routes(rendered: RenderedExamples, offline: OfflinePlans) -> list[tuple[str, str]]:
    """(destination, target resource) of every route in a route table of the HSM VPC."""
    manifest = rendered.manifest(EXAMPLE)
    planned = offline[EXAMPLE]
    found = []
    for stack in manifest["stacks"]:
        plan = offline.plan(EXAMPLE, stack)
        home_state = [n for n, p in stack.get("reads", {}).items() if p == HOME]
        tables = [
            f"data.terraform_remote_state.{n}.outputs.hsm_route_table_ids" for n in home_state
        ]
        for address in plan.of_type("aws_route"):
            refs = plan.references(address, "route_table_id")
            ours = stack["path"] == HOME and any(r.startswith("aws_route_table.hsm_") for r in refs)
            if not (ours or set(refs) & set(tables)):
                continue
            expressions = plan.config[address]["expressions"]
            targets = [
                r
                for k, v in expressions.items()
                if k.endswith("_id") and k != "route_table_id" and isinstance(v, dict)
                for r in v.get("references", [])
                if r in plan.config
            ]
            found.append((plan.planned[address]["destination_cidr_block"], targets[0]))
        assert planned.results[stack["name"]].ok
    return sorted(found)


@pytest.mark.terraform
def test_the_hsm_vpc_routes_only_to_its_peers(
    home: Plan, rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    for kind in ("aws_internet_gateway", "aws_nat_gateway", "aws_egress_only_internet_gateway"):
        assert home.of_type(kind) == [], kind
    tables = [a for a in home.of_type("aws_route_table") if a.startswith("aws_route_table.hsm_")]
    assert tables
    for table in tables:
        assert not home.config[table]["expressions"].get("route"), f"{table} has inline routes"
    routes = _hsm_routes(rendered_examples, offline_plans)
    assert routes == [
        ("10.50.0.0/20", "aws_vpc_peering_connection_accepter.hsm-to-app"),
        ("192.168.50.0/24", "aws_vpc_peering_connection.saas-acme"),
    ]


# --- the KMS custom key store -----------------------------------------------------------------


def _closure(stacks: list[dict[str, Any]], path: str) -> set[str]:
    by_path = {s["path"]: s for s in stacks}
    found, todo = set(), [path]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(by_path[current].get("reads", {}).values())
    return found


@pytest.mark.terraform
def test_with_the_switch_on_the_plan_has_the_key_store_with_the_copied_certificate(
    rendered_examples: RenderedExamples,
    terraform_bin: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(rendered_examples[EXAMPLE], tree)
    manifest_file = tree / "lzgen.manifest.json"
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    needed = _closure(manifest["stacks"], HOME)
    manifest["stacks"] = [s for s in manifest["stacks"] if s["path"] in needed]
    manifest_file.write_text(json.dumps(manifest), encoding="utf-8")
    monkeypatch.setenv("TF_VAR_payments_custom_key_store", "true")
    monkeypatch.setenv("TF_VAR_payments_kmsuser_password", DUMMY_PASSWORD)
    # through the CLI: `lzgen plan --offline --json` keeps each stack's plan beside it
    result = runner.invoke(
        app, ["plan", str(tree), "--offline", "--json", "--terraform", terraform_bin]
    )
    assert result.exit_code == 2, result.output  # planned, with changes (-detailed-exitcode)
    assert sorted(p.parent.relative_to(tree).as_posix() for p in tree.rglob(PLAN_JSON)) == sorted(
        needed
    )
    assert not list(tree.rglob(f".{PLAN_JSON}.*"))  # no partial file left behind
    plan = Plan(json.loads((tree / HOME / PLAN_JSON).read_text(encoding="utf-8")))
    store = "aws_kms_custom_key_store.payments[0]"
    values = plan.planned[store]
    certificate = (REPO / "examples" / "certs" / "customerCA.crt").read_text(encoding="utf-8")
    assert values["trust_anchor_certificate"] == certificate
    assert values["custom_key_store_name"] == "payments-cks"
    assert plan.after_unknown(store).get("cloud_hsm_cluster_id") is True
    assert plan.changes[store]["after_sensitive"]["key_store_password"] is True
    stack = _manifest_stack(rendered_examples, HOME)
    created = [a for a, c in plan.changes.items() if c["actions"] == ["create"]]
    assert len(created) == stack["resources"] + 1  # the manifest counts the default plan


def test_no_rendered_file_holds_a_password(rendered_examples: RenderedExamples) -> None:
    tree = rendered_examples[EXAMPLE]
    literal = re.compile(r'(kmsuser_password|key_store_password)\s*=\s*"')
    for path in tree.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not literal.search(text), path
            assert DUMMY_PASSWORD not in text, path
    variables = (tree / HOME / "variables.tf").read_text(encoding="utf-8")
    block = variables[variables.index('variable "payments_kmsuser_password" {') :]
    block = block[: block.index("\n}\n")]
    assert "  sensitive   = true\n" in block
    assert "  default     = null\n" in block
    assert not list(tree.rglob("*.tfvars*"))


# --- revoking the SaaS provider ---------------------------------------------------------------


def _render(source: Path, out: Path, *extra: str) -> Any:
    return runner.invoke(app, ["render", str(source), "-o", str(out), *extra])


def test_removing_the_external_peering_is_refused_until_allowed(tmp_path: Path) -> None:
    shutil.copytree(REPO / "examples" / "certs", tmp_path / "certs")
    source = tmp_path / "org.yaml"
    shutil.copy(SOURCE, source)
    out = tmp_path / "out"
    result = _render(source, out)
    assert result.exit_code == 0, result.output
    before = tmp_path / "before"
    shutil.copytree(out, before)
    data = _org()
    data["vpc_peerings"] = [p for p in data["vpc_peerings"] if p["name"] != "saas-acme"]
    data["cloudhsm_clusters"][0]["clients"]["peerings"] = []
    without = tmp_path / "without.yaml"
    without.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = _render(without, out)
    assert result.exit_code == 1, result.output
    assert f"--allow-remove {PEERING}" in result.stderr
    assert not filecmp.dircmp(before, out).diff_files
    result = _render(without, out, "--allow-remove", PEERING)
    assert result.exit_code == 0, result.output
    assert not (out / PEERING).exists()
    assert filecmp.dircmp(before / "peerings", out / "peerings").left_only == ["saas-acme"]
    assert filecmp.dircmp(before, out).diff_files == ["README.md", "lzgen.manifest.json"]
    assert filecmp.dircmp(before / HOME, out / HOME).diff_files == ["cloudhsm_payments.tf"]
    old = (before / HOME / "cloudhsm_payments.tf").read_text(encoding="utf-8")
    new = (out / HOME / "cloudhsm_payments.tf").read_text(encoding="utf-8")
    assert 'resource "aws_vpc_security_group_ingress_rule" "payments_saas-acme"' in old
    assert "payments_saas-acme" not in new
    assert 'cidr_ipv4         = "10.50.0.0/20"' in new
    # no route, rule or README line for the peer's range is left
    assert not [p for p in out.rglob("*") if p.is_file() and "192.168.50.0/24" in p.read_text()]
    assert "192.168.50.0/24" in (before / PEERING / "vpc_peering.tf").read_text(encoding="utf-8")
