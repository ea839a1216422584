"""LZ7005: service control policies are attached to declared OUs and accounts, each once."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ7005"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    if ctx.org.baseline is None:
        return
    attach = ctx.org.baseline.attach
    for kind, names, known in (
        ("OU", attach.ous, list(ctx.ou_paths)),
        ("account", attach.accounts, list(ctx.accounts)),
    ):
        key = "ous" if kind == "OU" else "accounts"
        seen: set[str] = set()
        for i, name in enumerate(names):
            path = ("baseline", "attach", key, i)
            if name not in known:
                yield ctx.doc.diagnostic(
                    CODE,
                    f"service control policies are attached to unknown {kind} '{name}'",
                    path,
                    hint=did_you_mean(name, known) if known else f"declare the {kind} first",
                )
            elif name in seen:
                yield ctx.doc.diagnostic(
                    CODE, f"{kind} '{name}' is listed twice", path, hint="list each target once"
                )
            seen.add(name)


RULE = Rule(CODE, "service control policies are attached to declared OUs and accounts", check)
