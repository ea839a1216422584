"""LZ4104: every consumer VPC of a directory has a network path to the directory's VPC and
back (lzgen.reachability: peering, or Transit Gateway route tables both ways), since joining
the domain needs DNS, Kerberos and LDAP to the domain controllers. The error names the first
missing hop and where the YAML that adds it goes.

Unknown VPCs (LZ2023), the directory's own VPC listed as a consumer (LZ4105) and a consumer in
another region (LZ4108) are other rules' to report.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ4104"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for k, directory in enumerate(ctx.org.directories):
        network = ctx.network
        owner = ctx.vpcs.get(directory.vpc)
        home = network.endpoint(directory.vpc)
        if owner is None or home is None:
            continue
        for j, name in enumerate(directory.consumer_vpcs):
            consumer = ctx.vpcs.get(name)
            end = network.endpoint(name)
            if consumer is None or end is None or name == directory.vpc:
                continue
            if consumer[1].region != owner[1].region:
                continue
            found = network.path(end, home)
            for direction, way in ((found.forward, "to"), (found.back, "back from")):
                missing = direction.missing
                if missing is None:
                    continue
                line, column = ctx.doc.locate(missing.at)
                yield ctx.doc.diagnostic(
                    CODE,
                    f"consumer VPC '{name}' of directory '{directory.name}' has no path {way} "
                    f"the directory's VPC '{directory.vpc}': {missing.reason}",
                    ("directories", k, "consumer_vpcs", j),
                    related=(missing.at,),
                    hint=f"{missing.fix} (line {line}, column {column}); check it with "
                    f"`lzgen path FILE {name} {directory.vpc}`",
                )
                break  # one error per consumer: the first direction that stops


RULE = Rule(CODE, "a directory's consumer VPCs reach its VPC and back", check)
