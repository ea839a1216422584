"""The benchmark's synthetic org generator emits a valid, deterministic org file in both shapes:
``basic`` (issue 2: VPCs only) and ``hub`` (issue 4: TGW attachments and tier shares)."""

from __future__ import annotations

import ipaddress
import itertools
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from lzgen.diagnostics import has_errors
from lzgen.pipeline import load_and_validate
from synth_org import synth_org


@pytest.fixture(scope="module")
def org() -> dict[str, Any]:
    data = yaml.safe_load(synth_org(5, shape="basic"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def hub() -> dict[str, Any]:
    data = yaml.safe_load(synth_org(5))
    assert isinstance(data, dict)
    return data


def test_header_matches_contract(org: dict[str, Any]) -> None:
    assert org["version"] == 1
    assert org["organization"] == {
        "name": "example-corp",
        "home_region": "us-east-1",
        "management_account_id": "111111111111",
        "access_role": "OrganizationAccountAccessRole",
        "existing": {"id": "o-exampleorg1", "root_id": "r-ex01"},
        "trusted_services": [],
        "policy_types": [],
        "state": {"backend": "s3", "bucket": "example-corp-tfstate", "region": "us-east-1"},
        "pipeline": {"trusted_principals": ["arn:aws:iam::111111111111:role/PlatformAdmin"]},
    }
    assert [ou["name"] for ou in org["organizational_units"]] == ["Infrastructure", "Workloads"]


def test_five_accounts_with_unique_ids_and_emails(org: dict[str, Any]) -> None:
    accounts = org["accounts"]
    assert len(accounts) == 5
    ids = [a["id"] for a in accounts]
    emails = [a["email"] for a in accounts]
    assert len(set(ids)) == 5
    assert len(set(emails)) == 5
    assert all(isinstance(i, str) and len(i) == 12 and i.isdigit() for i in ids)
    assert ids[0] == "300000000001"
    assert accounts[0]["name"] == "acct-0001"
    assert [a["ou"] for a in accounts[:2]] == ["Workloads/Prod", "Workloads/NonProd"]


def test_five_vpcs_with_non_overlapping_cidrs(org: dict[str, Any]) -> None:
    vpcs = org["vpcs"]
    assert len(vpcs) == 5
    assert {v["account"] for v in vpcs} == {a["name"] for a in org["accounts"]}
    base = ipaddress.IPv4Network("10.0.0.0/8")
    networks = [ipaddress.IPv4Network(v["cidr"]) for v in vpcs]
    assert all(n.prefixlen == 20 and n.subnet_of(base) for n in networks)
    for a, b in itertools.combinations(networks, 2):
        assert not a.overlaps(b), f"{a} overlaps {b}"


def test_tiers_fit_four_az_slots_in_a_slash_20(org: dict[str, Any]) -> None:
    for vpc in org["vpcs"]:
        needed = sum(4 * 2 ** (32 - tier["size"]) for tier in vpc["subnets"])
        assert needed <= 2 ** (32 - 20)
        assert [t["type"] for t in vpc["subnets"]] == ["public", "private", "isolated"]


def test_output_is_deterministic() -> None:
    assert synth_org(5) == synth_org(5)
    assert synth_org(5, seed_cidr_base="10.0.0.0/8") == synth_org(5)
    assert synth_org(5, shape="basic") == synth_org(5, shape="basic")


def test_rejects_sizes_that_do_not_fit() -> None:
    with pytest.raises(ValueError, match="between 1 and 16"):
        synth_org(17, seed_cidr_base="10.0.0.0/16", shape="basic")
    with pytest.raises(ValueError, match="between 1 and 15"):  # the hub VPC takes the last /20
        synth_org(16, seed_cidr_base="10.0.0.0/16")
    with pytest.raises(ValueError, match="between 1"):
        synth_org(0)
    with pytest.raises(ValueError, match="shape"):
        synth_org(5, shape="mesh")


def test_hub_shape_has_network_account_tgw_and_hub_vpc(hub: dict[str, Any]) -> None:
    assert hub["accounts"][0]["name"] == "network"
    assert hub["accounts"][0]["ou"] == "Infrastructure"
    assert len(hub["accounts"]) == 6
    (tgw,) = hub["transit_gateways"]
    assert tgw["name"] == "core"
    assert tgw["account"] == "network"
    assert tgw["route_tables"] == ["shared", "spokes"]
    assert tgw["share_with"] == {"ous": ["Workloads"]}
    shared = hub["vpcs"][0]
    assert shared["account"] == "network"
    assert shared["cidr"] == "10.255.240.0/20"
    assert shared["transit_gateway"]["route_table"] == "shared"


def test_hub_shape_spokes_attach_and_share_with_next_account(hub: dict[str, Any]) -> None:
    spokes = hub["vpcs"][1:]
    assert len(spokes) == 5
    for i, vpc in enumerate(spokes, start=1):
        assert vpc["region"] == "us-east-1"
        assert len(vpc["azs"]) == 3
        assert len(vpc["subnets"]) == 3
        assert vpc["transit_gateway"] == {
            "name": "core",
            "subnets": "app",
            "route_table": "spokes",
            "propagate_to": ["shared"],
        }
        app = next(t for t in vpc["subnets"] if t["name"] == "app")
        assert app["share_with"] == {"accounts": [f"acct-{i % 5 + 1:04d}"]}


@pytest.mark.parametrize("shape", ["hub", "basic"])
@pytest.mark.parametrize("accounts", [1, 5, 40])
def test_generated_org_validates_without_errors(tmp_path: Path, shape: str, accounts: int) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(synth_org(accounts, shape=shape), encoding="utf-8")
    org, diagnostics = load_and_validate(path)
    assert org is not None
    assert not has_errors(diagnostics), diagnostics
