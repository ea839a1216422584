"""LZ2023: a directory's names resolve: ``vpc`` a declared VPC, ``tier`` a subnet tier of that
VPC, each ``consumer_vpcs`` entry a declared VPC, ``share_with.accounts`` and
``share_with.exclude_accounts`` declared accounts, ``share_with.ous`` declared OU paths."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.load import YamlPath
from lzgen.model.directory import Directory
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.references.placement import placement, vpc_list
from lzgen.rules.references.share_targets import DECLARE

CODE = "LZ2023"


def _vpc_names(ctx: RuleContext, directory: Directory, path: YamlPath) -> Iterator[Diagnostic]:
    what = f"directory '{directory.name}'"
    yield from placement(ctx, CODE, what, vpc=directory.vpc, tier=directory.tier, path=path)
    consumers = (*path, "consumer_vpcs")
    yield from vpc_list(
        ctx, CODE, what, role="consumer", names=directory.consumer_vpcs, path=consumers
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
