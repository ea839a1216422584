"""Small helpers for snippet -> exact diagnostics tests.

``org(snippet)`` puts the test's own YAML first (so its line numbers are the ones visible in the
test source: the first line of the snippet is line 1) and appends a valid base for every
top-level key the snippet does not set.
"""

from __future__ import annotations

import re
import textwrap

from lzgen.diagnostics import Diagnostic
from lzgen.load import LoadError, load_text
from lzgen.pipeline import check_document, render_tree, validate_document

# A valid organization, one top-level key per entry: an existing organization (so that existing
# accounts are adopted) keeping nothing lzgen does not configure. Accounts: network (existing,
# id 222222222222, OU Infrastructure) and app-a (created, OU Workloads/Prod).
BASE: dict[str, str] = {
    "version": "version: 1\n",
    "organization": textwrap.dedent("""\
        organization:
          name: example-corp
          home_region: us-east-1
          management_account_id: "111111111111"
          existing: { id: o-exampleorg1, root_id: r-ex01 }
          trusted_services: []
          policy_types: []
          state: { backend: s3, bucket: example-corp-tfstate, region: us-east-1 }
          pipeline: { trusted_principals: ["arn:aws:iam::111111111111:role/PlatformAdmin"] }
        """),
    "organizational_units": textwrap.dedent("""\
        organizational_units:
          - name: Infrastructure
          - name: Workloads
            children: [{ name: Prod }, { name: NonProd }]
        """),
    "accounts": textwrap.dedent("""\
        accounts:
          - { name: network, email: aws+network@example.com, ou: Infrastructure,
              id: "222222222222" }
          - { name: app-a, email: aws+app-a@example.com, ou: Workloads/Prod }
        """),
}

_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:", re.MULTILINE)


def org(snippet: str = "", *, omit: tuple[str, ...] = ()) -> str:
    """The dedented ``snippet`` followed by the BASE sections it does not set itself."""
    text = textwrap.dedent(snippet).lstrip("\n")
    if text and not text.endswith("\n"):
        text += "\n"
    present = set(_TOP_KEY.findall(text))
    for key, section in BASE.items():
        if key not in present and key not in omit:
            text += section
    return text


def diagnostics(yaml_text: str, file: str = "org.yaml") -> list[Diagnostic]:
    """Every diagnostic for ``yaml_text`` (a load error is the only one when loading fails)."""
    try:
        doc = load_text(yaml_text, file)
    except LoadError as exc:
        return [exc.diagnostic]
    _, found = validate_document(doc)
    return found


def diagnose(yaml_text: str) -> list[tuple[str, int, int]]:
    """(code, line, column) of every diagnostic for ``yaml_text``."""
    return [(d.code, d.line, d.column) for d in diagnostics(yaml_text)]


def only(yaml_text: str) -> Diagnostic:
    """The single diagnostic for ``yaml_text``; fails when there is not exactly one."""
    found = diagnostics(yaml_text)
    assert len(found) == 1, [(d.code, d.line, d.column, d.message) for d in found]
    return found[0]


def rendered(yaml_text: str) -> dict[str, str]:
    """The tree ``lzgen render`` writes for ``yaml_text`` (path -> text); fails with the
    diagnostics when the file has errors."""
    checked = check_document(load_text(yaml_text, "org.yaml"))
    assert checked.plan is not None, [(d.code, d.line, d.message) for d in checked.diagnostics]
    return render_tree(checked.plan, "0" * 64)


def without_app_a(text: str) -> str:
    """examples/org.yaml's text without account ``app-a`` and its only VPC ``app-a-vpc``: the
    account's stack (VPC and account settings) goes away."""
    lines = text.splitlines(keepends=True)
    start = lines.index("  - name: app-a-vpc\n")
    end = next(
        (i for i in range(start + 1, len(lines)) if not lines[i].startswith("    ")), len(lines)
    )
    kept = [
        line for line in lines[:start] + lines[end:] if not line.startswith("  - { name: app-a, ")
    ]
    return "".join(kept)


def renamed(text: str, edits: list[tuple[str, str]]) -> str:
    """``text`` with each (old, new) replaced exactly once: fails if one is not found once."""
    for old, new in edits:
        assert text.count(old) == 1, f"{old!r} is in the text {text.count(old)} times"
        text = text.replace(old, new)
    return text


# examples/hub-and-spoke.yaml's shared VPC and its app tier renamed (issue 17's criterion 1)
HUB_VPC_AND_TIER_RENAMED = [
    ("  - name: shared-prod\n", "  - name: shared-core\n    renamed_from: shared-prod\n"),
    ("vpc: shared-prod }", "vpc: shared-core }"),
    (
        "      - { name: app,    type: private, size: 20,",
        "      - { name: apps, renamed_from: app, type: private, size: 20,",
    ),
]
