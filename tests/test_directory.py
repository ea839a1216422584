"""examples/shared-directory.yaml: the directory, its shares and the network path to it, read
from the offline plan JSON of every stack.

Expected values come from the YAML and from plan/directory.py's port list, not from the
rendered code. Values only known after an upstream apply (subnet, VPC and shared directory
ids, created accounts' ids) are the offline planner's placeholders, derived from the upstream
output's name, so they prove which output was read. The network half traces packets through
the peering stacks' routes (tests/reachability.py): each consumer VPC reaches the directory's
VPC over its own peering and never the other consumer VPC; in examples/hub-and-spoke.yaml the
directory's consumers reach it over the Transit Gateway.
"""

from __future__ import annotations

import ipaddress
from typing import Any

import pytest
import yaml

from conftest import REPO, OfflinePlans, Plan, RenderedExamples, tree_group
from lzgen.model.directory import AD_PORTS
from lzgen.offline import placeholder
from reachability import Network

EXAMPLE = "shared-directory"
pytestmark = [pytest.mark.terraform, tree_group(EXAMPLE)]
HUB = "hub-and-spoke"  # its directory's consumers reach it over the Transit Gateway
OWNER = "directories/corp/identity"
DIRECTORY = "aws_directory_service_directory.corp"


def _org() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((REPO / "examples" / f"{EXAMPLE}.yaml").read_text())
    return data


def _vpcs() -> dict[str, dict[str, Any]]:
    return {v["name"]: v for v in _org()["vpcs"]}


def _directory() -> dict[str, Any]:
    found: dict[str, Any] = _org()["directories"][0]
    return found


def _plan(plans: OfflinePlans, rendered: RenderedExamples, path: str) -> Plan:
    stacks = {s["path"]: s for s in rendered.manifest(EXAMPLE)["stacks"]}
    assert path in stacks, f"{EXAMPLE} renders no stack {path!r}: {sorted(stacks)}"
    return plans.plan(EXAMPLE, stacks[path])


@pytest.fixture(scope="module")
def owner(rendered_examples: RenderedExamples, offline_plans: OfflinePlans) -> Plan:
    return _plan(offline_plans, rendered_examples, OWNER)


@pytest.fixture(scope="module")
def network(rendered_examples: RenderedExamples, offline_plans: OfflinePlans) -> Network:
    planned = offline_plans[EXAMPLE]
    failed = [name for name, result in planned.results.items() if not result.ok]
    assert not failed, f"stacks that did not plan: {failed}"
    return Network(rendered_examples.manifest(EXAMPLE), planned.plans)


def _of_type(plan: Plan, resource_type: str) -> dict[str, dict[str, Any]]:
    return {a: plan.planned[a] for a in plan.of_type(resource_type)}


# --- the directory ----------------------------------------------------------------------------


def test_domain_controllers_are_in_the_tiers_subnets_of_two_azs(
    owner: Plan, rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    directory = _directory()
    vpc = _vpcs()[directory["vpc"]]
    settings = owner.planned[DIRECTORY]["vpc_settings"][0]
    output = f"{directory['vpc']}_subnet_ids"
    # subnet_ids is a set: compare sorted
    assert sorted(settings["subnet_ids"]) == sorted(
        placeholder(f"{output}.{directory['tier']}[{i}]") for i in (0, 1)
    )
    assert settings["vpc_id"] == placeholder(f"{directory['vpc']}_vpc_id")
    # the output's list for the tier, in AZ order, in the owner VPC's account stack
    home = _plan(offline_plans, rendered_examples, f"accounts/{vpc['account']}/{vpc['region']}")
    refs = home.data["configuration"]["root_module"]["outputs"][output]["expression"]
    subnets = [
        r
        for r in refs["references"]
        if r in home.config and home.planned[r]["tags"].get("Tier") == directory["tier"]
    ]
    azs = [home.planned[s]["availability_zone"] for s in subnets[:2]]
    assert azs == [f"{vpc['region']}{az}" for az in vpc["azs"][:2]]
    assert len(set(azs)) == 2


def test_directory_is_the_configured_managed_ad(owner: Plan) -> None:
    directory = _directory()
    values = owner.planned[DIRECTORY]
    assert (values["type"], values["edition"]) == ("MicrosoftAD", directory["edition"])
    assert (values["name"], values["short_name"]) == (directory["domain"], directory["short_name"])
    # the password is the generated secret's, never a literal
    assert owner.resources(DIRECTORY, "password") == [
        "aws_secretsmanager_secret_version.corp_admin"
    ]
    assert owner.after_unknown(DIRECTORY).get("password") is True


def test_ingress_rules_admit_exactly_the_consumer_cidrs_on_the_ad_ports(owner: Plan) -> None:
    vpcs = _vpcs()
    cidrs = {vpcs[name]["cidr"] for name in _directory()["consumer_vpcs"]}
    rules = _of_type(owner, "aws_vpc_security_group_ingress_rule")
    found = sorted(
        (r["cidr_ipv4"], r["ip_protocol"], r["from_port"], r["to_port"]) for r in rules.values()
    )
    expected = sorted(
        (cidr, protocol, start, end) for cidr in cidrs for protocol, start, end, _ in AD_PORTS
    )
    assert found == expected
    for address, rule in rules.items():
        assert rule["description"], f"{address} has no description"
        assert owner.references(address, "security_group_id")[0] == f"{DIRECTORY}.security_group_id"


def test_one_share_per_target_and_one_accepter_in_each_targets_stack(
    owner: Plan, rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    directory = _directory()
    targets = directory["share_with"]["accounts"]
    shares = _of_type(owner, "aws_directory_service_shared_directory")
    assert sorted(shares) == sorted(
        f"aws_directory_service_shared_directory.corp_{t}" for t in targets
    )
    for target in targets:
        share = shares[f"aws_directory_service_shared_directory.corp_{target}"]
        assert share["method"] == directory["share_method"].upper()
        # created accounts' ids come from the organization stack
        assert share["target"] == [{"id": placeholder(f"account_ids.{target}"), "type": "ACCOUNT"}]
        consumer = _plan(offline_plans, rendered_examples, f"directories/corp/{target}")
        accepters = _of_type(consumer, "aws_directory_service_shared_directory_accepter")
        assert list(accepters.values()) == [
            {
                "shared_directory_id": placeholder(f"corp_shared_directory_ids.{target}"),
                "timeouts": None,
            }
        ]


def test_each_consumer_vpc_is_associated_with_the_resolver_rule(
    owner: Plan, rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    vpcs = _vpcs()
    directory = _directory()
    owner_vpc = directory["vpc"]
    rule = "aws_route53_resolver_rule.corp"
    assert owner.planned[rule]["rule_type"] == "FORWARD"
    assert owner.planned[rule]["domain_name"] == directory["domain"]
    # in the owner stack: the owner VPC
    associations = _of_type(owner, "aws_route53_resolver_rule_association")
    assert [owner.one(a, "resolver_rule_id") for a in associations] == [rule]
    assert [v["vpc_id"] for v in associations.values()] == [placeholder(f"{owner_vpc}_vpc_id")]
    # in each consumer's stack: its VPCs, the rule id read from the owner stack
    found = {}
    for account in sorted({vpcs[n]["account"] for n in directory["consumer_vpcs"]}):
        consumer = _plan(offline_plans, rendered_examples, f"directories/corp/{account}")
        for values in _of_type(consumer, "aws_route53_resolver_rule_association").values():
            assert values["resolver_rule_id"] == placeholder("corp_resolver_rule_id")
            found[values["vpc_id"]] = account
    assert found == {
        placeholder(f"{n}_vpc_id"): vpcs[n]["account"] for n in directory["consumer_vpcs"]
    }
    # the rule is shared through RAM with exactly the consumer VPCs' other accounts
    principals = _of_type(owner, "aws_ram_principal_association")
    others = {vpcs[n]["account"] for n in directory["consumer_vpcs"]} - {vpcs[owner_vpc]["account"]}
    assert sorted(p["principal"] for p in principals.values()) == sorted(
        placeholder(f"account_ids.{a}") for a in others
    )


def test_resolver_endpoint_sends_dns_only_to_the_owner_vpc(owner: Plan) -> None:
    cidr = _vpcs()[_directory()["vpc"]]["cidr"]
    endpoint = owner.planned["aws_route53_resolver_endpoint.corp"]
    assert endpoint["direction"] == "OUTBOUND"
    assert len(endpoint["ip_address"]) == 2
    group = owner.planned["aws_security_group.corp_resolver"]
    assert "ingress" not in owner.config["aws_security_group.corp_resolver"]["expressions"]
    assert sorted((e["protocol"], e["from_port"], e["to_port"]) for e in group["egress"]) == [
        ("tcp", 53, 53),
        ("udp", 53, 53),
    ]
    assert all(e["cidr_blocks"] == [cidr] and e["description"] for e in group["egress"])


def test_security_logs_are_kms_encrypted_with_the_configured_retention(owner: Plan) -> None:
    group = "aws_cloudwatch_log_group.corp"
    assert owner.planned[group]["retention_in_days"] == _directory()["logs"]["retention_days"]
    assert owner.one(group, "kms_key_id") == "aws_kms_key.corp"
    assert owner.planned["aws_kms_key.corp"]["enable_key_rotation"] is True
    subscription = "aws_directory_service_log_subscription.corp"
    assert owner.one(subscription, "directory_id") == DIRECTORY
    assert owner.one(subscription, "log_group_name") == group
    assert owner.one("aws_secretsmanager_secret.corp_admin", "kms_key_id") == "aws_kms_key.corp"


# --- the network path -------------------------------------------------------------------------


def _peering_routes(network: Network, vpc: str) -> dict[str, set[str]]:
    """Destination CIDR -> peerings it is routed to, over every route table of ``vpc``."""
    tables = {network.subnet_rt[s] for s in network.subnets_of(vpc)}
    found: dict[str, set[str]] = {}
    for table in tables:
        for net, (kind, name) in network.routes.get(table, []):
            if kind == "pcx":
                found.setdefault(str(net), set()).add(name)
    return found


def test_owner_vpc_routes_each_consumer_to_its_own_peering(network: Network) -> None:
    routes = _peering_routes(network, "identity-vpc")
    assert routes == {
        "10.0.0.0/16": {"identity-to-vpc-1"},
        "10.100.0.0/16": {"identity-to-vpc-2"},
    }


def test_each_consumer_routes_the_owner_vpc_to_its_own_peering(network: Network) -> None:
    assert _peering_routes(network, "vpc-1") == {"172.31.0.0/16": {"identity-to-vpc-1"}}
    assert _peering_routes(network, "vpc-2") == {"172.31.0.0/16": {"identity-to-vpc-2"}}


def test_no_route_joins_the_consumer_vpcs(network: Network) -> None:
    for src, dst in (("vpc-1", "10.100.0.0/16"), ("vpc-2", "10.0.0.0/16")):
        other = ipaddress.IPv4Network(dst)
        tables = {network.subnet_rt[s] for s in network.subnets_of(src)}
        for table in tables:
            overlapping = [n for n, _ in network.routes.get(table, []) if n.overlaps(other)]
            assert not overlapping, f"{table} routes {overlapping} towards {dst}"


def test_consumers_reach_the_domain_controllers_and_not_each_other(network: Network) -> None:
    for src, peer in (("vpc-1", "vpc-2"), ("vpc-2", "vpc-1")):
        for subnet in network.subnets_of(src):
            for address in network.sample("identity-vpc"):
                trace = network.trace(subnet, address)
                assert trace.end == ("vpc", "identity-vpc"), trace.hops
                assert trace.via("pcx"), trace.hops
            for address in network.sample(peer):
                trace = network.trace(subnet, address)
                assert trace.end is None, trace.hops


@tree_group(HUB)
def test_hub_directory_consumers_reach_it_over_the_tgw_both_ways(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    planned = offline_plans[HUB]
    failed = [name for name, result in planned.results.items() if not result.ok]
    assert not failed, f"stacks that did not plan: {failed}"
    hub = Network(rendered_examples.manifest(HUB), planned.plans)
    data: dict[str, Any] = yaml.safe_load((REPO / "examples" / f"{HUB}.yaml").read_text())
    (directory,) = data["directories"]
    for consumer in directory["consumer_vpcs"]:
        for src, dst in ((consumer, directory["vpc"]), (directory["vpc"], consumer)):
            traces = [
                hub.trace(subnet, address)
                for subnet in hub.subnets_of(src)
                for address in hub.sample(dst)
            ]
            lost = [t for t in traces if t.end != ("vpc", dst) or not t.via("tgw")]
            assert not lost, f"{src} does not reach {dst} via the TGW: {lost[0].hops}"
