"""IPv4 helpers and stable subnet carving.

Carving is deterministic and stable: tiers are placed in the order they are listed, each tier
reserves an aligned block for ``reserve_azs`` subnets (AZ slots), and a subnet's slot is the
position of its AZ in ``azs``. So appending a tier, or appending an AZ within the reserved
slots, never moves an existing subnet. Tiers with explicit ``cidrs`` (pinned) keep them.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from lzgen.model.vpc import SubnetTier, Vpc

IPV6_SUBNETS_PER_VPC = 256  # an Amazon-provided /56 holds 256 /64 subnets


def parse_ipv4(text: str) -> ipaddress.IPv4Network | None:
    """The network for a strict IPv4 CIDR string, or None if it is not one."""
    try:
        net = ipaddress.ip_network(text, strict=True)
    except ValueError:
        return None
    return net if isinstance(net, ipaddress.IPv4Network) else None


def is_ipv6_text(text: str) -> bool:
    try:
        return isinstance(ipaddress.ip_network(text, strict=False), ipaddress.IPv6Network)
    except ValueError:
        return False


def slots_for(vpc: Vpc) -> int:
    """AZ slots reserved per tier: ``reserve_azs`` or more if more AZs are listed."""
    slots = 1
    while slots < max(vpc.reserve_azs, len(vpc.azs)):
        slots *= 2
    return slots


@dataclass(frozen=True)
class CarvedTier:
    tier: SubnetTier
    index: int
    cidrs: tuple[ipaddress.IPv4Network, ...]  # one per AZ, in ``azs`` order
    block: ipaddress.IPv4Network | None  # the block reserved for all AZ slots; None if pinned

    def ranges(self) -> tuple[ipaddress.IPv4Network, ...]:
        """What this tier occupies: its reserved block, or its pinned subnets."""
        return (self.block,) if self.block is not None else self.cidrs


@dataclass(frozen=True)
class CarveFailure:
    tier_index: int
    needed: int  # addresses all tiers need together
    available: int  # addresses in the VPC
    block: int  # addresses this tier's block needs


def carve(vpc: Vpc) -> list[CarvedTier] | CarveFailure:
    """Subnet CIDRs for every tier, placed in list order. A carved tier takes the lowest free
    aligned block after the tiers listed before it, so nothing listed later can move it; a
    pinned tier that lands on an earlier tier's block is reported by rule LZ3003.
    Assumes the CIDR and size rules passed."""
    net = parse_ipv4(vpc.cidr)
    assert net is not None
    slots = slots_for(vpc)
    slot_bits = slots.bit_length() - 1
    base = int(net.network_address)
    used: list[tuple[int, int]] = []  # [start, end) address ranges taken
    needed = sum(
        2 ** (32 - t.size) * (len(vpc.azs) if t.cidrs is not None else slots) for t in vpc.subnets
    )
    carved: list[CarvedTier] = []
    for index, tier in enumerate(vpc.subnets):
        if tier.cidrs is not None:
            nets = tuple(ipaddress.IPv4Network(c) for c in tier.cidrs)
            used.extend((int(n.network_address), int(n.broadcast_address) + 1) for n in nets)
            carved.append(CarvedTier(tier, index, nets, None))
            continue
        block = int(2 ** (32 - tier.size)) * slots
        start = _first_fit(base, net.num_addresses, block, used)
        if start is None:
            return CarveFailure(index, needed, net.num_addresses, block)
        used.append((start, start + block))
        block_net = ipaddress.IPv4Network((start, tier.size - slot_bits))
        # the block's first len(azs) subnets of the tier's size, as block_net.subnets() lists
        # them (without making every slot's network first)
        size = 2 ** (32 - tier.size)
        subnets = tuple(
            ipaddress.IPv4Network((start + k * size, tier.size)) for k in range(len(vpc.azs))
        )
        carved.append(CarvedTier(tier, index, subnets, block_net))
    return carved


def _first_fit(base: int, total: int, block: int, used: list[tuple[int, int]]) -> int | None:
    """Lowest aligned start in [base, base+total) whose block is free."""
    if block > total:
        return None
    start = base
    end = base + total
    while start + block <= end:
        clash = next((u for u in used if u[0] < start + block and start < u[1]), None)
        if clash is None:
            return start
        # jump past the clash, to the next aligned boundary
        start = ((clash[1] - base + block - 1) // block) * block + base
    return None
