"""LZ4001: the file names who may assume the pipeline role.

Every stack runs as the pipeline role, which administers the management account and may assume
the deployer role in every member account. Trusting "the management account" would hand that
to whatever its IAM policies allow; so the trust is explicit: named principals (the operators'
roles) or CI's OpenID Connect identity provider with the subjects that may deploy.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ4001"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    o = ctx.org.organization
    if o.pipeline.trusted_principals or o.pipeline.oidc is not None:
        return
    given = ("organization", "pipeline") in ctx.doc.value_pos
    yield ctx.doc.diagnostic(
        CODE,
        f"nobody may assume the pipeline role '{o.pipeline.role}', which every stack runs as",
        ("organization", "pipeline") if given else ("organization",),
        key=not given,
        hint="name who may: `pipeline: { trusted_principals: "
        f'["arn:aws:iam::{o.management_account_id}:role/PlatformAdmin"] }}` (operators), '
        "or `oidc: { provider: token.actions.githubusercontent.com, subjects: "
        '["repo:ORG/REPO:ref:refs/heads/main"] }` (CI), or both',
    )


RULE = Rule(CODE, "the pipeline role trusts named principals or CI's identity provider", check)
