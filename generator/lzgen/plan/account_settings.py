"""Account settings: one part per account and region, in that account's stack.

Every account gets the floor (model.account_settings.FLOOR) unless an entry that targets it
opts out of a setting (``false`` with ``opt_out_reason``); entries add the optional settings.
EBS encryption by default, IMDSv2 defaults, the EBS snapshot and AMI public access blocks, the
removal of the default VPC and the ECS ``awsvpcTrunking`` default are regional: they are set in
every region the landing zone uses (``landing_zone_regions``: the home region and wherever the
file places VPCs, transit gateways, ECS clusters or portfolios), whether or not the account
has resources there, unless an ``allowed-regions`` policy reaching the account denies it. The
S3 account public access block, the alternate contacts and the IAM password policy are
account-wide: home region only.
The management account gets its settings in the organization stack, unless it is listed under
``accounts`` by its id, in which case its own stack holds them like any account's.

Terraform cannot delete a default VPC declaratively (``aws_default_vpc`` only adopts one), so
the removal is an SSM Automation runbook of lzgen's that a State Manager association runs once
in each region, with a role of its own (four resources; README, "Baseline").
"""

from __future__ import annotations

from typing import Any

from lzgen.model import OrgFile
from lzgen.model.account_settings import FLOOR, AccountSettings
from lzgen.model.baseline import AlternateContacts, ParametrisedPolicy
from lzgen.model.document import scp_reach
from lzgen.model.organization import reaches
from lzgen.plan.index import PlanIndex
from lzgen.plan.regions import landing_zone_regions
from lzgen.plan.types import ORGANIZATION, FileSpec, StackPart, account_path

REGIONAL = (
    "ebs_encryption_by_default",
    "imdsv2_required",
    "ebs_snapshot_block_public_access",
    "ami_block_public_access",
    "default_vpc_removed",
    "ecs_awsvpc_trunking",
)
# resources a setting renders, where it is not one
RESOURCES = {"default_vpc_removed": 4}  # runbook, its role and policy, the association
ACCOUNT_WIDE = ("s3_block_public_access", "alternate_contacts", "iam_password_policy")
MANAGEMENT_ENTRY = ""  # stands for the management account when it is not listed under accounts
CONTACT_TYPES = ("security", "operations", "billing")


def targets(org: OrgFile, entry: AccountSettings) -> list[str]:
    """The account names an entry targets, in YAML order (``MANAGEMENT_ENTRY`` for ``all`` when the
    management account is not listed)."""
    names = [a.name for a in org.accounts if reaches(entry.accounts, entry.ous, a)]
    if entry.accounts == "all" and not management_listed(org):
        names.append(MANAGEMENT_ENTRY)
    return names


def management_listed(org: OrgFile) -> bool:
    """Whether the management account is listed under ``accounts`` by its id."""
    return any(a.id == org.organization.management_account_id for a in org.accounts)


def _optional(entry: AccountSettings) -> set[str]:
    wanted = {"ecs_awsvpc_trunking"} if entry.ecs_awsvpc_trunking else set()
    if entry.iam_password_policy == "strict":  # noqa: S105 - a policy level, not a password
        wanted.add("iam_password_policy")
    return wanted


def contacts(org: OrgFile) -> AlternateContacts:
    """The alternate contacts the file gives (none without a baseline)."""
    return org.baseline.alternate_contacts if org.baseline is not None else AlternateContacts()


def _floor(org: OrgFile) -> set[str]:
    given = contacts(org)
    has_contacts = any(getattr(given, kind) is not None for kind in CONTACT_TYPES)
    return {name for name in FLOOR if name != "alternate_contacts" or has_contacts}


def effective_settings(org: OrgFile) -> dict[str, set[str]]:
    """Account name (``MANAGEMENT_ENTRY`` for an unlisted management account) -> the settings
    lzgen manages in it: the floor less the entries' opt-outs, plus their optional settings.
    Every account, in YAML order; the management account last when it is not listed."""
    floor = _floor(org)
    names = [a.name for a in org.accounts]
    if not management_listed(org):
        names.append(MANAGEMENT_ENTRY)
    merged: dict[str, set[str]] = {name: set(floor) for name in dict.fromkeys(names)}
    for entry in org.account_settings:
        for name in targets(org, entry):
            merged[name] -= set(entry.opted_out())
            merged[name] |= _optional(entry)
    return merged


def _context(org: OrgFile, here: set[str], region: str) -> dict[str, Any]:
    given = contacts(org)
    return {
        "region": region,
        **{name: name in here for name in (*FLOOR, "ecs_awsvpc_trunking")},
        "iam_password_policy": "strict" if "iam_password_policy" in here else None,
        "alternate_contacts": [
            {"kind": kind, "type": kind.upper(), **contact.model_dump()}
            for kind in CONTACT_TYPES
            if "alternate_contacts" in here and (contact := getattr(given, kind)) is not None
        ],
    }


def _regions(org: OrgFile, name: str, reached: set[str], in_use: list[str]) -> list[str]:
    """Where an account's regional settings go: every region the landing zone uses that the
    ``allowed-regions`` policies allow, when they reach the account (``reached``; the runbook
    that removes default VPCs is not exempt from them; the home region is always allowed,
    LZ7003). ``in_use``: ``landing_zone_regions(org)``, computed once per plan."""
    regions = in_use
    if org.baseline is None or name not in reached:
        return regions
    for policy in org.baseline.service_control_policies:
        if isinstance(policy, ParametrisedPolicy) and policy.name == "allowed-regions":
            regions = [r for r in regions if r in policy.regions]
    return regions


def plan_account_settings(index: PlanIndex) -> list[StackPart]:
    org = index.org
    home = org.organization.home_region
    parts: list[StackPart] = []
    reached = {a.name for a in scp_reach(org)}
    in_use = landing_zone_regions(org)
    for name, wanted in effective_settings(org).items():
        if not wanted:
            continue
        regions = [home] if name == MANAGEMENT_ENTRY else _regions(org, name, reached, in_use)
        for region in regions:
            here = {s for s in wanted if s in REGIONAL or region == home}
            if not here:
                continue
            context = _context(org, here, region)
            files = (
                FileSpec(
                    "account_settings.tf",
                    "account_settings/account_settings.tf.j2",
                    {"settings": context},
                ),
            )
            stack = ORGANIZATION if name == MANAGEMENT_ENTRY else account_path(name, region)
            count = sum(RESOURCES.get(s, 1) for s in here - {"alternate_contacts"}) + len(
                context["alternate_contacts"]
            )
            parts.append(StackPart(stack, files, count))
    return parts
