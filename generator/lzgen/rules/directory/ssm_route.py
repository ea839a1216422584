"""LZ4109 (warning): every consumer VPC has a way to AWS Systems Manager.

Instances join the domain through Systems Manager (seamless domain join runs an SSM document),
so their VPC needs one of: NAT gateways, or a Transit Gateway default route to an egress VPC
with NAT gateways (both ``lzgen.reachability``'s ``internet_egress``); an internet gateway (a
``public`` tier); or all of the ``ssm``, ``ssmmessages`` and ``ec2messages`` interface
endpoints. The warning points at the consumer entry and cites the VPC.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, Severity
from lzgen.model.vpc import Vpc
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.directory.placed import consumers, placed

CODE = "LZ4109"
SSM_ENDPOINTS = ("ssm", "ssmmessages", "ec2messages")


def missing_endpoints(ctx: RuleContext, vpc: Vpc) -> list[str]:
    """The SSM endpoints ``vpc`` lacks; none when it reaches the internet some other way."""
    if any(t.type == "public" for t in vpc.subnets):
        return []
    if ctx.network.internet_egress(vpc.name) is not None:
        return []
    return [e for e in SSM_ENDPOINTS if e not in vpc.endpoints.interface]


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for p in placed(ctx):
        for c in consumers(ctx, p):
            missing = missing_endpoints(ctx, c.vpc)
            if not missing:
                continue
            listed = ", ".join(missing)
            yield ctx.doc.diagnostic(
                CODE,
                f"consumer VPC '{c.vpc.name}' of directory '{p.directory.name}' has no way to "
                "Systems Manager: no NAT gateway, no internet gateway, no transit gateway "
                f"route to one, and no {listed} endpoint{'s' if len(missing) > 1 else ''}",
                c.path,
                severity=Severity.WARNING,
                related=(("vpcs", c.vpc_index, "name"),),
                hint="instances join the domain through Systems Manager: add "
                f"`endpoints: {{ interface: [{', '.join(SSM_ENDPOINTS)}] }}` to VPC "
                f"'{c.vpc.name}' (missing: {listed}), or give it NAT gateways or a transit "
                "gateway default route to an egress VPC with NAT gateways",
            )


RULE = Rule(CODE, "consumer VPCs reach Systems Manager (NAT, IGW or the SSM endpoints)", check)
