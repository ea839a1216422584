"""Semantic rules, each with a stable code. ``run_rules`` applies all of them."""

from __future__ import annotations

from lzgen.diagnostics import Diagnostic
from lzgen.load import Document
from lzgen.model import OrgFile
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.baseline import (
    access_role,
    allowed_regions,
    attach_targets,
    log_archive,
    policy_names,
    settings_targets,
)
from lzgen.rules.network import (
    egress,
    subnets_inside,
    tier_layout,
    tiers_fit,
    vpc_cidr,
    vpc_overlap,
)
from lzgen.rules.organization import account_ids, emails, unique_emails, unique_names
from lzgen.rules.references import account_ou, endpoint_tier, regions, vpc_account

ALL_RULES: tuple[Rule, ...] = (
    account_ou.RULE,
    vpc_account.RULE,
    unique_names.RULE,
    unique_emails.RULE,
    *account_ids.RULES,
    *regions.RULES,
    emails.RULE,
    endpoint_tier.RULE,
    *vpc_cidr.RULES,
    *subnets_inside.RULES,
    tiers_fit.RULE,
    vpc_overlap.RULE,
    *egress.RULES,
    *tier_layout.RULES,
    *log_archive.RULES,
    policy_names.RULE,
    allowed_regions.RULE,
    access_role.RULE,
    attach_targets.RULE,
    settings_targets.RULE,
)


def run_rules(doc: Document, org: OrgFile) -> list[Diagnostic]:
    ctx = RuleContext(doc, org)
    found: list[Diagnostic] = []
    for rule in ALL_RULES:
        found.extend(rule.check(ctx))
    return found


__all__ = ["ALL_RULES", "Rule", "RuleContext", "run_rules"]
