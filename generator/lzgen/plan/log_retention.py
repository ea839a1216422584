"""The immutable part of the log archive: object lock retention, the lifecycle that follows it,
the principals exempt from the bucket's and key's denies of destructive actions, and the audit
account's read-only role.

Every principal but two is denied deleting or reconfiguring the bucket and its key: the role
that applies the stack (the deployer role, or the pipeline role when the log archive is the
management account) and ``baseline.break_glass_role``. AWS services writing logs never call
those actions, so they keep writing.
"""

from __future__ import annotations

from typing import Any

from lzgen.model.baseline import Baseline
from lzgen.plan.index import PlanIndex
from lzgen.plan.log_archive import LogArchive, trail_name
from lzgen.plan.stack import account_id_expr

LOG_READER_ROLE = "lzgen-log-reader"

# (storage class, days after creation): Standard-IA after 30 days (its minimum), Glacier
# Instant Retrieval 60 days later (at least 30 after Standard-IA), Deep Archive after a year
TRANSITIONS: tuple[tuple[str, int], ...] = (
    ("STANDARD_IA", 30),
    ("GLACIER_IR", 90),
    ("DEEP_ARCHIVE", 365),
)

# what no principal but the exempt roles may do to the bucket (and, by IAM's action names, what
# each S3 API that deletes or loosens a protection needs)
DENIED_BUCKET_ACTIONS: tuple[str, ...] = (
    "s3:BypassGovernanceRetention",
    "s3:DeleteBucket",
    "s3:DeleteBucketPolicy",
    "s3:DeleteObject",
    "s3:DeleteObjectVersion",
    "s3:PutBucketAcl",
    "s3:PutBucketObjectLockConfiguration",
    "s3:PutBucketOwnershipControls",
    "s3:PutBucketPolicy",
    "s3:PutBucketPublicAccessBlock",
    "s3:PutBucketVersioning",
    "s3:PutEncryptionConfiguration",
    "s3:PutLifecycleConfiguration",
    "s3:PutObjectLegalHold",
    "s3:PutObjectRetention",
    "s3:PutReplicationConfiguration",
)
# a disabled or deleted key makes every log object it encrypts unreadable
DENIED_KEY_ACTIONS: tuple[str, ...] = (
    "kms:DisableKey",
    "kms:PutKeyPolicy",
    "kms:ScheduleKeyDeletion",
)


def lifecycle(baseline: Baseline) -> dict[str, Any]:
    """Transitions before the current versions expire (all of them when they never do), and
    noncurrent versions expire once their retention is over."""
    retention = baseline.log_retention
    expire = retention.expire_days
    return {
        "transitions": [
            {"storage_class": cls, "days": days}
            for cls, days in TRANSITIONS
            if expire is None or days < expire
        ],
        "expire_days": expire,
        "noncurrent_days": retention.days,
    }


def exempt_roles(index: PlanIndex, archive: LogArchive, baseline: Baseline) -> list[str]:
    """Role names exempt from the denies, in the log archive account: the one that applies the
    stack, and the break-glass role."""
    o = index.org.organization
    applier = o.pipeline.role if archive.account.id == o.management_account_id else o.deployer_role
    return list(dict.fromkeys((applier, baseline.break_glass_role)))


def log_reader(index: PlanIndex, archive: LogArchive, trail: bool) -> dict[str, Any] | None:
    """The audit account's read-only role in the log archive account, when ``security:`` is
    set: the audit account's id as an HCL expression, and the trail's key pattern (its log
    files are encrypted with the organization-trail stack's key in the management account)."""
    security = index.org.security
    if security is None:
        return None
    o = index.org.organization
    return {
        "name": LOG_READER_ROLE,
        "audit_account": security.audit_account,
        "audit_account_id": account_id_expr(index, security.audit_account),
        "trail_keys": f"arn:aws:kms:{archive.region}:{o.management_account_id}:key/*"
        if trail
        else None,
        "trail_arn_pattern": f"arn:aws:cloudtrail:*:{o.management_account_id}:trail/"
        f"{trail_name(index.org)}",
    }


def retention_context(index: PlanIndex, archive: LogArchive, baseline: Baseline) -> dict[str, Any]:
    return {
        "retention": {"mode": baseline.log_retention.mode, "days": baseline.log_retention.days},
        "lifecycle": lifecycle(baseline),
        "exempt_roles": exempt_roles(index, archive, baseline),
        "denied_bucket_actions": list(DENIED_BUCKET_ACTIONS),
        "denied_key_actions": list(DENIED_KEY_ACTIONS),
        "reader": log_reader(index, archive, baseline.organization_trail),
    }


def retention_resources(context: dict[str, Any]) -> int:
    """Resources the immutable part adds: object lock configuration, and the reader's role and
    inline policy."""
    return 1 + (2 if context["reader"] is not None else 0)
