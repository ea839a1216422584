"""LZ7002: service control policies name lzgen's library, with the parameters each takes,
and each at most once."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.baseline.scope import ListedPolicy, listed_policies
from lzgen.scp import LIBRARY

CODE = "LZ7002"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    first: dict[str, ListedPolicy] = {}
    for policy in listed_policies(ctx):
        library = LIBRARY.get(policy.name)
        if library is None:
            yield ctx.doc.diagnostic(
                CODE,
                f"'{policy.name}' is not a service control policy of lzgen's library",
                policy.name_path,
                hint=did_you_mean(policy.name, list(LIBRARY)),
            )
        elif library.parameters and policy.regions is None:
            yield ctx.doc.diagnostic(
                CODE,
                f"'{policy.name}' needs its regions",
                policy.name_path,
                hint=f"write {{ name: {policy.name}, regions: [us-east-1, ...] }}",
            )
        elif not library.parameters and policy.regions is not None:
            yield ctx.doc.diagnostic(
                CODE,
                f"'{policy.name}' takes no regions",
                (*policy.path, "regions"),
                hint=f"list it by name alone: - {policy.name}",
            )
        if policy.name in first:
            earlier = first[policy.name].name_path
            line, column = ctx.doc.locate(earlier)
            yield ctx.doc.diagnostic(
                CODE,
                f"service control policy '{policy.name}' is listed twice",
                policy.name_path,
                related=(earlier,),
                hint=f"the first is at line {line}, column {column}; list each policy once",
            )
        else:
            first[policy.name] = policy


RULE = Rule(CODE, "service control policies are lzgen's, with their parameters, once each", check)
