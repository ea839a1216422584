"""Organization-wide detective services run from an audit account: GuardDuty, Security Hub,
AWS Config and IAM Access Analyzer, each on by default once the ``security:`` block exists."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from lzgen.model.common import StrictModel

# Security Hub standards by name; plan/security_hub.py knows each one's ARN and version
Standard = Literal[
    "aws-foundational-security-best-practices",
    "cis-aws-foundations-benchmark",
    "nist-800-53",
    "pci-dss",
    "aws-resource-tagging",
]
DEFAULT_STANDARDS: tuple[Standard, ...] = (
    "aws-foundational-security-best-practices",
    "cis-aws-foundations-benchmark",
)


class GuardDutyProtection(StrictModel):
    """The protection plans every account gets, beyond foundational threat detection."""

    s3: bool = True  # S3 data events
    eks: bool = True  # EKS audit logs
    malware: bool = True  # EBS scans of instances with findings
    rds: bool = True  # RDS login events
    lambda_network: bool = True  # Lambda network activity
    runtime: bool = False  # runtime monitoring agents on EKS, ECS Fargate and EC2 (priced per vCPU)


class GuardDuty(StrictModel):
    enabled: bool = True
    protection: GuardDutyProtection = GuardDutyProtection()
    # every region's findings to the log archive bucket, encrypted with its key
    export_findings: bool = True


class SecurityHub(StrictModel):
    """Central configuration from the home region: one policy for every account and region,
    findings aggregated into the home region."""

    enabled: bool = True
    standards: list[Standard] = list(DEFAULT_STANDARDS)


class Config(StrictModel):
    """A recorder in every account and region, delivering to the log archive; an organization
    aggregator in the audit account."""

    enabled: bool = True
    recording_frequency: Literal["continuous", "daily"] = "continuous"


class AccessAnalyzer(StrictModel):
    enabled: bool = True
    # an organization unused-access analyzer too (priced per role and user), home region
    unused_access_days: Annotated[int, Field(ge=1, le=365)] | None = None


class Security(StrictModel):
    # the delegated administrator of every security service
    audit_account: str
    guardduty: GuardDuty = GuardDuty()
    security_hub: SecurityHub = SecurityHub()
    config: Config = Config()
    access_analyzer: AccessAnalyzer = AccessAnalyzer()
