"""LZ4205: a permission set's inline policy is within Identity Center's size limits: 32,768
bytes, and 10,240 characters that are not whitespace, counted on the minified JSON that
Terraform sends (``jsonencode``). Its shape (Version, Statement, IAM's keys) is the schema's
(model/policy_document.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ4205"
MAX_BYTES = 32_768
MAX_NON_WHITESPACE = 10_240


def sizes(document: Any) -> tuple[int, int]:
    """(bytes, non-whitespace characters) of the policy as Terraform sends it."""
    text = json.dumps(document, separators=(",", ":"), ensure_ascii=False)
    return len(text.encode()), sum(1 for c in text if not c.isspace())


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    ic = ctx.org.identity_center
    if ic is None:
        return
    for i, ps in enumerate(ic.permission_sets):
        if ps.inline_policy is None:
            continue
        path = ("identity_center", "permission_sets", i, "inline_policy")
        size, non_whitespace = sizes(ps.inline_policy.model_dump(exclude_none=True))
        if size > MAX_BYTES or non_whitespace > MAX_NON_WHITESPACE:
            yield ctx.doc.diagnostic(
                CODE,
                f"the inline policy of permission set '{ps.name}' has {non_whitespace:,} "
                f"characters besides whitespace ({size:,} bytes) minified; Identity Center "
                f"takes at most {MAX_NON_WHITESPACE:,} ({MAX_BYTES:,} bytes)",
                path,
                hint="move statements into AWS managed policies, or use wildcards in actions",
            )


RULE = Rule(CODE, "inline policies fit Identity Center's size limits", check)
