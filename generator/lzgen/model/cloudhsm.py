"""CloudHSM: a cluster of single-tenant HSMs in a small dedicated VPC of the organization, its
clients (VPCs of the organization that reach the HSM VPC, and VPCs outside it peered with the
HSM VPC: ``vpc_peerings`` with an external accepter), and optionally a KMS custom key store
backed by the cluster.

Clients reach the HSMs' own addresses directly (peering or Transit Gateway): NAT, load balancers
and PrivateLink endpoint services between a client and the HSMs do not work, since they mask
the HSM nodes' real addresses.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from lzgen.model.common import Name, StrictModel

HSMS_PER_CLUSTER = 28  # AWS's quota of HSMs in one cluster

KeyStoreName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:/-]{1,256}$")]


class HsmClients(StrictModel):
    """Who may talk to the HSMs (TCP 2223-2225): VPCs of the organization by name, and external
    peers by the name of their peering with the HSM VPC."""

    vpcs: list[str] = []
    peerings: list[str] = []


class CustomKeyStore(StrictModel):
    """A KMS custom key store on the cluster. It is connected in a second phase, after the
    cluster is initialised and activated by hand; ``trust_anchor_certificate`` is the PEM file
    of the certificate that signed the cluster's CSR, relative to the org file."""

    name: KeyStoreName
    trust_anchor_certificate: Annotated[str, StringConstraints(min_length=1, max_length=1024)]


class CloudHsmCluster(StrictModel):
    name: Name
    vpc: str  # an lzgen VPC: its account and region are the cluster's
    tier: Name  # the tier whose subnets (one per AZ) hold the HSMs
    hsm_type: Literal["hsm1.medium", "hsm2m.medium"] = "hsm2m.medium"
    hsms: Annotated[int, Field(ge=1)] = 2  # spread round-robin over the tier's AZs
    clients: HsmClients = HsmClients()
    kms_custom_key_store: CustomKeyStore | None = None


def hsm_azs(cluster: CloudHsmCluster, azs: list[str]) -> list[str]:
    """The AZ letter of each HSM, in order: round-robin over the VPC's AZs."""
    return [azs[i % len(azs)] for i in range(cluster.hsms)] if azs else []
