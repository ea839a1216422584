"""LZ7003: ``allowed-regions`` allows the home region, the state bucket's region and every
region where an account it applies to has a VPC."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.model.organization import S3State
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.baseline.scope import listed_policies, policy_reach

CODE = "LZ7003"


def _regions_in_use(ctx: RuleContext) -> Iterator[tuple[str, str, YamlPath]]:
    """(region, what uses it, where) for every region the policy must allow."""
    org = ctx.org.organization
    yield org.home_region, "the home region", ("organization", "home_region")
    if isinstance(org.state, S3State):
        yield org.state.region, "the state bucket's region", ("organization", "state", "region")
    reached = {a.name for a in policy_reach(ctx)}
    for i, vpc in enumerate(ctx.org.vpcs):
        if vpc.account in reached:
            what = f"the region of VPC '{vpc.name}' (account '{vpc.account}')"
            yield vpc.region, what, ("vpcs", i, "region")


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for policy in listed_policies(ctx):
        if policy.name != "allowed-regions" or policy.regions is None:
            continue
        reported: set[str] = set()
        for region, what, path in _regions_in_use(ctx):
            if region in policy.regions or region in reported:
                continue
            reported.add(region)
            yield ctx.doc.diagnostic(
                CODE,
                f"allowed-regions does not allow {region}, {what}",
                (*policy.path, "regions"),
                related=(path,),
                hint=f"add {region} to regions",
            )


RULE = Rule(CODE, "allowed-regions allows every region the org file uses", check)
