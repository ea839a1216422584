"""LZ8008: no OU or account gets more service control policies than Organizations attaches.

AWS attaches at most 5 SCPs directly to one root, OU or account, and ``FullAWSAccess`` (which
lzgen leaves attached everywhere) is one of them: every target of ``baseline.attach`` takes at
most 4 of the library policies. The root holds ``FullAWSAccess`` and the core guardrails
(scp.CORE, a count tests/test_scp_core_guardrails.py keeps within the limit), which the file
cannot add to. The error points at the first policy over the limit and cites the attachment.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.baseline.scope import listed_policies

CODE = "LZ8008"
POLICIES_PER_TARGET = 5  # Organizations' "Maximum SCPs attached to a root, OU or account"
FULL_AWS_ACCESS = 1  # AWS's own policy, attached to every target unless detached


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    if ctx.org.baseline is None:
        return
    attach = ctx.org.baseline.attach
    targets = len(attach.ous) + len(attach.accounts)
    # each library policy once: unknown and repeated entries are LZ7002's
    seen: set[str] = set()
    listed = []
    for policy in listed_policies(ctx):
        if policy.known and policy.name not in seen:
            seen.add(policy.name)
            listed.append(policy)
    room = POLICIES_PER_TARGET - FULL_AWS_ACCESS
    if not targets or len(listed) <= room:
        return
    where: YamlPath = ("baseline", "attach", "ous" if attach.ous else "accounts", 0)
    yield ctx.doc.diagnostic(
        CODE,
        f"{len(listed)} service control policies would be attached to each target of "
        f"baseline.attach, with FullAWSAccess {len(listed) + FULL_AWS_ACCESS}: Organizations "
        f"attaches at most {POLICIES_PER_TARGET} to one OU or account",
        listed[room].path,
        related=(where,),
        hint=f"list at most {room} policies (the core guardrails at the root do not count "
        "here), or attach some to the OUs above the targets",
    )


RULE = Rule(CODE, "no target of baseline.attach gets more than 5 service control policies", check)
