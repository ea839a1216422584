"""The checkov checks lzgen's output deliberately does not meet, each with its reason: one
registry, rendered as inline ``# checkov:skip=ID: reason`` comments inside the one resource
block each concerns (templates call ``checkov_skips("<concern>")``), so a plain
``checkov -d <tree>`` passes on the committed tree with no option and no file of the user's.

Add an entry only when a check is wrong for what lzgen writes, and say why in one line (the
README's "Checkov skips" says more); tests/test_checkov.py fails on an entry no rendered
resource needs, and on a skip that is not here. A check that only fails on resolved values
(an account id from remote state) fails in ``checkov -f tfplan.json`` alone: mark it
``plan_only``, and tests/test_checkov.py proves it on the plans of the stacks it is in.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Skip:
    check: str  # checkov's id: CKV_AWS_18, CKV2_AWS_57
    reason: str  # one line: why lzgen's output is right and the check is not
    plan_only: bool = False  # fails on the plan JSON only, not on the HCL


_NO_ACCESS_LOG = (
    "access logging needs a second bucket that fails this check in turn (and cannot use "
    "SSE-KMS); TLS-only policy, versioning and the organization trail record every access"
)
_ACCOUNT_TRUST = (
    "the trusted account's own IAM policies say which of its roles assume this one; IAM refuses "
    "a trust naming a role that does not exist yet, and lzgen creates none there"
)
_NO_REPLICATION = (
    "cross-region replication is a data-residency and cost decision the org file does not make; "
    "versioning and prevent_destroy guard deletion"
)

SKIPS: dict[str, tuple[Skip, ...]] = {
    # aws_config_configuration_recorder.this outside the home region (security.config)
    "config_recorder_regional": (
        Skip(
            "CKV2_AWS_48",
            "global resource types (IAM) are recorded once, by the home region's recorder; "
            "recording them in every region duplicates their items and cost",
        ),
    ),
    # aws_s3_bucket.log_archive (the log archive account's stack)
    "log_archive_bucket": (
        Skip("CKV_AWS_18", f"the log archive: {_NO_ACCESS_LOG}"),
        Skip("CKV_AWS_144", f"the log archive: {_NO_REPLICATION}"),
    ),
    # aws_iam_role.log_reader (the log archive account's stack, with security:)
    "log_reader_role": (
        Skip("CKV_AWS_61", f"the audit account reads the log archive: {_ACCOUNT_TRUST}", True),
    ),
    # aws_s3_bucket.state (bootstrap/)
    "state_bucket": (
        Skip("CKV_AWS_18", f"Terraform state: {_NO_ACCESS_LOG}"),
        Skip("CKV_AWS_144", f"Terraform state: {_NO_REPLICATION}"),
    ),
    # aws_s3_bucket.<portfolio> (service-catalog/<portfolio>/<publisher>)
    "service_catalog_bucket": (
        Skip("CKV_AWS_18", f"blueprint templates: {_NO_ACCESS_LOG}"),
        Skip(
            "CKV_AWS_144",
            "blueprint templates: the rendered tree is their source of truth, and Service "
            "Catalog keeps its own copy of every published version",
        ),
    ),
    # aws_iam_role.<principal> (service-catalog/<portfolio>/<receiver>)
    "service_catalog_launch_role": (
        Skip("CKV_AWS_61", f"a product team role of the account: {_ACCOUNT_TRUST}", True),
    ),
    # aws_cloudtrail.organization (organization-trail/)
    "organization_trail": (
        Skip(
            "CKV_AWS_252",
            "an SNS message per log file of every account and region has no consumer; new "
            "objects go to EventBridge from the log archive bucket instead",
        ),
    ),
    # aws_iam_role_policy_attachment.pipeline_administrator (bootstrap/)
    "pipeline_role": (
        Skip(
            "CKV_AWS_274",
            "the one role that deploys the landing zone administers the management account; "
            "its trust (named roles or CI's OIDC subjects, one-hour sessions) is what is narrow",
        ),
    ),
    # aws_ssoadmin_managed_policy_attachment.<set>_administratoraccess (identity-center/)
    "identity_center_administrator": (
        Skip(
            "CKV_AWS_274",
            "a permission set for administrators: only the groups the org file assigns it get "
            "it, in the accounts named, for its session_duration; group membership is the control",
        ),
    ),
    # aws_secretsmanager_secret.<directory>_admin (directories/<name>/<owner>)
    "directory_admin_secret": (
        Skip(
            "CKV2_AWS_57",
            "rotation needs a Lambda calling ds:ResetUserPassword, which lzgen does not ship; "
            "rotate in AD, then update the secret (the generated README says how)",
        ),
    ),
}


def skip_comments(concern: str) -> str:
    """The inline skips of one resource block, a comment line each (two-space indented; the
    template ends the last line)."""
    return "\n".join(f"  # checkov:skip={s.check}: {s.reason}" for s in SKIPS[concern])
