"""LZ4101: a directory's ``domain`` is a fully qualified domain name AWS Managed Microsoft AD
accepts.

CreateMicrosoftAD's ``Name`` pattern is ``^([a-zA-Z0-9]+[\\.-])+([a-zA-Z0-9])+$``: letters and
digits, with single dots or hyphens between them. lzgen also asks for a fully qualified name
(at least two labels, as corp.example.com) and DNS's lengths: labels of 1-63 characters, 255 in
all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ4101"
AWS_PATTERN = re.compile(r"^([a-zA-Z0-9]+[.-])+([a-zA-Z0-9])+$")
LABEL = re.compile(r"^[a-zA-Z0-9-]+$")
MAX_NAME = 255
MAX_LABEL = 63
EXAMPLE = "such as corp.example.com"


def _label_problem(label: str) -> str | None:
    if not label:
        return "has an empty label (a leading, trailing or doubled dot)"
    if len(label) > MAX_LABEL:
        return f"has a label of {len(label)} characters; labels have at most {MAX_LABEL}"
    if not LABEL.match(label):
        return f"has label '{label}' with characters other than letters, digits and hyphens"
    if label.startswith("-") or label.endswith("-"):
        return f"has label '{label}', which starts or ends with a hyphen"
    return None


def problem(domain: str) -> str | None:
    """Why ``domain`` is not a valid Managed AD domain name, or None."""
    if len(domain) > MAX_NAME:
        return f"is {len(domain)} characters long; a domain name has at most {MAX_NAME}"
    labels = domain.split(".")
    if len(labels) < 2:
        return "is a single label; Managed AD needs a fully qualified domain name"
    found = next((why for why in map(_label_problem, labels) if why is not None), None)
    if found is None and not AWS_PATTERN.match(domain):  # e.g. two hyphens in a row
        return "does not match AWS's pattern for directory names (single dots or hyphens)"
    return found


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for d, directory in enumerate(ctx.org.directories):
        why = problem(directory.domain)
        if why is not None:
            yield ctx.doc.diagnostic(
                CODE,
                f"domain '{directory.domain}' of directory '{directory.name}' {why}",
                ("directories", d, "domain"),
                hint="use dot-separated labels of letters, digits and single hyphens (not at "
                f"either end), {EXAMPLE}",
            )


RULE = Rule(CODE, "directory domains are fully qualified names Managed AD accepts", check)
