"""AWS service quotas that what lzgen renders can exceed, and the values an account declares.

Service Quotas apply per account and region. An account's ``quotas:`` declares the value it
has (after an increase request, or a lower one AWS applied); a declared value applies in every
region of that account. Undeclared quotas are AWS's defaults. The LZ8xxx limit rules
(``rules/limits/``) compare what the file would create with these values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import Field

from lzgen.model.common import StrictModel


@dataclass(frozen=True)
class ServiceQuota:
    """One AWS quota: its key under ``quotas:``, its Service Quotas name and code, its
    default."""

    key: str
    name: str
    service: str  # the Service Quotas service code
    code: str | None  # None: not in Service Quotas; AWS Support raises it
    default: int
    scope: str  # what the quota counts per: "account and region", "VPC", "transit gateway"


ELASTIC_IPS = ServiceQuota(
    "elastic_ips", "EC2-VPC Elastic IPs", "ec2", "L-0263D0A3", 5, "account and region"
)
VPCS_PER_REGION = ServiceQuota(
    "vpcs_per_region", "VPCs per Region", "vpc", "L-F678F1CE", 5, "account and region"
)
INTERFACE_ENDPOINTS_PER_VPC = ServiceQuota(
    "interface_endpoints_per_vpc", "Interface VPC endpoints per VPC", "vpc", "L-29B6F2EB", 50, "VPC"
)
TGW_ATTACHMENTS = ServiceQuota(
    "transit_gateway_attachments",
    "Attachments per transit gateway",
    "ec2",
    "L-E0233F82",
    5000,
    "transit gateway",
)

# AWS Managed Microsoft AD: how many accounts one directory may be shared with, by edition
# (AWS's "Managed Microsoft AD quotas" page). Not a Service Quotas quota: AWS Support raises it.
SHARED_DIRECTORIES = {
    edition: ServiceQuota(
        "shared_directories",
        f"Shared domains per {edition} Microsoft AD",
        "ds",
        None,
        n,
        "directory",
    )
    for edition, n in (("Standard", 5), ("Enterprise", 125))
}

SECURITY_GROUP_RULES = ServiceQuota(
    "security_group_rules",
    "Inbound or outbound rules per security group",
    "vpc",
    "L-0EA8095F",
    60,
    "security group",
)

Quota = Annotated[int, Field(ge=1)]


class AccountQuotas(StrictModel):
    """Quota values this account has in every region; omitted ones are AWS's defaults."""

    elastic_ips: Quota = ELASTIC_IPS.default
    vpcs_per_region: Quota = VPCS_PER_REGION.default
    interface_endpoints_per_vpc: Quota = INTERFACE_ENDPOINTS_PER_VPC.default
    # for transit gateways this account owns
    transit_gateway_attachments: Quota = TGW_ATTACHMENTS.default
    # accounts each directory this account owns may be shared with; None: the edition's default
    shared_directories: Quota | None = None
    # inbound rules one security group may hold (a directory's: AWS's own plus lzgen's)
    security_group_rules: Quota = SECURITY_GROUP_RULES.default
