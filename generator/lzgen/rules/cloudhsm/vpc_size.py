"""LZ6002: the VPC of a CloudHSM cluster is between /28 and /24.

It holds one small subnet per AZ for the HSMs and nothing else; clients live in their own VPCs.
A CIDR AWS refuses for any VPC (not /16 to /28, not a network) is LZ3001's to report. Each VPC
is reported once, however many clusters it holds.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.cidr import parse_ipv4
from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.cloudhsm.placed import hsm_vpcs
from lzgen.rules.network.valid import vpc_cidr_ok

CODE = "LZ6002"
LARGEST_PREFIX = 24  # the largest HSM VPC: /24


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for p in hsm_vpcs(ctx):
        net = parse_ipv4(p.vpc.cidr)
        if net is None or not vpc_cidr_ok(p.vpc):
            continue  # LZ3001
        if net.prefixlen < LARGEST_PREFIX:
            yield ctx.doc.diagnostic(
                CODE,
                f"VPC '{p.vpc.name}' of CloudHSM cluster '{p.cluster.name}' is a "
                f"/{net.prefixlen}; an HSM VPC is /28 to /24",
                (*p.vpc_path, "cidr"),
                related=((*p.path, "vpc"),),
                hint="give it a /26 or smaller (one small subnet per AZ for the HSMs); keep "
                "the VPC small so as not to waste address space",
            )


RULE = Rule(CODE, "a CloudHSM cluster's VPC is /28 to /24", check)
