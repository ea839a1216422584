"""LZ6003 (warning): the VPC of a CloudHSM cluster is a /26 or smaller.

A /25 or /24 is allowed (LZ6002) but wastes address space: the VPC holds one subnet per AZ for
at most a few HSMs each. Each VPC is reported once, however many clusters it holds.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.cidr import parse_ipv4
from lzgen.diagnostics import Diagnostic, Severity
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.cloudhsm.placed import hsm_vpcs
from lzgen.rules.cloudhsm.vpc_size import LARGEST_PREFIX
from lzgen.rules.network.valid import vpc_cidr_ok

CODE = "LZ6003"
ADVISED_PREFIX = 26


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for p in hsm_vpcs(ctx):
        net = parse_ipv4(p.vpc.cidr)
        if net is None or not vpc_cidr_ok(p.vpc):
            continue  # LZ3001
        if LARGEST_PREFIX <= net.prefixlen < ADVISED_PREFIX:
            yield ctx.doc.diagnostic(
                CODE,
                f"VPC '{p.vpc.name}' of CloudHSM cluster '{p.cluster.name}' is a "
                f"/{net.prefixlen}, larger than a /{ADVISED_PREFIX}",
                (*p.vpc_path, "cidr"),
                severity=Severity.WARNING,
                related=((*p.path, "vpc"),),
                hint="keep the VPC small so as not to waste address space: a /26 to /28 holds "
                "a subnet per AZ for the HSMs",
            )


RULE = Rule(CODE, "a CloudHSM cluster's VPC is a /26 or smaller (warning)", check)
