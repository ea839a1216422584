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

from conftest import REPO, OfflinePlans, Plan, RenderedExamples
from lzgen.offline import placeholder

pytestmark = pytest.mark.terraform

EXAMPLE = "hub-and-spoke"
HUB = "network/us-east-1"
WIRING = "transit-gateways/core"
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


def _wiring(
    plans: OfflinePlans, rendered: RenderedExamples
) -> tuple[dict[str, str], dict[str, set[str]]]:
    associations: dict[str, str] = {}
    propagations: dict[str, set[str]] = {}
    for name in (HUB, WIRING):
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


def test_spoke_attachments_read_their_hub_and_are_accepted_by_the_hub(
    rendered_examples: RenderedExamples, offline_plans: OfflinePlans
) -> None:
    org = _org()
    spokes = [v for v in org["vpcs"] if "transit_gateway" in v and v["account"] != "network"]
    assert len({v["account"] for v in spokes}) >= 3
    wiring = _plan(offline_plans, rendered_examples, WIRING)
    accepted = {}
    for address in wiring.of_type("aws_ec2_transit_gateway_vpc_attachment_accepter"):
        accepted[address.split(".", 1)[1]] = wiring.planned[address][
            "transit_gateway_attachment_id"
        ]
    assert accepted == {
        f"core_{v['name']}": placeholder(f"core_{v['name']}_attachment_id") for v in spokes
    }
    for vpc in spokes:
        plan = _plan(offline_plans, rendered_examples, f"{vpc['account']}/{vpc['region']}")
        (attachment,) = plan.of_type("aws_ec2_transit_gateway_vpc_attachment")
        values = plan.planned[attachment]
        assert values["transit_gateway_id"] == placeholder("core_transit_gateway_id")
        subnets = plan.resources(attachment, "subnet_ids")
        tier = vpc["transit_gateway"]["subnets"]
        assert subnets == [f"aws_subnet.{vpc['name']}_{tier}_{az}" for az in vpc["azs"]]


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
    assert _principals(hub, "core") == _expected_principals(org, tgw["share_with"])
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
    hub = _plan(offline_plans, rendered_examples, HUB)
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
    wiring = _plan(offline_plans, rendered_examples, WIRING)
    routes = {
        (wiring.config[a]["provider_config_key"], wiring.planned[a]["destination_cidr_block"])
        for a in wiring.of_type("aws_route")
    }
    expected = {"0.0.0.0/0", "10.10.0.0/16", "172.16.0.0/12"}  # spokes table: hub VPC, VPN, egress
    for account in ("app-a", "app-b", "dev", "tools"):
        assert {c for p, c in routes if p == f"aws.{account}_us-east-1"} == expected, account
    for address in wiring.of_type("aws_route"):
        assert wiring.planned[address]["transit_gateway_id"] == placeholder(
            "core_transit_gateway_id"
        )
