"""The log archive's place and the names other stacks derive from it: the bucket is
``log-archive-<management account id>-<org name>`` and the trail ARN is known from the
management account id, the home region and the trail name (so no stack reads them from state).
"""

from __future__ import annotations

from dataclasses import dataclass

from lzgen.model import OrgFile
from lzgen.model.organization import Account


@dataclass(frozen=True)
class LogArchive:
    """Where the log archive lives and the names other stacks derive from it."""

    account: Account
    region: str
    bucket: str

    @property
    def home(self) -> tuple[str, str]:
        return (self.account.name, self.region)

    @property
    def stack_path(self) -> str:
        return f"accounts/{self.account.name}/{self.region}"

    @property
    def bucket_arn(self) -> str:
        return f"arn:aws:s3:::{self.bucket}"


def log_bucket_name(org: OrgFile) -> str:
    """Globally unique through the management account id, at most 63 characters."""
    name = f"log-archive-{org.organization.management_account_id}-{org.organization.name}"
    return name[:63].rstrip("-")


def log_archive(org: OrgFile) -> LogArchive | None:
    if org.baseline is None:
        return None
    account = next(a for a in org.accounts if a.name == org.baseline.log_archive_account)
    return LogArchive(account, org.organization.home_region, log_bucket_name(org))


def central_flow_logs(org: OrgFile) -> LogArchive | None:
    """The log archive when VPC flow logs go to its bucket, else None."""
    archive = log_archive(org)
    if archive is None or org.baseline is None or org.baseline.flow_logs_destination != "central":
        return None
    return archive


def flow_log_accounts(org: OrgFile) -> list[str]:
    """The accounts whose VPCs deliver flow logs to the log archive bucket, in the file's order
    of accounts: the only sources its bucket and key policies admit."""
    if central_flow_logs(org) is None:
        return []
    sending = {v.account for v in org.vpcs if v.flow_logs}
    return [a.name for a in org.accounts if a.name in sending]


def trail_name(org: OrgFile) -> str:
    return f"{org.organization.name}-organization-trail"


def trail_arn(org: OrgFile) -> str:
    o = org.organization
    return f"arn:aws:cloudtrail:{o.home_region}:{o.management_account_id}:trail/{trail_name(org)}"
