"""The audit account's part of the security services, in its stack of each region in use.

GuardDuty (every region): the audit account's detector and its protection plans, then the
audit account designated GuardDuty administrator of the region (through the ``management``
provider alias: the management account's call), then the organization configuration that
enrols every member, present and future, with the same plans, and the findings export to the
log archive. Security Hub (home region): the audit account's hub, its designation, the finding
aggregator linking the other regions, and central configuration: one configuration policy with
the standards, associated with the organization's root. Access Analyzer (every region): an
organization analyzer, and in the home region an unused-access one when asked. Config (home
region): an organization aggregator of every region, through a role of its own.
"""

from __future__ import annotations

from typing import Any

from lzgen.model.security import GuardDutyProtection, Security
from lzgen.plan.index import PlanIndex
from lzgen.plan.log_archive import LogArchive, log_archive
from lzgen.plan.naming import ident
from lzgen.plan.regions import landing_zone_regions
from lzgen.plan.security_scope import LOG_ARCHIVE_STATE, kms_key_expr
from lzgen.plan.stack import MANAGEMENT
from lzgen.plan.types import ORGANIZATION, FileSpec, ProviderSpec, StackPart, account_path

MANAGEMENT_ALIAS = "management"
STANDARDS = {
    "aws-foundational-security-best-practices": "aws-foundational-security-best-practices/v/1.0.0",
    "cis-aws-foundations-benchmark": "cis-aws-foundations-benchmark/v/3.0.0",
    "nist-800-53": "nist-800-53/v/5.0.0",
    "pci-dss": "pci-dss/v/3.2.1",
    "aws-resource-tagging": "aws-resource-tagging-standard/v/1.0.0",
}
RUNTIME_AGENTS = ("EKS_ADDON_MANAGEMENT", "ECS_FARGATE_AGENT_MANAGEMENT", "EC2_AGENT_MANAGEMENT")


def guardduty_features(protection: GuardDutyProtection) -> list[dict[str, Any]]:
    """Every protection plan, on or off: all are declared, so turning one off turns it off."""
    plans = (
        ("S3_DATA_EVENTS", protection.s3, ()),
        ("EKS_AUDIT_LOGS", protection.eks, ()),
        ("EBS_MALWARE_PROTECTION", protection.malware, ()),
        ("RDS_LOGIN_EVENTS", protection.rds, ()),
        ("LAMBDA_NETWORK_LOGS", protection.lambda_network, ()),
        ("RUNTIME_MONITORING", protection.runtime, RUNTIME_AGENTS),
    )
    return [
        {"id": name.lower(), "name": name, "enabled": on, "additional": list(extra)}
        for name, on, extra in plans
    ]


def _guardduty(security: Security, archive: LogArchive, path: str) -> dict[str, Any] | None:
    if not security.guardduty.enabled:
        return None
    export = security.guardduty.export_findings
    return {
        "features": guardduty_features(security.guardduty.protection),
        "export": export,
        "bucket_arn": archive.bucket_arn,
        "kms_key_arn": kms_key_expr(archive, path) if export else None,
    }


def _security_hub(security: Security, regions: list[str]) -> dict[str, Any] | None:
    if not security.security_hub.enabled:
        return None
    home = regions[0]
    return {
        "linked_regions": regions[1:],
        "standards": [
            {"name": s, "arn": f"arn:aws:securityhub:{home}::standards/{STANDARDS[s]}"}
            for s in dict.fromkeys(security.security_hub.standards)
        ],
    }


def _count(ctx: dict[str, Any]) -> int:
    count = 0
    if ctx["guardduty"] is not None:
        # detector, its plans, the designation, the organization configuration and its plans
        count += 3 + 2 * len(ctx["guardduty"]["features"]) + int(ctx["guardduty"]["export"])
    if ctx["security_hub"] is not None:
        count += 6  # hub, designation, aggregator, organization configuration, policy, association
    if ctx["access_analyzer"] is not None:
        count += 1 + int(ctx["access_analyzer"]["unused_access_days"] is not None)
    if ctx["config_aggregator"] is not None:
        count += 3  # role, its managed policy, the aggregator
    return count


def plan_audit(index: PlanIndex) -> list[StackPart]:
    org = index.org
    security = org.security
    archive = log_archive(org)
    if security is None or archive is None:
        return []
    regions = landing_zone_regions(org)
    parts = []
    for region in regions:
        home = region == regions[0]
        path = account_path(security.audit_account, region)
        analyzer = security.access_analyzer
        ctx: dict[str, Any] = {
            "region": region,
            "guardduty": _guardduty(security, archive, path),
            "security_hub": _security_hub(security, regions) if home else None,
            "access_analyzer": {
                "unused_access_days": analyzer.unused_access_days if home else None,
            }
            if analyzer.enabled
            else None,
            "config_aggregator": {"name": ident(org.organization.name)}
            if home and security.config.enabled
            else None,
        }
        count = _count(ctx)
        if not count:
            continue
        providers: tuple[ProviderSpec, ...] = ()
        if ctx["guardduty"] is not None or ctx["security_hub"] is not None:
            providers = (ProviderSpec(MANAGEMENT_ALIAS, MANAGEMENT, region),)
        reads: list[tuple[str, str]] = []
        if ctx["guardduty"] is not None and ctx["guardduty"]["export"]:
            reads.append((LOG_ARCHIVE_STATE, archive.stack_path))
        if ctx["security_hub"] is not None:
            reads.append((ORGANIZATION, ORGANIZATION))  # the root the policy is associated with
        files = (FileSpec("security.tf", "security/audit.tf.j2", {"audit": ctx}),)
        parts.append(
            StackPart(
                path,
                files,
                count,
                depends_on=tuple(p for _, p in reads),
                reads=tuple(reads),
                providers=providers,
            )
        )
    return parts
