"""Egress design: LZ3007 (error) NAT needs a public tier; LZ3101-LZ3103 (warnings)."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, Severity
from lzgen.rules.base import Rule, RuleContext

CODE_NAT_PUBLIC = "LZ3007"
CODE_SINGLE_NAT = "LZ3101"
CODE_NO_EGRESS = "LZ3102"
CODE_NO_FLOW_LOGS = "LZ3103"


def check_nat_public(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc in enumerate(ctx.org.vpcs):
        protected = set(vpc.ingress_routing.protected_tiers) if vpc.ingress_routing else set()
        nat_tiers = [t for t in vpc.subnets if t.type == "public" and t.name not in protected]
        if vpc.nat_gateways != "none" and not nat_tiers:
            yield ctx.doc.diagnostic(
                CODE_NAT_PUBLIC,
                f"VPC '{vpc.name}' wants NAT gateways but has no public tier",
                ("vpcs", i, "nat_gateways"),
                hint="add a small public tier (size 26 or 28) that ingress routing does not "
                "protect, or set `nat_gateways: none`",
            )


def check_single_nat(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc in enumerate(ctx.org.vpcs):
        if vpc.nat_gateways == "single" and len(vpc.azs) > 1:
            yield ctx.doc.diagnostic(
                CODE_SINGLE_NAT,
                f"VPC '{vpc.name}' spans {len(vpc.azs)} AZs with a single NAT "
                "gateway: one AZ failure takes egress down for all",
                ("vpcs", i, "nat_gateways"),
                severity=Severity.WARNING,
                hint="use `nat_gateways: per_az` for HA egress",
            )


def check_no_egress(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc in enumerate(ctx.org.vpcs):
        has_private = any(t.type == "private" for t in vpc.subnets)
        endpoints = vpc.endpoints.gateway or vpc.endpoints.interface
        if has_private and vpc.nat_gateways == "none" and not endpoints:
            yield ctx.doc.diagnostic(
                CODE_NO_EGRESS,
                f"VPC '{vpc.name}' has private tiers but no NAT gateway and no "
                "VPC endpoint: they cannot reach AWS APIs",
                ("vpcs", i, "nat_gateways"),
                severity=Severity.WARNING,
                hint="add NAT gateways, or endpoints (gateway: [s3], interface: [ssm, ...]); "
                "use `isolated` for tiers that need no egress",
            )


def check_flow_logs(ctx: RuleContext) -> Iterator[Diagnostic]:
    for i, vpc in enumerate(ctx.org.vpcs):
        if not vpc.flow_logs:
            yield ctx.doc.diagnostic(
                CODE_NO_FLOW_LOGS,
                f"VPC '{vpc.name}' has flow logs off",
                ("vpcs", i, "flow_logs"),
                severity=Severity.WARNING,
                hint="flow logs are the record of who talked to what; checkov fails CKV2_AWS_11 "
                "without them",
            )


RULES = (
    Rule(CODE_NAT_PUBLIC, "NAT gateways have a public tier", check_nat_public),
    Rule(CODE_SINGLE_NAT, "warn: single NAT gateway across AZs", check_single_nat),
    Rule(CODE_NO_EGRESS, "warn: private tiers without NAT or endpoints", check_no_egress),
    Rule(CODE_NO_FLOW_LOGS, "warn: flow logs off", check_flow_logs),
)
