"""What the reference rules of capabilities placed in a VPC's tier share (a directory LZ2023, a
CloudHSM cluster LZ2024): ``vpc`` names a declared VPC, ``tier`` a subnet tier of it, and each
entry of a list of VPCs (consumers, clients) a declared VPC."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.load import YamlPath
from lzgen.rules.base import RuleContext


def _vpc_hint(ctx: RuleContext, name: str) -> str:
    known = list(ctx.vpcs)
    return did_you_mean(name, known) if known else "declare it under vpcs"


def placement(
    ctx: RuleContext, code: str, what: str, *, vpc: str, tier: str, path: YamlPath
) -> Iterator[Diagnostic]:
    """``what`` ("directory 'corp'") at ``path`` names VPC ``vpc`` and its tier ``tier``."""
    found = ctx.vpcs.get(vpc)
    if found is None:
        yield ctx.doc.diagnostic(
            code, f"{what} names unknown VPC '{vpc}'", (*path, "vpc"), hint=_vpc_hint(ctx, vpc)
        )
        return
    tiers = [t.name for t in found[1].subnets]
    if tier not in tiers:
        yield ctx.doc.diagnostic(
            code,
            f"{what} names tier '{tier}', which is not a subnet tier of VPC '{vpc}'",
            (*path, "tier"),
            hint=did_you_mean(tier, tiers),
        )


def vpc_list(
    ctx: RuleContext, code: str, what: str, *, role: str, names: Sequence[str], path: YamlPath
) -> Iterator[Diagnostic]:
    """Each of ``names`` (at ``path``[k]), a ``role`` VPC ("consumer") of ``what``, is declared."""
    for k, name in enumerate(names):
        if name not in ctx.vpcs:
            yield ctx.doc.diagnostic(
                code,
                f"{what} names unknown {role} VPC '{name}'",
                (*path, k),
                hint=_vpc_hint(ctx, name),
            )
