"""LZ6006: every client VPC of a CloudHSM cluster has a network path to the cluster's VPC and
back (lzgen.reachability: peering, or Transit Gateway route tables both ways), since a client
talks to the HSMs' own addresses (TCP 2223-2225). The error names the first missing hop and
where the YAML that adds it goes.

A client entry that is the cluster's own VPC, or a VPC listed before, is an error too: the
cluster's VPC holds only the HSMs, and each client gets one set of routes and rules. Unknown
VPCs are LZ2024's to report.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.cloudhsm.placed import placed

CODE = "LZ6006"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    network = ctx.network
    for p in placed(ctx):
        cluster = p.cluster
        home = network.endpoint(cluster.vpc)
        first: dict[str, int] = {}
        for k, name in enumerate(cluster.clients.vpcs):
            at = (*p.path, "clients", "vpcs", k)
            if name == cluster.vpc:
                yield ctx.doc.diagnostic(
                    CODE,
                    f"CloudHSM cluster '{cluster.name}' lists its own VPC '{name}' as a client",
                    at,
                    related=((*p.path, "vpc"),),
                    hint="remove it: the HSM VPC holds only the HSMs, clients run in VPCs of "
                    "their own that reach it",
                )
                continue
            if name in first:
                line, column = ctx.doc.locate((*p.path, "clients", "vpcs", first[name]))
                yield ctx.doc.diagnostic(
                    CODE,
                    f"CloudHSM cluster '{cluster.name}' lists client VPC '{name}' twice",
                    at,
                    related=((*p.path, "clients", "vpcs", first[name]),),
                    hint=f"the first is at line {line}, column {column}; remove this one",
                )
                continue
            first[name] = k
            end = network.endpoint(name)
            if name not in ctx.vpcs or end is None or home is None or end.vpc is None:
                continue  # LZ2024, LZ3001
            found = network.path(end, home)
            for direction, way in ((found.forward, "to"), (found.back, "back from")):
                missing = direction.missing
                if missing is None:
                    continue
                line, column = ctx.doc.locate(missing.at)
                yield ctx.doc.diagnostic(
                    CODE,
                    f"client VPC '{name}' of CloudHSM cluster '{cluster.name}' has no path "
                    f"{way} the cluster's VPC '{cluster.vpc}': {missing.reason}",
                    at,
                    related=(missing.at,),
                    hint=f"{missing.fix} (line {line}, column {column}); check it with "
                    f"`lzgen path FILE {name} {cluster.vpc}`",
                )
                break  # one error per client: the first direction that stops


RULE = Rule(CODE, "a CloudHSM cluster's client VPCs reach its VPC and back", check)
