"""Subnet carving: exact CIDRs for the example, and stability when tiers or AZs are appended."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import diagnostics, org
from lzgen.cidr import CarveFailure, carve, slots_for
from lzgen.load import load_text
from lzgen.model import OrgFile
from lzgen.model.vpc import Vpc
from lzgen.pipeline import validate_document
from lzgen.plan.vpc_context import vpc_context

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "org.yaml"
DATA_TIER = "      - { name: data,   type: isolated, size: 22 }\n"


def valid_org(text: str) -> OrgFile:
    found, diags = validate_document(load_text(text, "org.yaml"))
    errors = [(d.code, d.line, d.column, d.message) for d in diags if d.is_error]
    assert found is not None, errors
    return found


def vpc_named(found: OrgFile, name: str) -> Vpc:
    return next(v for v in found.vpcs if v.name == name)


def layout(vpc: Vpc) -> dict[str, list[str]]:
    carved = carve(vpc)
    assert not isinstance(carved, CarveFailure), carved
    return {c.tier.name: [str(n) for n in c.cidrs] for c in carved}


def example_text() -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert text.count(DATA_TIER) == 1, "examples/org.yaml changed; update DATA_TIER"
    return text


def test_shared_prod_carving_is_exact() -> None:
    vpc = vpc_named(valid_org(example_text()), "shared-prod")
    assert vpc.cidr == "10.10.0.0/16"
    assert slots_for(vpc) == 4
    assert layout(vpc) == {
        # each tier reserves 4 AZ slots; a later tier takes the first aligned free block
        "public": ["10.10.0.0/24", "10.10.1.0/24", "10.10.2.0/24"],  # block 10.10.0.0/22
        "app": ["10.10.64.0/20", "10.10.80.0/20", "10.10.96.0/20"],  # block 10.10.64.0/18
        "data": ["10.10.16.0/22", "10.10.20.0/22", "10.10.24.0/22"],  # block 10.10.16.0/20
    }


def test_app_a_vpc_carving_is_exact() -> None:
    vpc = vpc_named(valid_org(example_text()), "app-a-vpc")
    assert layout(vpc) == {
        "public": ["10.20.0.0/26", "10.20.0.64/26"],
        "app": ["10.20.4.0/24", "10.20.5.0/24"],
    }


def test_appending_a_tier_moves_nothing() -> None:
    before = layout(vpc_named(valid_org(example_text()), "shared-prod"))
    text = example_text().replace(
        DATA_TIER, DATA_TIER + "      - { name: extra,  type: private,  size: 24 }\n"
    )
    after = layout(vpc_named(valid_org(text), "shared-prod"))
    assert {k: v for k, v in after.items() if k != "extra"} == before
    assert after["extra"] == ["10.10.4.0/24", "10.10.5.0/24", "10.10.6.0/24"]


def test_appending_an_az_moves_nothing() -> None:
    text = example_text()
    before = layout(vpc_named(valid_org(text), "shared-prod"))
    wider = text.replace("    azs: [a, b, c]\n", "    azs: [a, b, c, d]\n    reserve_azs: 4\n", 1)
    assert wider != text
    after = layout(vpc_named(valid_org(wider), "shared-prod"))
    for tier, cidrs in before.items():
        assert after[tier][:3] == cidrs
    assert after == {
        "public": [*before["public"], "10.10.3.0/24"],
        "app": [*before["app"], "10.10.112.0/20"],
        "data": [*before["data"], "10.10.28.0/22"],
    }


def test_appending_a_tier_and_an_az_together_moves_nothing() -> None:
    text = example_text()
    before = layout(vpc_named(valid_org(text), "shared-prod"))
    text = text.replace("    azs: [a, b, c]\n", "    azs: [a, b, c, d]\n", 1)
    text = text.replace(DATA_TIER, DATA_TIER + "      - { name: mgmt, type: private, size: 26 }\n")
    after = layout(vpc_named(valid_org(text), "shared-prod"))
    for tier, cidrs in before.items():
        assert after[tier][:3] == cidrs


def test_appending_a_pinned_tier_never_moves_existing_subnets() -> None:
    """A new tier pinned onto addresses that carved subnets already use must either be
    reported, or leave the existing subnets where they are: silently moving `public` from
    10.10.0.0/24 to another block would replace live subnets at the next apply."""
    text = example_text()
    before = layout(vpc_named(valid_org(text), "shared-prod"))
    pinned = (
        "      - { name: extra, type: isolated, size: 24, "
        "cidrs: [10.10.3.0/24, 10.10.200.0/24, 10.10.201.0/24] }\n"
    )
    changed = text.replace(DATA_TIER, DATA_TIER + pinned)
    found, diags = validate_document(load_text(changed, "org.yaml"))
    if found is None:
        assert any(d.is_error for d in diags)
        return
    after = layout(vpc_named(found, "shared-prod"))
    assert {k: v for k, v in after.items() if k != "extra"} == before


def test_pinned_cidrs_are_honoured_and_later_carving_avoids_them() -> None:
    text = org("""
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - name: app
                type: private
                size: 20
                cidrs: [10.0.0.0/20, 10.0.32.0/20]
              - { name: public, type: public, size: 24 }
        """)
    assert diagnostics(text) == []
    vpc = valid_org(text).vpcs[0]
    assert layout(vpc) == {
        "public": ["10.0.16.0/24", "10.0.17.0/24"],  # first aligned /22 past 10.0.0.0/20
        "app": ["10.0.0.0/20", "10.0.32.0/20"],
    }


def test_a_pinned_tier_listed_later_never_moves_a_carved_tier() -> None:
    """A carved tier keeps its block; a pinned tier listed after it that lands on the block is
    an error (LZ3003) at the pinned CIDR, not a silent move."""
    text = org("""
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
              - name: app
                type: private
                size: 20
                cidrs: [10.0.0.0/20, 10.0.32.0/20]
        """)
    assert [(d.code, d.line, d.column) for d in diagnostics(text)] == [("LZ3003", 12, 17)]


def test_subnets_stay_in_the_order_of_azs() -> None:
    text = org("""
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [c, a]
            subnets:
              - { name: public, type: public, size: 24 }
        """)
    ctx = vpc_context(valid_org(text).vpcs[0])
    assert [(s["az"], s["cidr"]) for s in ctx["subnets"]] == [
        ("us-east-1c", "10.0.0.0/24"),
        ("us-east-1a", "10.0.1.0/24"),
    ]


def test_ipv6_netnums_are_unique_and_stable() -> None:
    vpc = vpc_named(valid_org(example_text()), "shared-prod")
    subnets = vpc_context(vpc)["subnets"]
    netnums = {s["name"]: s["ipv6_netnum"] for s in subnets}
    assert netnums == {
        "shared-prod-public-a": 0,
        "shared-prod-public-b": 1,
        "shared-prod-public-c": 2,
        "shared-prod-app-a": 4,
        "shared-prod-app-b": 5,
        "shared-prod-app-c": 6,
        "shared-prod-data-a": 8,
        "shared-prod-data-b": 9,
        "shared-prod-data-c": 10,
    }
    assert len(set(netnums.values())) == len(netnums)


def test_ipv6_netnums_unique_with_many_tiers_and_eight_slots() -> None:
    tiers = "".join(f"      - {{ name: t{n}, type: isolated, size: 26 }}\n" for n in range(32))
    text = org(
        "vpcs:\n  - name: v\n    account: network\n    region: us-east-1\n"
        "    cidr: 10.0.0.0/16\n    azs: [a, b, c, d, e, f]\n    nat_gateways: none\n"
        "    ipv6: true\n    reserve_azs: 8\n    subnets:\n" + tiers
    )
    vpc = valid_org(text).vpcs[0]
    netnums = [s["ipv6_netnum"] for s in vpc_context(vpc)["subnets"]]
    assert len(netnums) == 32 * 6
    assert len(set(netnums)) == len(netnums)
    assert all(0 <= n < 256 for n in netnums)


# --- properties ---------------------------------------------------------------------------

TIER_SIZES = st.lists(st.integers(min_value=20, max_value=28), min_size=1, max_size=8)


def _vpc(sizes: list[int], azs: list[str]) -> Vpc:
    return Vpc.model_validate(
        {
            "name": "v",
            "account": "network",
            "region": "us-east-1",
            "cidr": "10.0.0.0/16",
            "azs": azs,
            "nat_gateways": "none",
            "subnets": [
                {"name": f"t{i}", "type": "isolated", "size": s} for i, s in enumerate(sizes)
            ],
        }
    )


@settings(max_examples=200, deadline=None)
@given(
    sizes=TIER_SIZES,
    extra=st.integers(min_value=20, max_value=28),
    azs=st.integers(min_value=1, max_value=3),
)
def test_property_carving_is_disjoint_inside_and_stable(
    sizes: list[int], extra: int, azs: int
) -> None:
    letters = list("abcd")[:azs]
    result = carve(_vpc(sizes, letters))
    if isinstance(result, CarveFailure):
        return
    vpc_net = ipaddress.IPv4Network("10.0.0.0/16")
    nets = [n for tier in result for n in tier.cidrs]
    assert all(n.subnet_of(vpc_net) for n in nets)
    for i, a in enumerate(nets):
        for b in nets[:i]:
            assert not a.overlaps(b)
    for tier, size in zip(result, sizes, strict=True):
        assert all(n.prefixlen == size for n in tier.cidrs)
    # appending a tier, then an AZ, leaves every existing subnet where it was
    bigger = carve(_vpc([*sizes, extra], letters))
    if not isinstance(bigger, CarveFailure):
        assert [t.cidrs for t in bigger[:-1]] == [t.cidrs for t in result]
    wider = carve(_vpc(sizes, [*letters, "e"]))
    if not isinstance(wider, CarveFailure):
        assert [t.cidrs[:azs] for t in wider] == [t.cidrs for t in result]


@pytest.mark.parametrize("reserve", [1, 2, 4, 8])
def test_slots_follow_reserve_azs(reserve: int) -> None:
    vpc = Vpc.model_validate(
        {
            "name": "v",
            "account": "network",
            "region": "us-east-1",
            "cidr": "10.0.0.0/16",
            "azs": ["a"],
            "reserve_azs": reserve,
            "subnets": [{"name": "public", "type": "public", "size": 24}],
        }
    )
    assert slots_for(vpc) == reserve
