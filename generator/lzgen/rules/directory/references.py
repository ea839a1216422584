"""LZ2023: a directory's names resolve: ``vpc`` a declared VPC, ``tier`` a subnet tier of that
VPC, each ``consumer_vpcs`` entry a declared VPC, ``share_with.accounts`` and
``share_with.exclude_accounts`` declared accounts, ``share_with.ous`` declared OU paths."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.load import YamlPath
from lzgen.model.directory import Directory
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.references.share_targets import DECLARE

CODE = "LZ2023"


def _vpc_hint(ctx: RuleContext, name: str) -> str:
    known = list(ctx.vpcs)
    return did_you_mean(name, known) if known else "declare it under vpcs"


def _vpc_names(ctx: RuleContext, directory: Directory, path: YamlPath) -> Iterator[Diagnostic]:
    found = ctx.vpcs.get(directory.vpc)
    if found is None:
        yield ctx.doc.diagnostic(
            CODE,
            f"directory '{directory.name}' names unknown VPC '{directory.vpc}'",
            (*path, "vpc"),
            hint=_vpc_hint(ctx, directory.vpc),
        )
    else:
        tiers = [t.name for t in found[1].subnets]
        if directory.tier not in tiers:
            yield ctx.doc.diagnostic(
                CODE,
                f"directory '{directory.name}' names tier '{directory.tier}', which is not a "
                f"subnet tier of VPC '{directory.vpc}'",
                (*path, "tier"),
                hint=did_you_mean(directory.tier, tiers),
            )
    for k, name in enumerate(directory.consumer_vpcs):
        if name not in ctx.vpcs:
            yield ctx.doc.diagnostic(
                CODE,
                f"directory '{directory.name}' names unknown consumer VPC '{name}'",
                (*path, "consumer_vpcs", k),
                hint=_vpc_hint(ctx, name),
            )


def _share_names(ctx: RuleContext, directory: Directory, path: YamlPath) -> Iterator[Diagnostic]:
    share = directory.share_with
    for u in ctx.undeclared(share.accounts, share.ous, path):
        yield ctx.doc.diagnostic(
            CODE,
            f"share_with names unknown {u.kind} '{u.name}'",
            u.path,
            hint=u.suggestion or DECLARE[u.kind],
        )
    known = list(ctx.accounts)
    for k, name in enumerate(share.exclude_accounts):
        if name not in ctx.accounts:
            yield ctx.doc.diagnostic(
                CODE,
                f"share_with excludes unknown account '{name}'",
                (*path, "exclude_accounts", k),
                hint=did_you_mean(name, known) if known else DECLARE["account"],
            )


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for d, directory in enumerate(ctx.org.directories):
        path: YamlPath = ("directories", d)
        yield from _vpc_names(ctx, directory, path)
        yield from _share_names(ctx, directory, (*path, "share_with"))


RULE = Rule(CODE, "directories name declared VPCs, tiers, consumer VPCs, accounts and OUs", check)
