"""LZ6004 (warning): a CloudHSM cluster is highly available: at least two HSMs, in at least two
AZs.

With one HSM, or every HSM in one AZ (the HSMs go round-robin over the VPC's AZs, so a VPC with
one AZ holds them all in it), losing that HSM or AZ stops every client's cryptography, and keys
created since the last backup are lost.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, Severity
from lzgen.model.cloudhsm import hsm_azs
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.cloudhsm.placed import placed

CODE = "LZ6004"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for p in placed(ctx):
        cluster = p.cluster
        if cluster.hsms < 2:
            yield ctx.doc.diagnostic(
                CODE,
                f"CloudHSM cluster '{cluster.name}' has one HSM: no high availability",
                (*p.path, "hsms"),
                severity=Severity.WARNING,
                hint="set `hsms: 2` or more, in two AZs: with one HSM, losing it stops every "
                "client and loses the keys created since the last backup",
            )
            continue
        azs = set(hsm_azs(cluster, p.vpc.azs))
        if len(azs) < 2:
            yield ctx.doc.diagnostic(
                CODE,
                f"CloudHSM cluster '{cluster.name}' puts all {cluster.hsms} HSMs in AZ "
                f"{''.join(sorted(azs))}: VPC '{p.vpc.name}' has one AZ, no high availability",
                (*p.path, "tier"),
                severity=Severity.WARNING,
                related=((*p.vpc_path, "azs"),),
                hint=f"add a second AZ to `azs` of VPC '{p.vpc.name}' (the HSMs go round-robin "
                "over its AZs): losing the one AZ stops every client",
            )


RULE = Rule(CODE, "a CloudHSM cluster has two HSMs or more, in two AZs or more (warning)", check)
