"""LZ2018: every region is in the commercial ``aws`` partition.

Checked wherever LZ2007 checks a region: the home and state regions, every VPC's and transit
gateway's region and the regions of ``allowed-regions`` policies. A GovCloud or China region
gets this error instead of LZ2007 (one diagnostic per mistake).
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.partitions import COMMERCIAL, partition
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.references.regions import region_paths

CODE = "LZ2018"


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for region, path in region_paths(ctx):
        name, label = partition(region)
        if name == COMMERCIAL:
            continue
        yield ctx.doc.diagnostic(
            CODE,
            f"'{region}' is in the {label} partition ({name}); lzgen renders only the "
            f"commercial '{COMMERCIAL}' partition (every ARN it writes is arn:aws:...)",
            path,
            hint=f"keep {label} landing zones in a separate org file (an {name} organization "
            "is a separate AWS organization anyway, with its own management account), which "
            "lzgen does not render yet; in this file use a commercial region",
        )


RULE = Rule(CODE, "regions are in the commercial aws partition", check)
