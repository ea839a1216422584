"""LZ7102 (warning): an existing organization's trusted services and policy types are listed.

Terraform's lists of trusted services and policy types are authoritative: importing an
organization and applying disables every one the lists leave out (Control Tower, StackSets,
IPAM, Backup, tag and backup policies). lzgen adds what the file keeps to what it configures;
with neither list given it cannot know, and says so before the apply does damage.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic, Severity
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ7102"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    o = ctx.org.organization
    if o.existing is None:
        return
    missing = [
        key
        for key, value in (
            ("trusted_services", o.trusted_services),
            ("policy_types", o.policy_types),
        )
        if value is None
    ]
    if not missing:
        return
    listed = " and ".join(f"`{key}`" for key in missing)
    yield ctx.doc.diagnostic(
        CODE,
        f"organization {o.existing.id} exists, and the file does not list {listed}: the first "
        "apply would disable every trusted service and policy type lzgen does not configure",
        ("organization", "existing"),
        severity=Severity.WARNING,
        hint="list what the organization has enabled (`aws organizations "
        "list-aws-service-access-for-organization`, `aws organizations list-roots`) under "
        "organization.trusted_services and organization.policy_types; `[]` says there is "
        "nothing to keep",
    )


RULE = Rule(CODE, "an existing organization lists the services and policy types it keeps", check)
