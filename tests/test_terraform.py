"""Terraform on every rendered example: ``fmt -check``, ``validate`` and an offline ``plan`` of
every stack, then assertions on the plan JSON where the wiring matters.

Run with ``nox -s terraform`` (or ``LZGEN_TF_PLUGIN_MIRROR=/opt/tf-plugins pytest -m terraform``).
``validate`` runs on a copy of each stack (init writes ``.terraform``); ``plan`` goes through
``lzgen.offline.plan_offline``, the code behind ``lzgen plan --offline``, once per example,
and keeps every stack's plan JSON for the assertions below.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import (
    RenderedExamples,
    example_params,
    examples,
    stack_or_fail,
    stack_params,
    terraform_env,
)
from lzgen.offline import StackResult, plan_offline
from lzgen.scp import SCP_SIZE_LIMIT, policy_document

pytestmark = pytest.mark.terraform

STACKS = stack_params()
EXAMPLES = example_params()


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=900
    )


def _output(proc: subprocess.CompletedProcess[str]) -> str:
    return f"exit {proc.returncode}\n{proc.stdout}{proc.stderr}"


# ---------------------------------------------------------------------------------------------
# fmt and validate


@pytest.mark.parametrize("example", EXAMPLES)
def test_fmt_check(
    example: str, rendered_examples: RenderedExamples, terraform_bin: str, tmp_path: Path
) -> None:
    tree = rendered_examples[example]
    proc = _run(
        [terraform_bin, "fmt", "-check", "-recursive", "-diff", "-no-color", str(tree)],
        tree,
        terraform_env(tmp_path),
    )
    assert proc.returncode == 0, f"terraform fmt -check -recursive:\n{_output(proc)}"


@pytest.mark.parametrize(("example", "stack"), STACKS)
def test_validate(
    example: str,
    stack: dict[str, Any] | str,
    rendered_examples: RenderedExamples,
    terraform_bin: str,
    tmp_path: Path,
) -> None:
    entry = stack_or_fail(stack)
    work = tmp_path / "stack"
    shutil.copytree(rendered_examples[example] / entry["path"], work)
    env = terraform_env(tmp_path / "cli")
    init = _run([terraform_bin, "init", "-backend=false", "-input=false", "-no-color"], work, env)
    assert init.returncode == 0, f"terraform init -backend=false:\n{_output(init)}"
    validate = _run([terraform_bin, "validate", "-no-color"], work, env)
    assert validate.returncode == 0, f"terraform validate:\n{_output(validate)}"


# ---------------------------------------------------------------------------------------------
# offline plan


@dataclass(frozen=True)
class PlannedExample:
    results: dict[str, StackResult]
    plans: Path  # <stack path>/plan.json


class OfflinePlans:
    """``plan_offline`` of each example, run on first use and kept for the module."""

    def __init__(self, rendered: RenderedExamples, terraform: str, root: Path) -> None:
        self._rendered = rendered
        self._terraform = terraform
        self._root = root
        self._done: dict[str, PlannedExample] = {}

    def __getitem__(self, example: str) -> PlannedExample:
        if example not in self._done:
            plans = self._root / example
            results = plan_offline(
                self._rendered[example], terraform=self._terraform, keep_plans=plans
            )
            self._done[example] = PlannedExample({r.name: r for r in results}, plans)
        return self._done[example]

    def plan(self, example: str, stack: dict[str, Any]) -> Plan:
        planned = self[example]
        result = planned.results.get(stack["name"])
        if result is None or not result.ok:
            pytest.fail(f"stack {stack['name']} did not plan (see test_plan)", pytrace=False)
        data = json.loads((planned.plans / stack["path"] / "plan.json").read_text())
        return Plan(data)


@pytest.fixture(scope="module")
def offline_plans(
    rendered_examples: RenderedExamples,
    terraform_bin: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> OfflinePlans:
    return OfflinePlans(rendered_examples, terraform_bin, tmp_path_factory.mktemp("plans"))


@pytest.mark.parametrize(("example", "stack"), STACKS)
def test_plan(example: str, stack: dict[str, Any] | str, offline_plans: OfflinePlans) -> None:
    entry = stack_or_fail(stack)
    results = offline_plans[example].results
    assert entry["name"] in results, f"plan_offline did not report stack {entry['name']}"
    result = results[entry["name"]]
    assert result.ok, f"offline plan of {entry['name']} failed:\n{result.log}"


# ---------------------------------------------------------------------------------------------
# plan JSON


class Plan:
    """Lookups into ``terraform show -json`` output (root module only: lzgen renders explicit
    resources into root modules)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        root = data.get("configuration", {}).get("root_module", {})
        self.config = {r["address"]: r for r in root.get("resources", [])}
        planned = data.get("planned_values", {}).get("root_module", {})
        self.planned = {r["address"]: r.get("values", {}) for r in planned.get("resources", [])}
        self.changes = {c["address"]: c["change"] for c in data.get("resource_changes", [])}

    def of_type(self, resource_type: str) -> list[str]:
        return sorted(a for a, r in self.config.items() if r["type"] == resource_type)

    def references(self, address: str, attribute: str) -> list[str]:
        """Raw references of ``attribute`` in the configuration (``aws_vpc.x.id``, ...)."""
        expression = self.config[address].get("expressions", {}).get(attribute, {})
        if not isinstance(expression, dict):
            return []
        refs: list[str] = expression.get("references", [])
        return refs

    def resources(self, address: str, attribute: str) -> list[str]:
        """Resource addresses referenced by ``attribute``, in order, without duplicates."""
        found: list[str] = []
        for ref in self.references(address, attribute):
            if ref in self.config and ref not in found:
                found.append(ref)
        return found

    def one(self, address: str, attribute: str) -> str:
        found = self.resources(address, attribute)
        assert len(found) == 1, f"{address}.{attribute} references {found}, expected one resource"
        return found[0]

    def after_unknown(self, address: str) -> dict[str, Any]:
        unknown: dict[str, Any] = self.changes.get(address, {}).get("after_unknown", {})
        return unknown


def _nat_routes(plan: Plan) -> list[tuple[str, str, str]]:
    """(route, route table, NAT gateway) for every IPv4 default route via a NAT gateway."""
    routes = []
    for route in plan.of_type("aws_route"):
        if plan.planned[route].get("destination_cidr_block") != "0.0.0.0/0":
            continue
        if not plan.resources(route, "nat_gateway_id"):
            continue
        routes.append((route, plan.one(route, "route_table_id"), plan.one(route, "nat_gateway_id")))
    return routes


def _subnets_of_route_table(plan: Plan, route_table: str) -> list[str]:
    return [
        plan.one(assoc, "subnet_id")
        for assoc in plan.of_type("aws_route_table_association")
        if plan.resources(assoc, "route_table_id") == [route_table]
    ]


def _az(plan: Plan, subnet: str) -> str:
    az: str = plan.planned[subnet]["availability_zone"]
    return az


def _nat_wiring_problems(plan: Plan) -> list[str]:
    """Each private route table's default route must use a NAT gateway of its own VPC, and of
    its own AZ when the VPC has a NAT gateway per AZ."""
    nat_subnet = {nat: plan.one(nat, "subnet_id") for nat in plan.of_type("aws_nat_gateway")}
    nat_vpc = {nat: plan.one(subnet, "vpc_id") for nat, subnet in nat_subnet.items()}
    problems = []
    for route, table, nat in _nat_routes(plan):
        subnets = _subnets_of_route_table(plan, table)
        if not subnets:
            problems.append(f"{route}: route table {table} has no subnet associations")
            continue
        table_vpc = plan.one(table, "vpc_id")
        if nat_vpc[nat] != table_vpc:
            problems.append(f"{route}: {table} is in {table_vpc} but {nat} in {nat_vpc[nat]}")
        per_az = sum(1 for v in nat_vpc.values() if v == nat_vpc[nat]) > 1
        nat_az = _az(plan, nat_subnet[nat])
        wrong = [s for s in subnets if _az(plan, s) != nat_az]
        if per_az and wrong:
            problems.append(
                f"{route}: {table} serves {[f'{s} ({_az(plan, s)})' for s in wrong]} "
                f"but routes to {nat} in {nat_az}"
            )
    return problems


@pytest.mark.parametrize(("example", "stack"), STACKS)
def test_private_route_tables_use_the_nat_gateway_of_their_az(
    example: str, stack: dict[str, Any] | str, offline_plans: OfflinePlans
) -> None:
    plan = offline_plans.plan(example, stack_or_fail(stack))
    problems = _nat_wiring_problems(plan)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("example", "stack"), STACKS)
def test_no_subnet_maps_public_ips_on_launch(
    example: str, stack: dict[str, Any] | str, offline_plans: OfflinePlans
) -> None:
    plan = offline_plans.plan(example, stack_or_fail(stack))
    public = [
        subnet
        for subnet in plan.of_type("aws_subnet")
        if plan.planned[subnet].get("map_public_ip_on_launch") is not False
    ]
    assert not public, f"map_public_ip_on_launch is not false on {public}"


def _endpoint_security_groups(plan: Plan) -> dict[str, list[str]]:
    """Security group -> the interface endpoints that use it."""
    groups: dict[str, list[str]] = {}
    for endpoint in plan.of_type("aws_vpc_endpoint"):
        if plan.planned[endpoint].get("vpc_endpoint_type") != "Interface":
            continue
        for group in plan.resources(endpoint, "security_group_ids"):
            groups.setdefault(group, []).append(endpoint)
    return groups


def _endpoint_group_problems(plan: Plan, group: str, endpoints: list[str]) -> list[str]:
    vpc = plan.one(group, "vpc_id")
    problems = [
        f"{endpoint} is not in {vpc}, the VPC of {group}"
        for endpoint in endpoints
        if plan.one(endpoint, "vpc_id") != vpc
    ]
    vpc_cidr = plan.planned[vpc]["cidr_block"]
    vpc_ipv6 = plan.planned[vpc].get("ipv6_cidr_block")  # unknown (absent) unless given
    allowed_refs = {vpc, f"{vpc}.cidr_block", f"{vpc}.ipv6_cidr_block"}
    stray = sorted(set(plan.references(group, "ingress")) - allowed_refs)
    if stray:
        problems.append(f"{group} ingress references {stray}; only {vpc}'s CIDRs are allowed")
    rules = plan.planned[group].get("ingress") or []
    if not rules:
        problems.append(f"{group} has no ingress rule (endpoints unreachable)")
    for rule in rules:
        what = f"{group} ingress {rule.get('description')!r}"
        if (rule.get("protocol"), rule.get("from_port"), rule.get("to_port")) != ("tcp", 443, 443):
            problems.append(
                f"{what}: {rule.get('protocol')} {rule.get('from_port')}-"
                f"{rule.get('to_port')}, expected tcp 443-443"
            )
        if rule.get("self") or rule.get("security_groups") or rule.get("prefix_list_ids"):
            problems.append(f"{what}: allows sources other than the VPC CIDR")
        if any(cidr != vpc_cidr for cidr in rule.get("cidr_blocks") or []):
            problems.append(f"{what}: cidr_blocks {rule['cidr_blocks']}, VPC is {vpc_cidr}")
        if any(cidr != vpc_ipv6 for cidr in rule.get("ipv6_cidr_blocks") or []):
            problems.append(
                f"{what}: ipv6_cidr_blocks {rule['ipv6_cidr_blocks']} are not {vpc}.ipv6_cidr_block"
            )
    problems += [
        f"{rule} adds a rule to {group} outside its definition"
        for rule_type in ("aws_security_group_rule", "aws_vpc_security_group_ingress_rule")
        for rule in plan.of_type(rule_type)
        if group in plan.resources(rule, "security_group_id")
    ]
    return problems


@pytest.mark.parametrize(("example", "stack"), STACKS)
def test_interface_endpoint_security_groups_allow_only_https_from_the_vpc(
    example: str, stack: dict[str, Any] | str, offline_plans: OfflinePlans
) -> None:
    plan = offline_plans.plan(example, stack_or_fail(stack))
    problems = [
        problem
        for group, endpoints in sorted(_endpoint_security_groups(plan).items())
        for problem in _endpoint_group_problems(plan, group, endpoints)
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("example", EXAMPLES)
def test_organization_account_ids_output_names_every_account(
    example: str, rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    source = next(p for p in examples() if p.stem == example)
    accounts = yaml.safe_load(source.read_text(encoding="utf-8")).get("accounts") or []
    stacks = [
        s for s in rendered_examples.manifest(example)["stacks"] if s["name"] == "organization"
    ]
    assert len(stacks) == 1, "the manifest has no stack named 'organization'"
    plan = offline_plans.plan(example, stacks[0])
    output = plan.data.get("output_changes", {}).get("account_ids")
    assert output is not None, "the organization stack has no account_ids output"
    known = output.get("after") or {}
    unknown = {k for k, v in (output.get("after_unknown") or {}).items() if v is True}
    assert sorted(set(known) | unknown) == sorted(a["name"] for a in accounts)
    for account in accounts:
        if "id" in account:  # an existing account: its id is known at plan time
            assert known.get(account["name"]) == account["id"], account["name"]
        else:  # created by lzgen: known only after apply
            assert account["name"] in unknown, f"{account['name']}: {known.get(account['name'])}"


# ---------------------------------------------------------------------------------------------
# examples/org.yaml: the wiring spelled out


def _org_stack(rendered: RenderedExamples, name: str) -> dict[str, Any]:
    stacks = {s["name"]: s for s in rendered.manifest("org")["stacks"]}
    assert name in stacks, f"examples/org.yaml renders no stack {name!r}: {sorted(stacks)}"
    return stacks[name]


def test_org_network_stack_has_a_nat_gateway_per_az_and_routes_to_its_own(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    plan = offline_plans.plan("org", _org_stack(rendered_examples, "network/us-east-1"))
    nats = plan.of_type("aws_nat_gateway")
    assert len(nats) == 3, nats
    assert all(plan.changes[n]["actions"] == ["create"] for n in nats)
    nat_azs = {nat: _az(plan, plan.one(nat, "subnet_id")) for nat in nats}
    assert sorted(nat_azs.values()) == ["us-east-1a", "us-east-1b", "us-east-1c"]
    routes = _nat_routes(plan)
    assert sorted(nat for _, _, nat in routes) == sorted(nats), "one default route per NAT"
    for route, table, nat in routes:
        subnet_azs = {_az(plan, s) for s in _subnets_of_route_table(plan, table)}
        assert subnet_azs == {nat_azs[nat]}, f"{route}: {table} serves {subnet_azs}, {nat}"
    assert not _nat_wiring_problems(plan)


def test_org_network_stack_subnets_and_endpoint_group(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    plan = offline_plans.plan("org", _org_stack(rendered_examples, "network/us-east-1"))
    subnets = plan.of_type("aws_subnet")
    assert len(subnets) == 9, subnets  # 3 tiers x 3 AZs
    assert all(plan.planned[s]["map_public_ip_on_launch"] is False for s in subnets)
    groups = _endpoint_security_groups(plan)
    assert len(groups) == 1, groups
    ((group, endpoints),) = groups.items()
    assert len(endpoints) == 5, endpoints  # execute-api, ssm, ecr.api, ecr.dkr, logs
    assert _endpoint_group_problems(plan, group, endpoints) == []
    ipv4 = [r for r in plan.planned[group]["ingress"] if r.get("cidr_blocks")]
    assert [r["cidr_blocks"] for r in ipv4] == [["10.10.0.0/16"]]


def test_org_organization_stack_outputs_every_account_id(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    plan = offline_plans.plan("org", _org_stack(rendered_examples, "organization"))
    output = plan.data["output_changes"]["account_ids"]
    assert output["after"] == {"network": "222222222222"}
    assert output["after_unknown"] == {"app-a": True, "log-archive": True}


# ---------------------------------------------------------------------------------------------
# every stack: the manifest's resource count is what Terraform plans


@pytest.mark.parametrize(("example", "stack"), STACKS)
def test_manifest_resource_count_is_what_terraform_plans(
    example: str, stack: dict[str, Any] | str, offline_plans: OfflinePlans
) -> None:
    entry = stack_or_fail(stack)
    plan = offline_plans.plan(example, entry)
    managed = {a: c for a, c in plan.changes.items() if not a.startswith("data.")}
    created = [a for a, c in managed.items() if c["actions"] == ["create"]]
    assert len(created) == len(managed), "an offline plan of a new stack only creates"
    assert entry["resources"] == len(created), (
        f"manifest says {entry['resources']} resources, terraform plans {len(created)}"
    )


# ---------------------------------------------------------------------------------------------
# baseline: service control policies, account settings, central flow logs, the trail

SETTING_TYPES = {
    "ebs_encryption_by_default": "aws_ebs_encryption_by_default",
    "s3_block_public_access": "aws_s3_account_public_access_block",
    "iam_password_policy": "aws_iam_account_password_policy",
    "ecs_awsvpc_trunking": "aws_ecs_account_setting_default",
}
REGIONAL_SETTINGS = {"ebs_encryption_by_default", "ecs_awsvpc_trunking"}
MANAGEMENT = "(management)"


def _org_yaml(example: str) -> dict[str, Any]:
    source = next(p for p in examples() if p.stem == example)
    data: dict[str, Any] = yaml.safe_load(source.read_text(encoding="utf-8"))
    return data


BASELINE_EXAMPLES = [p for p in EXAMPLES if "baseline" in _org_yaml(p.values[0])]


def _stacks(rendered: RenderedExamples, example: str) -> dict[str, dict[str, Any]]:
    return {s["name"]: s for s in rendered.manifest(example)["stacks"]}


def _ou_path(plan: Plan, address: str) -> str:
    name: str = plan.planned[address]["name"]
    parents = [
        p
        for p in plan.resources(address, "parent_id")
        if p.startswith("aws_organizations_organizational_unit.")
    ]
    return f"{_ou_path(plan, parents[0])}/{name}" if parents else name


def _attachment_target(plan: Plan, attachment: str, ids: dict[str, str]) -> tuple[str, str]:
    """("ou", path) or ("account", name) that an attachment's target_id points at."""
    refs = plan.resources(attachment, "target_id")
    if not refs:  # an existing account, by its id
        return ("account", ids[plan.planned[attachment]["target_id"]])
    assert len(refs) == 1, refs
    if refs[0].startswith("aws_organizations_organizational_unit."):
        return ("ou", _ou_path(plan, refs[0]))
    assert refs[0].startswith("aws_organizations_account."), refs
    return ("account", plan.planned[refs[0]]["name"])


@pytest.mark.parametrize("example", BASELINE_EXAMPLES)
def test_each_scp_is_attached_to_exactly_the_configured_targets(
    example: str, rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    org = _org_yaml(example)
    baseline = org["baseline"]
    expected_targets = sorted(
        [("ou", ou) for ou in baseline.get("attach", {}).get("ous", [])]
        + [("account", a) for a in baseline.get("attach", {}).get("accounts", [])]
    )
    names = [e if isinstance(e, str) else e["name"] for e in baseline["service_control_policies"]]
    ids = {a["id"]: a["name"] for a in org["accounts"] if "id" in a}
    plan = offline_plans.plan(example, _stacks(rendered_examples, example)["organization"])
    policies = {plan.planned[p]["name"]: p for p in plan.of_type("aws_organizations_policy")}
    assert sorted(policies) == sorted(names)
    attached: dict[str, list[tuple[str, str]]] = {name: [] for name in names}
    for attachment in plan.of_type("aws_organizations_policy_attachment"):
        policy = plan.planned[plan.one(attachment, "policy_id")]["name"]
        attached[policy].append(_attachment_target(plan, attachment, ids))
    assert {n: sorted(t) for n, t in attached.items()} == dict.fromkeys(names, expected_targets)


@pytest.mark.parametrize("example", BASELINE_EXAMPLES)
def test_each_scp_is_the_library_policy_and_fits_the_size_limit(
    example: str, rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    org = _org_yaml(example)
    role = org["organization"].get("access_role", "OrganizationAccountAccessRole")
    plan = offline_plans.plan(example, _stacks(rendered_examples, example)["organization"])
    for entry in org["baseline"]["service_control_policies"]:
        name = entry if isinstance(entry, str) else entry["name"]
        regions = () if isinstance(entry, str) else tuple(entry["regions"])
        (address,) = [
            p for p in plan.of_type("aws_organizations_policy") if plan.planned[p]["name"] == name
        ]
        values = plan.planned[address]
        assert values["type"] == "SERVICE_CONTROL_POLICY"
        content = values["content"]  # exactly what Terraform sends to Organizations
        assert len(content) < SCP_SIZE_LIMIT, f"{name}: {len(content)} characters"
        assert json.loads(content) == policy_document(name, access_role=role, regions=regions)


def _settings_expected(org: dict[str, Any]) -> dict[str, set[str]]:
    """Account name (or MANAGEMENT) -> the settings some account_settings entry turns on."""
    management_listed = any(
        a.get("id") == org["organization"]["management_account_id"] for a in org["accounts"]
    )
    wanted: dict[str, set[str]] = {}
    for entry in org.get("account_settings", []):
        on = {k for k in SETTING_TYPES if entry.get(k)}
        targets = entry.get("accounts", [])
        names = [
            a["name"]
            for a in org["accounts"]
            if targets == "all"
            or a["name"] in targets
            or any(a["ou"] == ou or a["ou"].startswith(f"{ou}/") for ou in entry.get("ous", []))
        ]
        if targets == "all" and not management_listed:
            names.append(MANAGEMENT)
        for name in names:
            wanted.setdefault(name, set()).update(on)
    return wanted


@pytest.mark.parametrize(
    "example", [p for p in EXAMPLES if "account_settings" in _org_yaml(p.values[0])]
)
def test_account_settings_are_in_exactly_the_targeted_accounts_stacks(
    example: str, rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    org = _org_yaml(example)
    wanted = _settings_expected(org)
    home = org["organization"]["home_region"]
    found: dict[str, set[str]] = {}
    expected: dict[str, set[str]] = {}
    for name, stack in _stacks(rendered_examples, example).items():
        plan = offline_plans.plan(example, stack)
        found[name] = {k for k, t in SETTING_TYPES.items() if plan.of_type(t)}
        if name == "organization":
            owner, region = MANAGEMENT, home
        elif "/" in name:
            owner, region = name.split("/")
        else:  # another management-account stack (organization-trail)
            owner, region = "", home
        settings = wanted.get(owner, set())
        expected[name] = {s for s in settings if s in REGIONAL_SETTINGS or region == home}
        if "iam_password_policy" in found[name]:
            (policy,) = plan.of_type("aws_iam_account_password_policy")
            values = plan.planned[policy]
            assert values["minimum_password_length"] >= 14
            assert values["password_reuse_prevention"] == 24
            assert values["max_password_age"] == 90
            assert all(
                values[k]
                for k in (
                    "require_lowercase_characters",
                    "require_uppercase_characters",
                    "require_numbers",
                    "require_symbols",
                )
            )
        if "ecs_awsvpc_trunking" in found[name]:
            (setting,) = plan.of_type("aws_ecs_account_setting_default")
            assert plan.planned[setting]["name"] == "awsvpcTrunking"
            assert plan.planned[setting]["value"] == "enabled"
    assert found == expected


def test_org_central_flow_logs_go_to_the_log_archive_bucket(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    stacks = _stacks(rendered_examples, "org")
    archive = offline_plans.plan("org", stacks["log-archive/us-east-1"])
    bucket = archive.planned["aws_s3_bucket.log_archive"]["bucket"]
    flow_logs = 0
    for name in ("network/us-east-1", "app-a/us-east-1"):
        assert "accounts/log-archive/us-east-1" in stacks[name]["depends_on"]
        plan = offline_plans.plan("org", stacks[name])
        assert not plan.of_type("aws_cloudwatch_log_group"), "central: no per-VPC log group"
        assert not plan.of_type("aws_iam_role"), "central: no flow log role"
        for flow_log in plan.of_type("aws_flow_log"):
            values = plan.planned[flow_log]
            assert values["log_destination_type"] == "s3"
            assert values["log_destination"] == f"arn:aws:s3:::{bucket}"
            assert values.get("iam_role_arn") in (None, "")
            flow_logs += 1
    assert flow_logs == 2


def test_org_trail_is_an_organization_trail_into_the_log_archive(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    stacks = _stacks(rendered_examples, "org")
    order = [s["name"] for s in rendered_examples.manifest("org")["stacks"]]
    assert order.index("organization-trail") > order.index("log-archive/us-east-1")
    assert stacks["organization-trail"]["depends_on"] == [
        "accounts/log-archive/us-east-1",
        "organization",
    ]
    archive = offline_plans.plan("org", stacks["log-archive/us-east-1"])
    bucket = archive.planned["aws_s3_bucket.log_archive"]
    assert bucket["object_lock_enabled"] is True
    versioning = archive.planned["aws_s3_bucket_versioning.log_archive"]
    assert versioning["versioning_configuration"][0]["status"] == "Enabled"
    trail = offline_plans.plan("org", stacks["organization-trail"])
    values = trail.planned["aws_cloudtrail.organization"]
    assert values["s3_bucket_name"] == bucket["bucket"]
    assert values["is_organization_trail"] is True
    assert values["is_multi_region_trail"] is True
    assert values["enable_log_file_validation"] is True
    assert (
        trail.one("aws_cloudtrail.organization", "kms_key_id") == "aws_kms_key.organization_trail"
    )
