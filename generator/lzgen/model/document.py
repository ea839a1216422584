"""The whole org file."""

from __future__ import annotations

from typing import Literal

from lzgen.model.account_settings import AccountSettings
from lzgen.model.baseline import Baseline
from lzgen.model.cloudhsm import CloudHsmCluster
from lzgen.model.common import StrictModel
from lzgen.model.directory import Directory
from lzgen.model.ecs_cluster import EcsCluster
from lzgen.model.identity_center import IdentityCenter
from lzgen.model.organization import Account, Organization, OrganizationalUnit, reaches
from lzgen.model.security import Security
from lzgen.model.service_catalog import ServiceCatalog
from lzgen.model.transit_gateway import TransitGateway
from lzgen.model.vpc import Vpc
from lzgen.model.vpc_peering import VpcPeering


class OrgFile(StrictModel):
    version: Literal[1]
    organization: Organization
    organizational_units: list[OrganizationalUnit] = []
    accounts: list[Account] = []
    vpcs: list[Vpc] = []
    baseline: Baseline | None = None
    security: Security | None = None
    account_settings: list[AccountSettings] = []
    transit_gateways: list[TransitGateway] = []
    vpc_peerings: list[VpcPeering] = []
    directories: list[Directory] = []
    cloudhsm_clusters: list[CloudHsmCluster] = []
    ecs_clusters: list[EcsCluster] = []
    service_catalog: ServiceCatalog | None = None
    identity_center: IdentityCenter | None = None


def referenced_files(org: OrgFile) -> list[str]:
    """Paths of the files the org file names, as written (relative to the file): what the load
    stage reads for the rules and the plan."""
    return [
        c.kms_custom_key_store.trust_anchor_certificate
        for c in org.cloudhsm_clusters
        if c.kms_custom_key_store is not None
    ]


def scp_reach(org: OrgFile) -> list[Account]:
    """Member accounts the service control policies apply to, in YAML order. SCPs never
    restrict the management account, so it is left out even when named."""
    if org.baseline is None:
        return []
    attach = org.baseline.attach
    management_id = org.organization.management_account_id
    return [
        a for a in org.accounts if a.id != management_id and reaches(attach.accounts, attach.ous, a)
    ]
