"""LZ2019: opt-in regions are declared in ``organization.opt_in_regions``, and only those.

A region AWS launched after March 2019 is disabled in every account until it opts in; a stack
acting there fails with ``OptInRequired``. Enabling one is a decision (data residency, the
allowed-regions policy), so lzgen asks for it explicitly, then enables each declared region for
every member account whose stacks act there (``aws_account_region`` in the organization stack).
The management account's own stacks run in the home and state regions: when those are opt-in,
the management account must have them enabled before the first apply.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.regions import OPT_IN_REGIONS
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.references.regions import region_paths

CODE = "LZ2019"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    declared = ctx.org.organization.opt_in_regions
    for k, region in enumerate(declared):
        if region not in OPT_IN_REGIONS:
            yield ctx.doc.diagnostic(
                CODE,
                f"'{region}' is not an opt-in region: every account has it enabled",
                ("organization", "opt_in_regions", k),
                hint=f"remove it; the opt-in regions are {', '.join(sorted(OPT_IN_REGIONS))}",
            )
    reported: set[str] = set()
    for region, path in region_paths(ctx):
        if region not in OPT_IN_REGIONS or region in declared or path[0] == "baseline":
            continue  # an allowed-regions list only allows; it needs no account to opt in
        first = region not in reported
        reported.add(region)
        yield ctx.doc.diagnostic(
            CODE,
            f"'{region}' is an opt-in region, and organization.opt_in_regions does not list "
            "it: every stack there would fail with OptInRequired",
            path,
            hint=f"add '{region}' to organization.opt_in_regions, and lzgen enables it for the "
            "member accounts that act there" + ("" if first else " (one entry covers every use)"),
        )


RULE = Rule(CODE, "opt-in regions are declared in organization.opt_in_regions", check)
