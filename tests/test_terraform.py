"""Terraform on every rendered example and ``tests/cases/*`` tree: ``fmt -check`` of every file
and an offline ``plan`` of every stack, then assertions on the plan JSON where the wiring matters.

Run with ``nox -s terraform`` (or ``LZGEN_TF_PLUGIN_MIRROR=/opt/tf-plugins pytest -m terraform``).
``plan`` goes through ``lzgen.offline.plan_offline``, the code behind ``lzgen plan --offline``,
once per example, and keeps every stack's plan JSON for the assertions below. A plan validates
the whole configuration before it plans, so ``test_plan`` is terraform's ``validate`` of every
stack too, but for the one file the offline plan leaves out: the import blocks (they read the
resources they adopt from AWS). ``test_validate`` runs ``terraform validate`` on exactly the
stacks that have them, on a copy of each stack (init writes ``.terraform``).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import (
    OfflinePlans,
    Plan,
    RenderedExamples,
    stack_or_fail,
    stack_params,
    terraform_env,
    tree_group,
    tree_params,
    trees,
)
from lzgen.offline import IMPORTS_FILE, synthesize_state
from lzgen.scp import CORE, SCP_SIZE_LIMIT, policy_document

pytestmark = pytest.mark.terraform

STACKS = stack_params()  # every stack of every example and tests/cases/* tree
ADOPTING = stack_params(holding=IMPORTS_FILE)  # the stacks with import blocks
EXAMPLES = tree_params()


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


@pytest.mark.parametrize(("example", "stack"), ADOPTING)
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


@pytest.mark.parametrize(("example", "stack"), STACKS)
def test_plan(example: str, stack: dict[str, Any] | str, offline_plans: OfflinePlans) -> None:
    entry = stack_or_fail(stack)
    results = offline_plans[example].results
    assert entry["name"] in results, f"plan_offline did not report stack {entry['name']}"
    result = results[entry["name"]]
    assert result.ok, f"offline plan of {entry['name']} failed:\n{result.log}"


# ---------------------------------------------------------------------------------------------
# plan JSON


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
    source = rendered_examples.source(example)
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


@tree_group("org")
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


@tree_group("org")
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


@tree_group("org")
def test_org_organization_stack_outputs_every_account_id(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    plan = offline_plans.plan("org", _org_stack(rendered_examples, "organization"))
    output = plan.data["output_changes"]["account_ids"]
    # every account of examples/org.yaml is created: its id is known only after apply
    assert output["after"] == {}
    assert output["after_unknown"] == {
        "app-a": True,
        "audit": True,
        "log-archive": True,
        "network": True,
    }


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
    "imdsv2_required": "aws_ec2_instance_metadata_defaults",
    "ebs_snapshot_block_public_access": "aws_ebs_snapshot_block_public_access",
    "ami_block_public_access": "aws_ec2_image_block_public_access",
    "default_vpc_removed": "aws_ssm_association",
    "s3_block_public_access": "aws_s3_account_public_access_block",
    "alternate_contacts": "aws_account_alternate_contact",
    "iam_password_policy": "aws_iam_account_password_policy",
    "ecs_awsvpc_trunking": "aws_ecs_account_setting_default",
}
# the account baseline: in every account unless an entry opts it out (alternate contacts only
# when the file gives them)
FLOOR_SETTINGS = set(list(SETTING_TYPES)[:7])
REGIONAL_SETTINGS = {
    "ebs_encryption_by_default",
    "imdsv2_required",
    "ebs_snapshot_block_public_access",
    "ami_block_public_access",
    "default_vpc_removed",
    "ecs_awsvpc_trunking",
}
MANAGEMENT = "(management)"


def _org_yaml(example: str) -> dict[str, Any]:
    source = trees()[example]
    data: dict[str, Any] = yaml.safe_load(source.read_text(encoding="utf-8"))
    return data


BASELINE_EXAMPLES = [p for p in EXAMPLES if "baseline" in _org_yaml(p.values[0])]
SCP_EXAMPLES = [
    p
    for p in BASELINE_EXAMPLES
    if _org_yaml(p.values[0])["baseline"].get("service_control_policies")
]


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


@pytest.mark.parametrize("example", SCP_EXAMPLES)
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
    core = {c.name for c in CORE}  # at the root: tests/test_scp_core_guardrails.py
    assert sorted(set(policies) - core) == sorted(names)
    attached: dict[str, list[tuple[str, str]]] = {name: [] for name in names}
    for attachment in plan.of_type("aws_organizations_policy_attachment"):
        policy = plan.planned[plan.one(attachment, "policy_id")]["name"]
        if policy not in core:
            attached[policy].append(_attachment_target(plan, attachment, ids))
    assert {n: sorted(t) for n, t in attached.items()} == dict.fromkeys(names, expected_targets)


@pytest.mark.parametrize("example", SCP_EXAMPLES)
def test_each_scp_is_created_after_the_organization(
    example: str, rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    """CreatePolicy fails until the organization exists with SERVICE_CONTROL_POLICY enabled;
    no policy argument references the organization, so only depends_on orders them (found
    applying examples/org.yaml against moto, which failed the same way)."""
    plan = offline_plans.plan(example, _stacks(rendered_examples, example)["organization"])
    policies = plan.of_type("aws_organizations_policy")
    assert policies
    for address in policies:
        assert plan.config[address].get("depends_on") == ["aws_organizations_organization.this"], (
            address
        )


@pytest.mark.parametrize("example", SCP_EXAMPLES)
def test_each_scp_is_the_library_policy_and_fits_the_size_limit(
    example: str, rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    org = _org_yaml(example)
    role = org["organization"].get("deployer_role", "lzgen-deployer")  # exempt where needed
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
    """Account name (or MANAGEMENT) -> the floor, less the opt-outs of the account_settings
    entries, plus the settings they turn on."""
    management_listed = any(
        a.get("id") == org["organization"]["management_account_id"] for a in org["accounts"]
    )
    floor = set(FLOOR_SETTINGS)
    if not (org.get("baseline") or {}).get("alternate_contacts"):
        floor.discard("alternate_contacts")
    wanted: dict[str, set[str]] = {a["name"]: set(floor) for a in org["accounts"]}
    if not management_listed:
        wanted[MANAGEMENT] = set(floor)
    for entry in org.get("account_settings", []):
        on = {k for k in SETTING_TYPES if entry.get(k) and k not in FLOOR_SETTINGS}
        off = {k for k in FLOOR_SETTINGS if entry.get(k) is False}
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
            wanted[name] = (wanted[name] - off) | on
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
        elif name.count("/") == 1:  # <account>/<region>
            owner, region = name.split("/")
        else:  # another management-account stack (organization-trail, security/management/..)
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


@tree_group("org")
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
        roles = set(plan.of_type("aws_iam_role")) - {"aws_iam_role.default_vpc_removal"}
        assert not roles, "central: no flow log role"
        for flow_log in plan.of_type("aws_flow_log"):
            values = plan.planned[flow_log]
            assert values["log_destination_type"] == "s3"
            assert values["log_destination"] == f"arn:aws:s3:::{bucket}"
            assert values.get("iam_role_arn") in (None, "")
            flow_logs += 1
    assert flow_logs == 2


@tree_group("org")
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


# ---------------------------------------------------------------------------------------------
# network hub: VPC ingress routing, VPC peering, virtual private gateways


def _stack_at(rendered: RenderedExamples, example: str, path: str) -> dict[str, Any]:
    stacks = {s["path"]: s for s in rendered.manifest(example)["stacks"]}
    assert path in stacks, f"{example} renders no stack at {path!r}: {sorted(stacks)}"
    return stacks[path]


def _routes_in(plan: Plan, table: str) -> list[str]:
    return [r for r in plan.of_type("aws_route") if plan.resources(r, "route_table_id") == [table]]


def _gateway_route_tables(plan: Plan) -> dict[str, list[str]]:
    """Route table -> the gateways it is associated with (edge associations, not subnets)."""
    found: dict[str, list[str]] = {}
    for assoc in plan.of_type("aws_route_table_association"):
        gateways = plan.resources(assoc, "gateway_id")
        if gateways:
            found.setdefault(plan.one(assoc, "route_table_id"), []).extend(gateways)
    return found


def _route_table_of_subnet(plan: Plan, subnet: str) -> list[str]:
    return [
        plan.one(assoc, "route_table_id")
        for assoc in plan.of_type("aws_route_table_association")
        if plan.resources(assoc, "subnet_id") == [subnet]
    ]


def _ingress_problems(plan: Plan) -> list[str]:
    """Every gateway route table belongs to its IGW's VPC and routes each protected subnet's
    CIDR to an appliance ENI (source/dest check off) in that subnet's AZ; the protected subnet's
    own default route goes out through the same ENI."""
    problems = []
    for table, gateways in sorted(_gateway_route_tables(plan).items()):
        if len(gateways) != 1 or not gateways[0].startswith("aws_internet_gateway."):
            problems.append(f"{table} is associated with {gateways}, expected one IGW")
            continue
        vpc = plan.one(gateways[0], "vpc_id")
        if plan.one(table, "vpc_id") != vpc:
            problems.append(f"{table} is not in {vpc}, the VPC of {gateways[0]}")
        routes = _routes_in(plan, table)
        if not routes:
            problems.append(f"{table} (gateway route table) has no routes")
        for route in routes:
            subnet = plan.one(route, "destination_cidr_block")
            eni = plan.one(route, "network_interface_id")
            cidr = plan.planned[route]["destination_cidr_block"]
            if cidr != plan.planned[subnet]["cidr_block"]:
                problems.append(f"{route}: {cidr} is not the CIDR of {subnet}")
            if plan.one(subnet, "vpc_id") != vpc:
                problems.append(f"{route}: {subnet} is not in {vpc}")
            if _az(plan, plan.one(eni, "subnet_id")) != _az(plan, subnet):
                problems.append(f"{route}: {eni} is not in the AZ of {subnet}")
            if plan.planned[eni].get("source_dest_check") is not False:
                problems.append(f"{eni}: source_dest_check is not false")
            tables = _route_table_of_subnet(plan, subnet)
            if len(tables) != 1:
                problems.append(f"{subnet} is associated with {tables}, expected one table")
                continue
            defaults = [
                plan.resources(r, "network_interface_id")
                for r in _routes_in(plan, tables[0])
                if plan.planned[r].get("destination_cidr_block") == "0.0.0.0/0"
            ]
            if defaults != [[eni]]:
                problems.append(f"{subnet}: default route of {tables[0]} goes to {defaults}")
    return problems


@pytest.mark.parametrize(("example", "stack"), STACKS)
def test_ingress_routing_sends_each_protected_subnet_through_the_eni_of_its_az(
    example: str, stack: dict[str, Any] | str, offline_plans: OfflinePlans
) -> None:
    plan = offline_plans.plan(example, stack_or_fail(stack))
    problems = _ingress_problems(plan)
    assert not problems, "\n".join(problems)


@tree_group("hub-and-spoke")
def test_hub_edge_ingress_routing_expected_values(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    stack = _stack_at(rendered_examples, "hub-and-spoke", "accounts/network/us-east-1")
    plan = offline_plans.plan("hub-and-spoke", stack)
    assert _gateway_route_tables(plan) == {
        "aws_route_table.edge_ingress": ["aws_internet_gateway.edge"]
    }
    gateway_routes = {
        route: (
            plan.planned[route]["destination_cidr_block"],
            plan.one(route, "network_interface_id"),
        )
        for route in _routes_in(plan, "aws_route_table.edge_ingress")
    }
    assert gateway_routes == {
        "aws_route.edge_ingress_web_a": ("10.11.4.0/24", "aws_network_interface.edge_appliance_a"),
        "aws_route.edge_ingress_web_b": ("10.11.5.0/24", "aws_network_interface.edge_appliance_b"),
    }
    enis = {eni: plan.one(eni, "subnet_id") for eni in plan.of_type("aws_network_interface")}
    assert enis == {
        "aws_network_interface.edge_appliance_a": "aws_subnet.edge_inspection_a",
        "aws_network_interface.edge_appliance_b": "aws_subnet.edge_inspection_b",
    }
    for az in ("a", "b"):
        assert _route_table_of_subnet(plan, f"aws_subnet.edge_web_{az}") == [
            f"aws_route_table.edge_web_{az}"
        ]
        default = f"aws_route.edge_web_{az}_default"
        assert plan.planned[default]["destination_cidr_block"] == "0.0.0.0/0"
        assert (
            plan.one(default, "network_interface_id")
            == f"aws_network_interface.edge_appliance_{az}"
        )
        # the appliance tier itself still leaves through the IGW
        assert _route_table_of_subnet(plan, f"aws_subnet.edge_inspection_{az}") == [
            "aws_route_table.edge_public"
        ]
    group = plan.planned["aws_security_group.edge_appliance"]
    assert [
        (r["protocol"], r["from_port"], r["to_port"], r["cidr_blocks"]) for r in group["ingress"]
    ] == [("tcp", 443, 443, ["0.0.0.0/0"])]
    assert [r["cidr_blocks"] for r in group["egress"]] == [["10.11.0.0/20"]]
    assert all(r["description"] for r in group["ingress"] + group["egress"])
    eni_output = plan.data["output_changes"]["edge_appliance_eni_ids"]
    assert sorted(eni_output["after_unknown"]) == ["us-east-1a", "us-east-1b"]
    assert plan.references("aws_vpc_endpoint.shared-prod_s3", "route_table_ids") is not None


_REMOTE_OUTPUT = re.compile(r"^data\.terraform_remote_state\.([^.]+)\.outputs\.([A-Za-z0-9_-]+)")


def _remote_output(plan: Plan, address: str, attribute: str) -> tuple[str, str, str | None]:
    """(remote state data name, output name, map key or None) that ``attribute`` reads."""
    ref = plan.references(address, attribute)[0]
    match = _REMOTE_OUTPUT.match(ref)
    assert match, f"{address}.{attribute} reads {ref}, not a remote state output"
    key = re.search(r'\["([^"]+)"\]$', ref)
    return match.group(1), match.group(2), key.group(1) if key else None


def _provider(plan: Plan, address: str) -> str:
    key: str = plan.config[address].get("provider_config_key", "aws")
    return key


def _external_peerings(example: str) -> set[str]:
    """Names of the peerings with a VPC outside the organization (test_external_peering.py)."""
    peerings = _org_yaml(example).get("vpc_peerings", [])
    return {p["name"] for p in peerings if isinstance(p.get("accepter"), dict)}


# peerings between two VPCs of the organization
PEERING_STACKS = [
    p
    for p in STACKS
    if isinstance(p.values[1], dict)
    and p.values[1]["path"].startswith("peerings/")
    and p.values[1]["path"].removeprefix("peerings/") not in _external_peerings(p.values[0])
]


@pytest.mark.parametrize(("example", "stack"), PEERING_STACKS)
def test_vpc_peering_routes_every_route_table_of_both_vpcs_and_resolves_dns(
    example: str,
    stack: dict[str, Any],
    rendered_examples: RenderedExamples,
    offline_plans: OfflinePlans,
) -> None:
    plan = offline_plans.plan(example, stack)
    (connection,) = plan.of_type("aws_vpc_peering_connection")
    assert "constant_value" not in plan.config[connection]["expressions"]["peer_vpc_id"]
    accepters = plan.of_type("aws_vpc_peering_connection_accepter")
    if accepters:  # another account or region: accepted there, through the accepter provider
        (accepter,) = accepters
        assert plan.one(accepter, "vpc_peering_connection_id") == connection
        assert plan.planned[accepter]["auto_accept"] is True
        assert _provider(plan, accepter) == "aws.accepter"
        active = accepter
    else:
        assert plan.planned[connection]["auto_accept"] is True
        active = connection
    sides = {}
    for side, attribute in (("requester", "vpc_id"), ("accepter", "peer_vpc_id")):
        data, output, _ = _remote_output(plan, connection, attribute)
        vpc = output.removesuffix("_vpc_id")
        upstream = offline_plans.plan(
            example, _stack_at(rendered_examples, example, stack["reads"][data])
        )
        tables = synthesize_state(upstream.data)["outputs"][f"{vpc}_route_table_ids"]["value"]
        cidr = upstream.planned[f"aws_vpc.{vpc}"]["cidr_block"]
        provider = "aws.accepter" if accepters and side == "accepter" else "aws"
        sides[side] = (data, vpc, tables, cidr, provider)
    routed = 0
    for side, other in (("requester", "accepter"), ("accepter", "requester")):
        data, vpc, tables, _, provider = sides[side]
        destination = sides[other][3]
        routes = [
            r
            for r in plan.of_type("aws_route")
            if _remote_output(plan, r, "route_table_id")[:2] == (data, f"{vpc}_route_table_ids")
        ]
        routed += len(routes)
        assert sorted(plan.planned[r]["route_table_id"] for r in routes) == sorted(
            tables.values()
        ), f"{side} {vpc}: routes {routes} do not cover its route tables {sorted(tables)}"
        for route in routes:
            assert plan.planned[route]["destination_cidr_block"] == destination, route
            assert plan.resources(route, "vpc_peering_connection_id") == [active], route
            assert _provider(plan, route) == provider, route
    assert routed == len(plan.of_type("aws_route")), "routes outside both VPCs' route tables"
    dns: dict[str, list[tuple[bool, str]]] = {}
    for options in plan.of_type("aws_vpc_peering_connection_options"):
        assert plan.resources(options, "vpc_peering_connection_id") == [active], options
        for side in ("requester", "accepter"):
            for block in plan.planned[options].get(side) or []:
                dns.setdefault(side, []).append(
                    (block["allow_remote_vpc_dns_resolution"], _provider(plan, options))
                )
    assert dns == {
        "requester": [(True, "aws")],
        "accepter": [(True, "aws.accepter" if accepters else "aws")],
    }


@tree_group("peering-variants")
def test_external_peering_requests_in_the_requester_home_and_routes_every_table(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    stack = _stack_at(rendered_examples, "peering-variants", "peerings/saas-acme")
    assert stack["reads"] == {"shared_us-east-1": "accounts/shared/us-east-1"}
    assert "accounts/shared/us-east-1" in stack["depends_on"]
    plan = offline_plans.plan("peering-variants", stack)
    address = "aws_vpc_peering_connection.saas-acme"
    connection = plan.planned[address]
    assert connection["peer_owner_id"] == "999999999999"
    assert connection["peer_vpc_id"] == "vpc-0abc12345678def01"
    assert connection["peer_region"] == "us-west-2"
    assert connection["auto_accept"] is False
    assert _provider(plan, address) == "aws"
    # only the peer's owner accepts; options need an active connection
    assert plan.of_type("aws_vpc_peering_connection_accepter") == []
    assert plan.of_type("aws_vpc_peering_connection_options") == []
    upstream = offline_plans.plan(
        "peering-variants",
        _stack_at(rendered_examples, "peering-variants", stack["reads"]["shared_us-east-1"]),
    )
    tables = synthesize_state(upstream.data)["outputs"]["hub-east_route_table_ids"]["value"]
    routes = plan.of_type("aws_route")
    assert sorted(plan.planned[r]["route_table_id"] for r in routes) == sorted(tables.values())
    for route in routes:
        assert plan.planned[route]["destination_cidr_block"] == "192.168.50.0/24"
        assert plan.resources(route, "vpc_peering_connection_id") == [address]
        assert _provider(plan, route) == "aws"
    instructions = plan.data["output_changes"]["saas-acme_peer_instructions"]
    assert instructions["after_unknown"] is True  # it names the connection id, known on apply
    outputs = plan.data["configuration"]["root_module"]["outputs"]
    expression = outputs["saas-acme_peer_instructions"]["expression"]
    assert sorted(expression["references"]) == sorted(
        [address, "aws_vpc_peering_connection.saas-acme.id", "local.account_id"]
    )


@tree_group("hub-and-spoke")
def test_hub_peering_expected_values(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    stack = _stack_at(rendered_examples, "hub-and-spoke", "peerings/app-a-to-tools")
    assert stack["reads"] == {
        "app-a_us-east-1": "accounts/app-a/us-east-1",
        "tools_us-east-1": "accounts/tools/us-east-1",
    }
    assert {"accounts/app-a/us-east-1", "accounts/tools/us-east-1"} <= set(stack["depends_on"])
    plan = offline_plans.plan("hub-and-spoke", stack)
    connection = plan.planned["aws_vpc_peering_connection.app-a-to-tools"]
    assert connection["peer_owner_id"] == "333333333333"  # tools
    assert (
        "peer_region" not in plan.config["aws_vpc_peering_connection.app-a-to-tools"]["expressions"]
    )
    routes = {
        route: (
            _remote_output(plan, route, "route_table_id")[2],
            plan.planned[route]["destination_cidr_block"],
            _provider(plan, route),
        )
        for route in plan.of_type("aws_route")
    }
    assert routes == {
        "aws_route.app-a-vpc_private_a_to_tools-vpc": (
            "app-a-vpc-private-a",
            "10.30.0.0/20",
            "aws",
        ),
        "aws_route.app-a-vpc_private_b_to_tools-vpc": (
            "app-a-vpc-private-b",
            "10.30.0.0/20",
            "aws",
        ),
        "aws_route.tools-vpc_private_a_to_app-a-vpc": (
            "tools-vpc-private-a",
            "10.20.0.0/20",
            "aws.accepter",
        ),
        "aws_route.tools-vpc_private_b_to_app-a-vpc": (
            "tools-vpc-private-b",
            "10.20.0.0/20",
            "aws.accepter",
        ),
    }


_SECRET_ATTRIBUTES = ("preshared_key", "customer_gateway_configuration")


def _vgw_problems(plan: Plan) -> list[str]:
    """Each VGW propagates into every subnet route table of its VPC; static VPNs carry their
    routes, BGP ones none; no pre-shared key is set or output."""
    problems = []
    gateway_tables = set(_gateway_route_tables(plan))
    for vgw in plan.of_type("aws_vpn_gateway"):
        vpc = plan.one(vgw, "vpc_id")
        tables = sorted(
            t
            for t in plan.of_type("aws_route_table")
            if plan.one(t, "vpc_id") == vpc and t not in gateway_tables
        )
        propagated = sorted(
            plan.one(p, "route_table_id")
            for p in plan.of_type("aws_vpn_gateway_route_propagation")
            if plan.one(p, "vpn_gateway_id") == vgw
        )
        if propagated != tables:
            problems.append(f"{vgw} propagates into {propagated}, VPC tables are {tables}")
    for vpn in plan.of_type("aws_vpn_connection"):
        expressions = plan.config[vpn].get("expressions", {})
        problems += [f"{vpn} sets {name}" for name in expressions if "preshared_key" in name]
        routes = [
            r
            for r in plan.of_type("aws_vpn_connection_route")
            if plan.one(r, "vpn_connection_id") == vpn
        ]
        if not plan.planned[vpn]["static_routes_only"] and routes:
            problems.append(f"{vpn} uses BGP but has static routes {routes}")
        if plan.planned[vpn]["static_routes_only"] and not routes:
            problems.append(f"{vpn} is static but has no routes")
    outputs = plan.data.get("configuration", {}).get("root_module", {}).get("outputs", {})
    for name, output in outputs.items():
        refs = output.get("expression", {}).get("references", [])
        problems += [
            f"output {name} reads {ref}"
            for ref in refs
            if any(secret in ref for secret in _SECRET_ATTRIBUTES)
        ]
    return problems


@pytest.mark.parametrize(("example", "stack"), STACKS)
def test_vpn_gateways_propagate_everywhere_and_keep_keys_out_of_files(
    example: str, stack: dict[str, Any] | str, offline_plans: OfflinePlans
) -> None:
    plan = offline_plans.plan(example, stack_or_fail(stack))
    problems = _vgw_problems(plan)
    assert not problems, "\n".join(problems)


@tree_group("vgw-vpn")
def test_vgw_vpn_case_expected_values(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    plan = offline_plans.plan(
        "vgw-vpn", _stack_at(rendered_examples, "vgw-vpn", "accounts/network/eu-west-1")
    )
    assert plan.planned["aws_vpn_gateway.branch"]["amazon_side_asn"] == "64620"
    assert sorted(
        plan.one(p, "route_table_id") for p in plan.of_type("aws_vpn_gateway_route_propagation")
    ) == [
        "aws_route_table.branch_isolated",
        "aws_route_table.branch_private_a",
        "aws_route_table.branch_private_b",
        "aws_route_table.branch_public",
    ]
    vpns = {
        vpn: (
            plan.planned[plan.one(vpn, "customer_gateway_id")]["bgp_asn"],
            plan.planned[plan.one(vpn, "customer_gateway_id")]["ip_address"],
            plan.planned[vpn]["static_routes_only"],
            sorted(
                plan.planned[r]["destination_cidr_block"]
                for r in plan.of_type("aws_vpn_connection_route")
                if plan.one(r, "vpn_connection_id") == vpn
            ),
        )
        for vpn in plan.of_type("aws_vpn_connection")
    }
    assert vpns == {
        "aws_vpn_connection.branch_dc-dublin": ("65030", "203.0.113.30", False, []),
        "aws_vpn_connection.branch_dc-paris": (
            "65020",
            "198.51.100.20",
            True,
            ["172.20.0.0/16", "192.168.50.0/24"],
        ),
    }
    assert all(plan.one(v, "vpn_gateway_id") == "aws_vpn_gateway.branch" for v in vpns)
