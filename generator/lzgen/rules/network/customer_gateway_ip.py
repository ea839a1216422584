"""LZ3023: a customer gateway's ``ip`` is a public IPv4 address.

Rejected: malformed addresses, IPv6, and the ranges that are never reachable on the internet
(RFC 1918 private, shared 100.64/10, loopback, link-local, "this network", IETF protocol
assignments, benchmarking, multicast, reserved and broadcast). The documentation ranges
(192.0.2/24, 198.51.100/24, 203.0.113/24) are accepted: examples use them as placeholders.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ3023"
NOT_PUBLIC = tuple(
    ipaddress.IPv4Network(n)
    for n in (
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",
        "224.0.0.0/4",
        "240.0.0.0/4",
    )
)


def _problem(text: str) -> str | None:
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return f"'{text}' is not an IPv4 address"
    if not isinstance(address, ipaddress.IPv4Address):
        return f"'{text}' is an IPv6 address; customer gateways take a public IPv4 address"
    block = next((n for n in NOT_PUBLIC if address in n), None)
    if block is not None:
        return f"{text} is not a public address (it is in {block})"
    return None


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for vpn, path in ctx.all_vpns():
        problem = _problem(vpn.customer_gateway.ip)
        if problem:
            yield ctx.doc.diagnostic(
                CODE,
                f"customer gateway of VPN '{vpn.name}': {problem}",
                (*path, "customer_gateway", "ip"),
                hint="give the public IPv4 address of the on-premises VPN device "
                "(behind NAT: the NAT device's public address)",
            )


RULE = Rule(CODE, "customer gateway IPs are public IPv4 addresses", check)
