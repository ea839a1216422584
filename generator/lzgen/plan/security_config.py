"""AWS Config in every account and region in use (``security.config``): a recorder of every
supported resource type (global ones, IAM's, only in the home region, so they are recorded
once), a delivery channel to the log archive bucket encrypted with its key, and the recorder
turned on. The recorder acts through Config's service-linked role, created once per account in
its home-region stack; its other regions' stacks apply after that one.
"""

from __future__ import annotations

from typing import Any

from lzgen.hcl import hcl
from lzgen.model import OrgFile
from lzgen.plan.account_settings import management_listed
from lzgen.plan.index import PlanIndex
from lzgen.plan.log_archive import LogArchive, log_archive
from lzgen.plan.regions import landing_zone_regions
from lzgen.plan.security_scope import (
    LOG_ARCHIVE_STATE,
    kms_key_expr,
    management_security_path,
)
from lzgen.plan.stack import MANAGEMENT, account_id_expr
from lzgen.plan.types import FileSpec, ProviderSpec, StackPart, account_path

CONFIG_ROLE = "aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"
FREQUENCY = {"continuous": "CONTINUOUS", "daily": "DAILY"}


def recording_accounts(org: OrgFile) -> list[str | None]:
    """Every account with a recorder, in YAML order; None for the management account when it
    is not listed under ``accounts`` (its recorders are in stacks of their own)."""
    if org.security is None or not org.security.config.enabled or org.baseline is None:
        return []
    names: list[str | None] = list(dict.fromkeys(a.name for a in org.accounts))
    if not management_listed(org):
        names.append(None)
    return names


def config_sources(index: PlanIndex) -> list[dict[str, str]]:
    """Each account whose recorders deliver to the log archive, with its id as an HCL
    expression: the only sources the bucket and key policies admit for Config."""
    org = index.org
    management = hcl(org.organization.management_account_id)
    return [
        {
            "name": name or "management",
            "id": management if name is None else account_id_expr(index, name),
        }
        for name in recording_accounts(org)
    ]


def _path(name: str | None, region: str) -> str:
    return management_security_path(region) if name is None else account_path(name, region)


def _part(index: PlanIndex, archive: LogArchive, name: str | None, region: str) -> StackPart:
    org = index.org
    home = org.organization.home_region
    path = _path(name, region)
    # the role's ARN, with the account's id from its stack's local, or the management account's
    role = (
        f'"arn:aws:iam::${{local.account_id}}:role/{CONFIG_ROLE}"'
        if name is not None
        else hcl(f"arn:aws:iam::{org.organization.management_account_id}:role/{CONFIG_ROLE}")
    )
    assert org.security is not None
    context: dict[str, Any] = {
        "home": region == home,
        "role_arn": "aws_iam_service_linked_role.config.arn" if region == home else role,
        "bucket": archive.bucket,
        "kms_key_arn": kms_key_expr(archive, path),
        "same_stack": path == archive.stack_path,
        "frequency": FREQUENCY[org.security.config.recording_frequency],
    }
    depends_on: list[str] = []
    reads: tuple[tuple[str, str], ...] = ()
    if path != archive.stack_path:
        depends_on.append(archive.stack_path)
        reads = ((LOG_ARCHIVE_STATE, archive.stack_path),)
    if region != home:
        depends_on.append(_path(name, home))  # the service-linked role
    files = (FileSpec("config.tf", "security/config_recorder.tf.j2", {"config": context}),)
    return StackPart(
        path,
        files,
        3 + int(region == home),
        depends_on=tuple(depends_on),
        reads=reads,
        providers=(ProviderSpec(None, MANAGEMENT, region),) if name is None else (),
    )


def plan_config_recorders(index: PlanIndex) -> list[StackPart]:
    archive = log_archive(index.org)
    if archive is None:
        return []
    regions = landing_zone_regions(index.org)
    return [
        _part(index, archive, name, region)
        for name in recording_accounts(index.org)
        for region in regions
    ]


def security_log_sources(index: PlanIndex) -> dict[str, Any]:
    """What the log archive's bucket and key policies admit for the security services: the
    accounts with Config recorders, and the GuardDuty administrator when it exports findings
    (an HCL expression, or None)."""
    security = index.org.security
    exports = security is not None and security.guardduty.enabled
    exports = exports and security is not None and security.guardduty.export_findings
    return {
        "config_sources": config_sources(index),
        "guardduty_source": account_id_expr(index, security.audit_account)
        if exports and security is not None
        else None,
    }
