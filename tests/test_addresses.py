"""Terraform addresses never collide: whatever names a valid org file uses, every resource,
data source and output of a stack has an address of its own.

Addresses are built from YAML names (plan/naming.py), so a tier or VPC named like one of the
words lzgen joins into addresses (``private``, ``public``, ``ingress``, ``appliance``, ``tgw``)
could collide with another resource. Hypothesis builds VPCs from exactly those words, with
ingress routing, NAT, IPv6, endpoints, a VPN gateway and a Transit Gateway attachment in any
combination; the file is either refused with an error or renders without a duplicate address.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import org
from lzgen.load import load_text
from lzgen.pipeline import check_document
from lzgen.render import render

# words lzgen itself joins into addresses, and plain ones
WORDS = ("private", "public", "isolated", "ingress", "appliance", "tgw", "default", "web", "app")
VPC_NAMES = ("v", "private", "edge", "core", "v-private")
AZS = ("a", "b", "c")
BLOCK = re.compile(r'^(resource|data) "([^"]+)" "([^"]+)"|^output "([^"]+)"', re.MULTILINE)


@st.composite
def vpcs(draw: Any, name: str, cidr: str) -> str:
    tiers = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4, unique=True))
    types = [draw(st.sampled_from(("public", "private", "isolated"))) for _ in tiers]
    azs = draw(st.lists(st.sampled_from(AZS), min_size=1, max_size=3, unique=True))
    lines = [
        f"  - name: {name}",
        "    account: network",
        "    region: us-east-1",
        f"    cidr: {cidr}",
        f"    azs: [{', '.join(sorted(azs))}]",
        f"    nat_gateways: {draw(st.sampled_from(('none', 'single', 'per_az')))}",
        f"    ipv6: {str(draw(st.booleans())).lower()}",
        "    subnets:",
        *(
            f"      - {{ name: {t}, type: {k}, size: 24 }}"
            for t, k in zip(tiers, types, strict=True)
        ),
    ]
    if draw(st.booleans()):
        lines.append("    endpoints: { gateway: [s3], interface: [ssm] }")
    if len(tiers) > 1 and draw(st.booleans()):
        appliance, *others = draw(st.permutations(tiers))
        protected = others[: draw(st.integers(1, len(others)))]
        lines.append(
            f"    ingress_routing: {{ appliance_tier: {appliance}, "
            f"protected_tiers: [{', '.join(protected)}] }}"
        )
    if draw(st.booleans()):
        lines += [
            "    vpn_gateway:",
            "      asn: 64620",
            "      vpn_connections:",
            "        - name: tgw",
            "          customer_gateway: { ip: 198.51.100.7, asn: 65020 }",
            "          routing: static",
            "          on_premises_cidrs: [192.168.0.0/16]",
        ]
    elif draw(st.booleans()):
        lines.append(
            f"    transit_gateway: {{ name: core, subnets: {tiers[0]}, route_table: default }}"
        )
    return "\n".join(lines) + "\n"


@st.composite
def org_files(draw: Any) -> str:
    names = draw(st.lists(st.sampled_from(VPC_NAMES), min_size=1, max_size=2, unique=True))
    body = "".join(draw(vpcs(n, f"10.{k}.0.0/16")) for k, n in enumerate(names))
    hub = (
        "transit_gateways:\n"
        "  - { name: core, account: network, region: us-east-1, asn: 64512,\n"
        "      route_tables: [default], share_with: {} }\n"
    )
    return org(f"vpcs:\n{body}{hub}")


def duplicate_addresses(files: dict[str, str]) -> dict[str, list[str]]:
    """Stack path -> addresses that appear more than once in it."""
    by_stack: dict[str, Counter[str]] = {}
    for path, text in files.items():
        stack = path.rsplit("/", 1)[0] if "/" in path else ""
        counts = by_stack.setdefault(stack, Counter())
        for kind, rtype, rname, output in BLOCK.findall(text):
            counts[f"output.{output}" if output else f"{kind}.{rtype}.{rname}"] += 1
    found = {s: sorted(a for a, n in c.items() if n > 1) for s, c in by_stack.items()}
    return {s: addresses for s, addresses in found.items() if addresses}


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(text=org_files())
def test_a_valid_file_never_renders_a_duplicate_address(text: str) -> None:
    checked = check_document(load_text(text, "org.yaml"))
    if checked.plan is None:
        assert any(d.is_error for d in checked.diagnostics)
        return
    files = render(checked.plan)
    assert duplicate_addresses(files) == {}, text


def test_the_duplicate_finder_finds_duplicates() -> None:
    twice = 'resource "aws_route" "x" {\n}\n'
    files = {"s/a.tf": twice, "s/b.tf": twice + 'output "o" {\n}\noutput "o" {\n}\n'}
    assert duplicate_addresses(files) == {"s": ["output.o", "resource.aws_route.x"]}
