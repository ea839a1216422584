"""LZ7005: service control policies are attached to declared OUs and accounts, each once."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ7005"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    if ctx.org.baseline is None:
        return
    attach = ctx.org.baseline.attach
    for u in ctx.undeclared(attach.accounts, attach.ous, ("baseline", "attach")):
        yield ctx.doc.diagnostic(
            CODE,
            f"service control policies are attached to unknown {u.kind} '{u.name}'",
            u.path,
            hint=u.suggestion or f"declare the {u.kind} first",
        )
    for kind, key, names, known in (
        ("OU", "ous", attach.ous, ctx.ou_paths),
        ("account", "accounts", attach.accounts, ctx.accounts),
    ):
        seen: set[str] = set()
        for i, name in enumerate(names):
            if name in known and name in seen:
                yield ctx.doc.diagnostic(
                    CODE,
                    f"{kind} '{name}' is listed twice",
                    ("baseline", "attach", key, i),
                    hint="list each target once",
                )
            seen.add(name)


RULE = Rule(CODE, "service control policies are attached to declared OUs and accounts", check)
