"""LZ2026 (warning): the AWS provider constraint admits a 5.x release.

Every stack requires ``hashicorp/aws`` with ``organization.terraform.aws_provider_version``.
lzgen writes code for provider 5.x: a constraint that admits no 5.x release (``~> 6.0``, or
bounds that exclude each other) makes every stack's ``terraform init`` pick a provider the
code was not written for, or none at all.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, Severity
from lzgen.model.terraform import DEFAULT_AWS_PROVIDER_VERSION, admits_major
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ2026"
MAJOR = 5  # the hashicorp/aws major version lzgen renders for


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    constraint = ctx.org.organization.terraform.aws_provider_version
    if admits_major(constraint, MAJOR):
        return
    yield ctx.doc.diagnostic(
        CODE,
        f"the AWS provider constraint '{constraint}' admits no {MAJOR}.x release of "
        f"hashicorp/aws, the provider lzgen's code is written for",
        ("organization", "terraform", "aws_provider_version"),
        severity=Severity.WARNING,
        hint=f'pin a tested {MAJOR}.x minor, "{DEFAULT_AWS_PROVIDER_VERSION}" (the default), '
        f'or a range inside {MAJOR}.x such as ">= 5.40, < 6.0"',
    )


RULE = Rule(CODE, "the AWS provider constraint admits a 5.x release", check)
