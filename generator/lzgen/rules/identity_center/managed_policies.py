"""LZ4204: a permission set's managed policies are AWS managed policies, by name
(``ReadOnlyAccess``, ``job-function/ViewOnlyAccess``) or ARN
(``arn:aws:iam::aws:policy/...``), each listed once, at most 20.

A customer managed policy's ARN (``arn:aws:iam::<account>:policy/...``) is not one: Identity
Center attaches those by name and path in each account, which lzgen does not render. IAM allows
10 managed policies per role by default (raisable to 20), and each assignment's role has them
all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.plan.identity_center import managed_policy_arn
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ4204"
MAX_POLICIES = 20  # IAM's hard limit of managed policies per role
_SEGMENT = r"[A-Za-z0-9+=,.@_-]+"
_NAME = re.compile(rf"^({_SEGMENT}/)*{_SEGMENT}$")
_ARN = re.compile(rf"^arn:aws:iam::aws:policy/({_SEGMENT}/)*{_SEGMENT}$")


def _problem(policy: str) -> str | None:
    if policy.startswith("arn:"):
        if _ARN.match(policy):
            return None
        if re.match(r"^arn:aws:iam::\d{12}:policy/", policy):
            return "is a customer managed policy; only AWS managed policies can be listed"
        return "is not an AWS managed policy ARN (arn:aws:iam::aws:policy/<path/><name>)"
    if len(policy) <= 128 and _NAME.match(policy):
        return None
    return "is not an AWS managed policy name"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    ic = ctx.org.identity_center
    if ic is None:
        return
    for i, ps in enumerate(ic.permission_sets):
        path = ("identity_center", "permission_sets", i, "managed_policies")
        seen: set[str] = set()
        for k, policy in enumerate(ps.managed_policies):
            problem = _problem(policy)
            if problem is not None:
                yield ctx.doc.diagnostic(
                    CODE,
                    f"managed policy '{policy}' of permission set '{ps.name}' {problem}",
                    (*path, k),
                    hint="name an AWS managed policy, e.g. ReadOnlyAccess or "
                    "job-function/ViewOnlyAccess; put your own statements in inline_policy",
                )
                continue
            arn = managed_policy_arn(policy)
            if arn in seen:
                yield ctx.doc.diagnostic(
                    CODE,
                    f"managed policy '{policy}' is listed twice in permission set '{ps.name}'",
                    (*path, k),
                    hint="remove the second entry",
                )
            seen.add(arn)
        if len(ps.managed_policies) > MAX_POLICIES:
            yield ctx.doc.diagnostic(
                CODE,
                f"permission set '{ps.name}' lists {len(ps.managed_policies)} managed policies; "
                f"an IAM role takes at most {MAX_POLICIES}",
                path,
                hint="IAM's default is 10 per role (quota L-0DA4ABF3, at most 20): combine "
                "policies, or move statements into inline_policy",
            )


RULE = Rule(CODE, "permission sets list AWS managed policies, once each, at most 20", check)
