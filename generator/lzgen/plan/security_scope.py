"""Where the security services act: the stacks of the management account's own recorders and
the log archive's key, shared by plan/security_audit.py and plan/security_config.py (the
regions in use are plan/regions.py's)."""

from __future__ import annotations

from lzgen.plan.log_archive import LogArchive

LOG_ARCHIVE_STATE = "log_archive"  # the remote state name of the log archive's stack
KMS_KEY_OUTPUT = "log_archive_kms_key_arn"  # its output (templates/baseline/log_archive_outputs)


def management_security_path(region: str) -> str:
    """Stack path of an unlisted management account's Config recorder in one region: after the
    log archive, which the organization stack comes before."""
    return f"security/management/{region}"


def kms_key_expr(archive: LogArchive, path: str) -> str:
    """The log archive key's ARN in the stack at ``path``: its resource in the log archive's
    own stack, else the log archive stack's output."""
    if path == archive.stack_path:
        return "aws_kms_key.log_archive.arn"
    return f"data.terraform_remote_state.{LOG_ARCHIVE_STATE}.outputs.{KMS_KEY_OUTPUT}"
