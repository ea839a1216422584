"""Account settings: one part per targeted account and region, in that account's stack.

EBS encryption by default and the ECS ``awsvpcTrunking`` default are regional: they are set in
the home region and in every region where the account has VPCs. The S3 account public access
block and the IAM password policy are account-wide: home region only. The management account
(``accounts: all``) gets its settings in the organization stack, unless it is listed under
``accounts`` by its id, in which case its own stack holds them like any account's.
"""

from __future__ import annotations

from lzgen.model import OrgFile
from lzgen.model.account_settings import AccountSettings
from lzgen.model.organization import reaches
from lzgen.plan.index import PlanIndex
from lzgen.plan.types import ORGANIZATION, FileSpec, StackPart, account_path

REGIONAL = ("ebs_encryption_by_default", "ecs_awsvpc_trunking")
ACCOUNT_WIDE = ("s3_block_public_access", "iam_password_policy")
MANAGEMENT_ENTRY = ""  # stands for the management account when it is not listed under accounts


def targets(org: OrgFile, entry: AccountSettings) -> list[str]:
    """The account names an entry targets, in YAML order (``MANAGEMENT_ENTRY`` for ``all`` when the
    management account is not listed)."""
    management_id = org.organization.management_account_id
    names = [a.name for a in org.accounts if reaches(entry.accounts, entry.ous, a)]
    if entry.accounts == "all" and all(a.id != management_id for a in org.accounts):
        names.append(MANAGEMENT_ENTRY)
    return names


def _wanted(entry: AccountSettings) -> set[str]:
    wanted = {name for name in (*REGIONAL, "s3_block_public_access") if getattr(entry, name)}
    if entry.iam_password_policy == "strict":  # noqa: S105 - a policy level, not a password
        wanted.add("iam_password_policy")
    return wanted


def plan_account_settings(index: PlanIndex) -> list[StackPart]:
    org = index.org
    merged: dict[str, set[str]] = {}
    for entry in org.account_settings:
        for name in targets(org, entry):
            merged.setdefault(name, set()).update(_wanted(entry))
    home = org.organization.home_region
    parts: list[StackPart] = []
    for name, wanted in merged.items():
        if not wanted:
            continue
        regions = (
            [home]
            if name == MANAGEMENT_ENTRY
            else sorted({home, *(v.region for v in org.vpcs if v.account == name)})
        )
        for region in regions:
            here = {s for s in wanted if s in REGIONAL or region == home}
            if not here:
                continue
            context = {
                "ebs_encryption_by_default": "ebs_encryption_by_default" in here,
                "s3_block_public_access": "s3_block_public_access" in here,
                "iam_password_policy": "strict" if "iam_password_policy" in here else None,
                "ecs_awsvpc_trunking": "ecs_awsvpc_trunking" in here,
            }
            files = (
                FileSpec(
                    "account_settings.tf",
                    "account_settings/account_settings.tf.j2",
                    {"settings": context},
                ),
            )
            stack = ORGANIZATION if name == MANAGEMENT_ENTRY else account_path(name, region)
            parts.append(StackPart(stack, files, len(here)))
    return parts
