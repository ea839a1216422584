"""The security baseline: service control policies, the log archive and the organization trail.

Three stack parts, in three stacks:

- organization stack: the service control policies (``baseline.tf``, the policy JSON under
  ``scp/``) and their attachments to OUs and accounts;
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

from typing import Any

from lzgen.model import OrgFile
from lzgen.model.baseline import Baseline, ParametrisedPolicy
from lzgen.plan.index import PlanIndex
from lzgen.plan.log_archive import (
    LogArchive,
    flow_log_accounts,
    log_archive,
    trail_arn,
    trail_name,
)
from lzgen.plan.naming import ident, ou_ident
from lzgen.plan.stack import MANAGEMENT, account_id_expr
from lzgen.plan.types import ORGANIZATION, ORGANIZATION_TRAIL, FileSpec, ProviderSpec, StackPart
from lzgen.scp import LIBRARY, policy_context

TRAIL_LOG_GROUP = "/lzgen/organization-trail"
TRAIL_LOG_RETENTION_DAYS = 365


# --- service control policies ---------------------------------------------------------------


def _policy_targets(org: OrgFile, baseline: Baseline) -> list[dict[str, Any]]:
    accounts = {a.name: a for a in org.accounts}
    targets: list[dict[str, Any]] = [
        {"kind": "ou", "name": path, "ou": ou_ident(path), "account": None, "account_id": None}
        for path in baseline.attach.ous
    ]
    for name in baseline.attach.accounts:
        account = accounts[name]
        targets.append(
            {
                "kind": "account",
                "name": name,
                "ou": None,
                "account": ident(name) if account.id is None else None,
                "account_id": account.id,
            }
        )
    return targets


def _policies(org: OrgFile, baseline: Baseline) -> list[dict[str, Any]]:
    targets = _policy_targets(org, baseline)
    policies = []
    for entry in baseline.service_control_policies:
        name = entry.name if isinstance(entry, ParametrisedPolicy) else entry
        regions = tuple(entry.regions) if isinstance(entry, ParametrisedPolicy) else ()
        policies.append(
            {
                "id": ident(name),
                "name": name,
                "description": LIBRARY[name].description,
                "file": f"scp/{name}.json",
                "template": LIBRARY[name].template,
                "context": policy_context(org.organization.deployer_role, regions),
                "attachments": [
                    {**t, "id": ident(name, t["kind"], *t["name"].split("/"))} for t in targets
                ],
            }
        )
    return policies


def _scp_part(org: OrgFile, baseline: Baseline) -> StackPart | None:
    policies = _policies(org, baseline)
    if not policies:
        return None
    files = (
        FileSpec("baseline.tf", "baseline/service_control_policies.tf.j2", {"policies": policies}),
        *(FileSpec(p["file"], p["template"], p["context"]) for p in policies),
    )
    return StackPart(ORGANIZATION, files, sum(1 + len(p["attachments"]) for p in policies))


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
        "object_lock": baseline.object_lock_days is not None,
        "object_lock_days": baseline.object_lock_days,
    }
    files = (
        FileSpec("log_archive.tf", "baseline/log_archive.tf.j2", {"archive": context}),
        FileSpec("outputs.tf", "baseline/log_archive_outputs.tf.j2", {"archive": context}),
    )
    context["flow_logs"] = bool(context["flow_log_sources"])
    resources = 10 + int(baseline.object_lock_days is not None)
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
    scps = _scp_part(org, baseline)
    if scps is not None:
        parts.insert(0, scps)
    if baseline.organization_trail:
        parts.append(_trail_part(index, archive))
    return parts
