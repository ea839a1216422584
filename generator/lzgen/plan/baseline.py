"""The security baseline: the log archive and the organization trail (its service control
policies are plan/guardrails.py's, in the organization stack).

Two stack parts, in two stacks:

- the log archive account's home-region stack: the log bucket and its KMS key;
- ``organization-trail`` (management account, home region): the organization trail, its KMS key
  and CloudWatch Logs group. It is its own stack because the trail needs the bucket, and the
  bucket's stack needs the organization stack (which may create the log archive account):
  organization -> log archive -> organization-trail.

Names that other stacks use are derived, not read: the bucket is
``log-archive-<management account id>-<org name>`` and the trail ARN is known from the
management account id, the home region and the trail name.
"""

from __future__ import annotations

from lzgen.model.baseline import Baseline
from lzgen.plan.index import PlanIndex
from lzgen.plan.log_archive import (
    LogArchive,
    flow_log_accounts,
    log_archive,
    trail_arn,
    trail_name,
)
from lzgen.plan.log_retention import retention_context, retention_resources
from lzgen.plan.security_config import security_log_sources
from lzgen.plan.stack import MANAGEMENT, account_id_expr
from lzgen.plan.types import ORGANIZATION, ORGANIZATION_TRAIL, FileSpec, ProviderSpec, StackPart

TRAIL_LOG_GROUP = "/lzgen/organization-trail"
TRAIL_LOG_RETENTION_DAYS = 365


# --- log archive ----------------------------------------------------------------------------


def _flow_log_sources(index: PlanIndex) -> list[dict[str, str]]:
    """Each account that delivers flow logs to the bucket, with its id as an HCL expression (a
    literal id, or the organization stack's output for an account lzgen creates)."""
    return [
        {"name": name, "id": account_id_expr(index, name)} for name in flow_log_accounts(index.org)
    ]


def _log_archive_part(index: PlanIndex, baseline: Baseline, archive: LogArchive) -> StackPart:
    org = index.org
    context = {
        "bucket": archive.bucket,
        "bucket_arn": archive.bucket_arn,
        "management_account_id": org.organization.management_account_id,
        "trail_arn": trail_arn(org) if baseline.organization_trail else None,
        "flow_log_sources": _flow_log_sources(index),
        **security_log_sources(index),  # AWS Config and GuardDuty delivery (security:)
        **retention_context(index, archive, baseline),
    }
    files: tuple[FileSpec, ...] = (
        FileSpec("log_archive.tf", "baseline/log_archive.tf.j2", {"archive": context}),
        FileSpec("outputs.tf", "baseline/log_archive_outputs.tf.j2", {"archive": context}),
    )
    if context["reader"] is not None:
        reader = FileSpec("log_reader.tf", "baseline/log_archive_reader.tf.j2", context)
        files = (files[0], reader, *files[1:])
    context["flow_logs"] = bool(context["flow_log_sources"])
    resources = 10 + retention_resources(context)
    # the bucket policy admits only this organization: its id comes from the organization stack
    return StackPart(archive.stack_path, files, resources, reads=((ORGANIZATION, ORGANIZATION),))


# --- organization trail ---------------------------------------------------------------------


def _trail_part(index: PlanIndex, archive: LogArchive) -> StackPart:
    org = index.org
    o = org.organization
    created = archive.account.id is None
    context = {
        "name": trail_name(org),
        "arn": trail_arn(org),
        "region": o.home_region,
        "management_account_id": o.management_account_id,
        "bucket": archive.bucket,
        "log_archive": {
            "name": archive.account.name,
            "id_expr": account_id_expr(index, archive.account.name),
        },
        "log_group": TRAIL_LOG_GROUP,
        "log_group_arn": f"arn:aws:logs:{o.home_region}:{o.management_account_id}:log-group:"
        f"{TRAIL_LOG_GROUP}",
        "retention_days": TRAIL_LOG_RETENTION_DAYS,
    }
    files = (
        FileSpec("organization_trail.tf", "baseline/organization_trail.tf.j2", {"trail": context}),
    )
    return StackPart(
        ORGANIZATION_TRAIL,
        files,
        6,
        depends_on=(archive.stack_path,),
        reads=((ORGANIZATION, ORGANIZATION),) if created else (),
        providers=(ProviderSpec(None, MANAGEMENT, o.home_region),),
    )


def plan_baseline(index: PlanIndex) -> list[StackPart]:
    org = index.org
    baseline = org.baseline
    archive = log_archive(org)
    if baseline is None or archive is None:
        return []
    parts = [_log_archive_part(index, baseline, archive)]
    if baseline.organization_trail:
        parts.append(_trail_part(index, archive))
    return parts
