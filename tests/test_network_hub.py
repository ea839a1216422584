"""examples/hub-and-spoke.yaml: the Transit Gateway and RAM wiring, read from the plan JSON.

Expected values come from the YAML, not from the rendered code: every attachment is associated
with exactly its ``route_table`` and propagated into exactly its ``propagate_to``; RAM principals
are exactly the configured account ids and OU ARNs. Values that only exist after an upstream
apply (ids of created accounts, OU ARNs, attachment ids) are the offline planner's placeholders,
which are derived from the upstream output's name, so they prove which output was read.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from conftest import REPO, OfflinePlans, Plan, RenderedExamples, tree_group
from lzgen.offline import placeholder

EXAMPLE = "hub-and-spoke"
pytestmark = [pytest.mark.terraform, tree_group(EXAMPLE)]
HUB = "network/us-east-1"  # the owner account's VPCs and subnet shares
TGW = "transit-gateways/core"  # the Transit Gateway, its VPN and the owner's attachments
HUB_PROVIDER = "aws.network_us-east-1"  # a spoke stack's alias into the owner account
_ATTACHMENT_KINDS = (
    "aws_ec2_transit_gateway_vpc_attachment.",
    "aws_ec2_transit_gateway_vpc_attachment_accepter.",
)
_RT_OUTPUT = re.compile(r'outputs\.core_route_table_ids\["([^"]+)"\]$')


def _org() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((REPO / "examples" / f"{EXAMPLE}.yaml").read_text())
    return data


def _stack(rendered: RenderedExamples, name: str) -> dict[str, Any]:
    stacks = {s["name"]: s for s in rendered.manifest(EXAMPLE)["stacks"]}
    assert name in stacks, f"{EXAMPLE} renders no stack {name!r}: {sorted(stacks)}"
    return stacks[name]


def _plan(plans: OfflinePlans, rendered: RenderedExamples, name: str) -> Plan:
    return plans.plan(EXAMPLE, _stack(rendered, name))


def _route_table(plan: Plan, address: str) -> str:
    """The TGW route table name an association or propagation points at."""
    for ref in plan.references(address, "transit_gateway_route_table_id"):
        if ref.startswith("aws_ec2_transit_gateway_route_table.core_") and ref.count(".") == 1:
            return ref.split(".", 1)[1].removeprefix("core_")
        match = _RT_OUTPUT.search(ref)
        if match:
            return match.group(1)
    raise AssertionError(f"{address} names no route table of core")


def _attachment_vpc(plan: Plan, address: str) -> str:
    """The VPC whose attachment an association or propagation uses."""
    for ref in plan.references(address, "transit_gateway_attachment_id"):
        for kind in _ATTACHMENT_KINDS:
            if ref.startswith(kind) and ref.count(".") == 1:
                return ref.split(".", 1)[1].removeprefix("core_")
        if ref.startswith("aws_vpn_connection.") and ref.count(".") == 1:
            return "vpn:" + ref.split(".", 1)[1].removeprefix("core_vpn_")
    raise AssertionError(f"{address} names no attachment")


def _spokes(org: dict[str, Any]) -> list[dict[str, Any]]:
    """VPCs attached to ``core`` from accounts other than its owner."""
    return [v for v in org["vpcs"] if "transit_gateway" in v and v["account"] != "network"]


def _spoke_stacks(org: dict[str, Any]) -> list[str]:
    return sorted({f"{v['account']}/{v['region']}" for v in _spokes(org)})


def _wiring(
    plans: OfflinePlans, rendered: RenderedExamples
) -> tuple[dict[str, str], dict[str, set[str]]]:
    associations: dict[str, str] = {}
    propagations: dict[str, set[str]] = {}
    for name in (TGW, *_spoke_stacks(_org())):
        plan = _plan(plans, rendered, name)
        for address in plan.of_type("aws_ec2_transit_gateway_route_table_association"):
            owner = _attachment_vpc(plan, address)
            assert owner not in associations, f"{owner} is associated twice"
            associations[owner] = _route_table(plan, address)
        for address in plan.of_type("aws_ec2_transit_gateway_route_table_propagation"):
            propagations.setdefault(_attachment_vpc(plan, address), set()).add(
                _route_table(plan, address)
            )
    return associations, propagations


def test_every_attachment_is_associated_and_propagated_exactly_as_configured(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    org = _org()
    expected_assoc = {
        v["name"]: v["transit_gateway"]["route_table"]
        for v in org["vpcs"]
        if "transit_gateway" in v
    }
    expected_prop = {
        v["name"]: set(v["transit_gateway"].get("propagate_to", []))
        for v in org["vpcs"]
        if "transit_gateway" in v
    }
    for vpn in org["transit_gateways"][0]["vpn_connections"]:
        expected_assoc[f"vpn:{vpn['name']}"] = vpn["route_table"]
        expected_prop[f"vpn:{vpn['name']}"] = set(vpn["propagate_to"])
    associations, propagations = _wiring(offline_plans, rendered_examples)
    assert associations == expected_assoc
    assert propagations == {k: v for k, v in expected_prop.items() if v}


def test_spoke_attachments_read_their_hub_and_are_accepted_in_the_owner_account(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    org = _org()
    spokes = _spokes(org)
    assert len({v["account"] for v in spokes}) >= 3
    for vpc in spokes:
        plan = _plan(offline_plans, rendered_examples, f"{vpc['account']}/{vpc['region']}")
        (attachment,) = plan.of_type("aws_ec2_transit_gateway_vpc_attachment")
        assert attachment == f"aws_ec2_transit_gateway_vpc_attachment.core_{vpc['name']}"
        values = plan.planned[attachment]
        assert values["transit_gateway_id"] == placeholder("core_transit_gateway_id")
        subnets = plan.resources(attachment, "subnet_ids")
        tier = vpc["transit_gateway"]["subnets"]
        assert subnets == [f"aws_subnet.{vpc['name']}_{tier}_{az}" for az in vpc["azs"]]
        (accepter,) = plan.of_type("aws_ec2_transit_gateway_vpc_attachment_accepter")
        assert plan.one(accepter, "transit_gateway_attachment_id") == attachment
        # everything done to the hub's route tables acts in the owner account
        for kind in (
            "aws_ec2_transit_gateway_vpc_attachment_accepter",
            "aws_ec2_transit_gateway_route_table_association",
            "aws_ec2_transit_gateway_route_table_propagation",
        ):
            for address in plan.of_type(kind):
                assert plan.config[address]["provider_config_key"] == HUB_PROVIDER, address
        assert plan.config[attachment]["provider_config_key"] == "aws"


def _principals(plan: Plan, share: str) -> set[str]:
    return {
        plan.planned[a]["principal"]
        for a in plan.of_type("aws_ram_principal_association")
        if plan.one(a, "resource_share_arn") == f"aws_ram_resource_share.{share}"
    }


def _expected_principals(org: dict[str, Any], share_with: dict[str, list[str]]) -> set[str]:
    ids = {a["name"]: a.get("id") for a in org["accounts"]}
    found = {ids[n] or placeholder(f"account_ids.{n}") for n in share_with.get("accounts", [])}
    found |= {placeholder(f"ou_arns.{ou}") for ou in share_with.get("ous", [])}
    return found


def test_ram_principals_are_exactly_the_configured_accounts_and_ous(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    org = _org()
    hub = _plan(offline_plans, rendered_examples, HUB)
    tgw = org["transit_gateways"][0]
    assert _principals(_plan(offline_plans, rendered_examples, TGW), "core") == (
        _expected_principals(org, tgw["share_with"])
    )
    shared_prod = next(v for v in org["vpcs"] if v["name"] == "shared-prod")
    app = next(t for t in shared_prod["subnets"] if t["name"] == "app")
    assert _principals(hub, "shared-prod_app") == _expected_principals(org, app["share_with"])
    associated = [
        hub.one(a, "resource_arn")
        for a in hub.of_type("aws_ram_resource_association")
        if hub.one(a, "resource_share_arn") == "aws_ram_resource_share.shared-prod_app"
    ]
    assert associated == [f"aws_subnet.shared-prod_app_{az}" for az in shared_prod["azs"]]
    assert all(
        hub.planned[s]["allow_external_principals"] is False
        for s in hub.of_type("aws_ram_resource_share")
    )


def test_transit_gateway_accepts_nothing_automatically(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    hub = _plan(offline_plans, rendered_examples, TGW)
    (tgw,) = hub.of_type("aws_ec2_transit_gateway")
    values = hub.planned[tgw]
    assert values["auto_accept_shared_attachments"] == "disable"
    assert values["default_route_table_association"] == "disable"
    assert values["default_route_table_propagation"] == "disable"
    (vpn,) = hub.of_type("aws_vpn_connection")
    assert hub.planned[vpn]["enable_acceleration"] is True
    assert hub.planned[vpn]["static_routes_only"] is False
    tree = rendered_examples[EXAMPLE]
    written = "".join(f.read_text() for f in sorted(tree.rglob("*.tf")))
    assert "preshared_key" not in written, "VPN pre-shared keys must never be written to files"


def test_spoke_routes_reach_the_hub_the_vpn_and_the_default_route_via_the_tgw(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    expected = {"0.0.0.0/0", "10.10.0.0/16", "172.16.0.0/12"}  # spokes table: hub VPC, VPN, egress
    expected.add("10.45.0.0/24")  # and identity-vpc, the directory's, which propagates into it
    org = _org()
    # the VPCs associated with the spokes table (identity-vpc, attached from its own account
    # too, is associated with the shared table, like the hub VPC)
    for vpc in (v for v in _spokes(org) if v["transit_gateway"]["route_table"] == "spokes"):
        plan = _plan(offline_plans, rendered_examples, f"{vpc['account']}/{vpc['region']}")
        accepter = f"aws_ec2_transit_gateway_vpc_attachment_accepter.core_{vpc['name']}"
        routes = plan.of_type("aws_route")
        via_tgw = [a for a in routes if plan.planned[a].get("transit_gateway_id")]
        assert {plan.planned[a]["destination_cidr_block"] for a in via_tgw} == expected, vpc
        for address in via_tgw:
            assert plan.planned[address]["transit_gateway_id"] == placeholder(
                "core_transit_gateway_id"
            )
            assert plan.config[address]["provider_config_key"] == "aws"
            assert accepter in plan.config[address].get("depends_on", []), address


def test_static_routes_to_a_spoke_are_made_with_its_acceptance_in_the_owner_account(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    org = _org()
    spoke_vpcs = {v["name"]: v for v in _spokes(org)}
    routes = [r for r in org["transit_gateways"][0]["routes"] if r.get("vpc") in spoke_vpcs]
    assert routes, "the example routes a range to a spoke's attachment"
    for route in routes:
        vpc = spoke_vpcs[route["vpc"]]
        plan = _plan(offline_plans, rendered_examples, f"{vpc['account']}/{vpc['region']}")
        found = [
            a
            for a in plan.of_type("aws_ec2_transit_gateway_route")
            if plan.planned[a]["destination_cidr_block"] == route["cidr"]
        ]
        assert len(found) == 1, found
        (address,) = found
        assert plan.config[address]["provider_config_key"] == HUB_PROVIDER
        assert plan.one(address, "transit_gateway_attachment_id") == (
            f"aws_ec2_transit_gateway_vpc_attachment_accepter.core_{vpc['name']}"
        )
        assert _route_table(plan, address) == route["route_table"]


def test_owner_attachments_read_their_vpc_from_the_owner_stack(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    org = _org()
    owned = [v for v in org["vpcs"] if "transit_gateway" in v and v["account"] == "network"]
    assert owned
    plan = _plan(offline_plans, rendered_examples, TGW)
    for vpc in owned:
        name, tier = vpc["name"], vpc["transit_gateway"]["subnets"]
        values = plan.planned[f"aws_ec2_transit_gateway_vpc_attachment.core_{name}"]
        assert values["vpc_id"] == placeholder(f"{name}_vpc_id")
        assert values["subnet_ids"] == sorted(
            placeholder(f"{name}_subnet_ids.{tier}[{i}]") for i in range(len(vpc["azs"]))
        )
    routes = plan.of_type("aws_route")
    assert routes, "the owner's VPCs route via the TGW from the TGW stack"
    for route in routes:
        assert plan.resources(route, "transit_gateway_id") == ["aws_ec2_transit_gateway.core"]
        assert "data.terraform_remote_state.network_us-east-1" in plan.references(
            route, "route_table_id"
        ), route
        assert plan.config[route]["provider_config_key"] == "aws"
