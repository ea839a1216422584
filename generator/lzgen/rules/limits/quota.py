"""What the quota rules (LZ8002-LZ8006) share: which VPCs count, an account's quota values,
and the diagnostic they all give."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.model.organization import Account
from lzgen.model.quotas import ServiceQuota
from lzgen.model.vpc import Vpc
from lzgen.partitions import COMMERCIAL, partition
from lzgen.regions import REGIONS
from lzgen.rules.base import RuleContext


@dataclass(frozen=True)
class Owner:
    """The account a count is charged to, with its index in ``accounts``."""

    index: int
    account: Account

    def value(self, quota: ServiceQuota) -> int:
        value: int = getattr(self.account.quotas, quota.key)
        return value

    def declared_at(self, quota: ServiceQuota) -> YamlPath:
        return ("accounts", self.index, "quotas", quota.key)


def owner(ctx: RuleContext, account: str, region: str) -> Owner | None:
    """The declared account that pays for what lives in ``region``; None when the account or
    the region is wrong (their own rules say so, and a count there means nothing)."""
    found = ctx.accounts.get(account)
    if found is None or region not in REGIONS or partition(region)[0] != COMMERCIAL:
        return None
    return Owner(*found)


def counted_vpcs(ctx: RuleContext) -> Iterator[tuple[int, Vpc, Owner]]:
    """Every VPC whose account and region are right, with its owner."""
    for i, vpc in enumerate(ctx.org.vpcs):
        found = owner(ctx, vpc.account, vpc.region)
        if found is not None:
            yield i, vpc, found


def over_quota(
    ctx: RuleContext,
    code: str,
    quota: ServiceQuota,
    who: Owner,
    region: str,
    *,
    message: str,
    path: YamlPath,
    needed: int,
    related: tuple[YamlPath, ...] = (),
    instead: str,
) -> Diagnostic:
    """``message`` plus the quota's value at ``path``; the hint says how to raise and declare
    the quota, or (``instead``) how to need less."""
    value = who.value(quota)
    declared = who.declared_at(quota)
    given = declared in ctx.doc.value_pos
    source = "declared" if given else "AWS default"
    name = who.account.name
    step = "raise the declared value" if given else "declare it"
    return ctx.doc.diagnostic(
        code,
        f"{message}, more than the quota of {value} ({source}, {quota.name})",
        path,
        related=(*related, declared) if given else related,
        hint=(
            f"'{quota.name}' ({quota.code}) is {quota.default} per {quota.scope} by default; "
            f"request {needed} or more in Service Quotas for account '{name}' in {region} "
            f"(aws service-quotas request-service-quota-increase --service-code "
            f"{quota.service} --quota-code {quota.code} --desired-value {needed} --region "
            f"{region}), then {step}: `quotas: {{ {quota.key}: {needed} }}` on account "
            f"'{name}'; or {instead}"
        ),
    )
