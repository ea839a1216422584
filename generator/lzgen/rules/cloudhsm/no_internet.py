"""LZ6001: the VPC of a CloudHSM cluster has no internet path: no public tier, ``nat_gateways:
none`` and no ``ingress_routing``.

HSMs never need the internet, and NAT, load balancers and PrivateLink endpoint services between
the client and the HSMs do not work: they mask the real IPs of the HSM cluster nodes. Clients
reach the HSMs' own addresses over a peering or a Transit Gateway. Each offending node is
reported once per VPC, however many clusters it holds.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.cloudhsm.placed import NO_TRANSLATION, hsm_vpcs

CODE = "LZ6001"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for p in hsm_vpcs(ctx):
        vpc, at = p.vpc, p.vpc_path
        owner = f"VPC '{vpc.name}' of CloudHSM cluster '{p.cluster.name}'"
        for t, tier in enumerate(vpc.subnets):
            if tier.type == "public":
                yield ctx.doc.diagnostic(
                    CODE,
                    f"{owner} has public tier '{tier.name}', routed to an internet gateway",
                    (*at, "subnets", t, "type"),
                    related=((*p.path, "vpc"),),
                    hint=f"make it private or isolated, or remove it; HSMs never need an "
                    f"internet path, and {NO_TRANSLATION}",
                )
        if vpc.nat_gateways != "none":
            written = (*at, "nat_gateways") in ctx.doc.value_pos
            yield ctx.doc.diagnostic(
                CODE,
                f"{owner} has NAT gateways ({vpc.nat_gateways}"
                f"{'' if written else ', the default'})",
                (*at, "nat_gateways"),
                related=((*p.path, "vpc"),),
                hint=f"set `nat_gateways: none`: {NO_TRANSLATION}",
            )
        if vpc.ingress_routing is not None:
            yield ctx.doc.diagnostic(
                CODE,
                f"{owner} routes internet ingress through an appliance (ingress_routing)",
                (*at, "ingress_routing"),
                related=((*p.path, "vpc"),),
                hint=f"remove `ingress_routing`; HSMs never need an internet path, and "
                f"{NO_TRANSLATION}",
            )


RULE = Rule(CODE, "a CloudHSM cluster's VPC has no public tier, NAT or ingress routing", check)
