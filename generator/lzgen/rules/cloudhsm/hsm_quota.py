"""LZ6005: a CloudHSM cluster has at most ``HSMS_PER_CLUSTER`` (28) HSMs, AWS's quota of HSMs
in one cluster; the apply would fail creating the HSMs beyond it."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.model.cloudhsm import HSMS_PER_CLUSTER
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ6005"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for c, cluster in enumerate(ctx.org.cloudhsm_clusters):
        if cluster.hsms > HSMS_PER_CLUSTER:
            yield ctx.doc.diagnostic(
                CODE,
                f"CloudHSM cluster '{cluster.name}' has {cluster.hsms} HSMs, more than the "
                f"{HSMS_PER_CLUSTER} AWS allows in one cluster",
                ("cloudhsm_clusters", c, "hsms"),
                hint=f"use at most {HSMS_PER_CLUSTER}, or split the keys over a second cluster",
            )


RULE = Rule(CODE, f"a CloudHSM cluster has at most {HSMS_PER_CLUSTER} HSMs", check)
