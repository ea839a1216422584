"""Shared predicates: which VPCs are sound enough for the rules that compare CIDRs."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

from lzgen.cidr import parse_ipv4
from lzgen.model.document import OrgFile
from lzgen.model.vpc import SubnetTier, Vpc

MIN_VPC_PREFIX = 16
MAX_PREFIX = 28


def vpc_cidr_ok(vpc: Vpc) -> bool:
    net = parse_ipv4(vpc.cidr)
    return net is not None and MIN_VPC_PREFIX <= net.prefixlen <= MAX_PREFIX


def tier_ok(vpc: Vpc, tier: SubnetTier) -> bool:
    """Size in range, and explicit cidrs (if any) well-formed, one per AZ, of that size."""
    net = parse_ipv4(vpc.cidr)
    if net is None or not net.prefixlen <= tier.size <= MAX_PREFIX:
        return False
    if tier.cidrs is None:
        return True
    if len(tier.cidrs) != len(vpc.azs):
        return False
    nets = [parse_ipv4(c) for c in tier.cidrs]
    return all(n is not None and n.prefixlen == tier.size for n in nets)


def carvable(vpc: Vpc) -> bool:
    """The VPC's own checks pass, so carving it is meaningful."""
    return (
        vpc_cidr_ok(vpc)
        and len(set(vpc.azs)) == len(vpc.azs)
        and len(vpc.azs) <= vpc.reserve_azs
        and all(tier_ok(vpc, t) for t in vpc.subnets)
    )


def sound_vpcs(org: OrgFile) -> Iterator[tuple[int, Vpc, ipaddress.IPv4Network]]:
    """(index, VPC, network) of every VPC whose own CIDR passed LZ3001."""
    for i, vpc in enumerate(org.vpcs):
        net = parse_ipv4(vpc.cidr)
        if net is not None and vpc_cidr_ok(vpc):
            yield i, vpc, net
