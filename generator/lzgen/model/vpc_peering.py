"""VPC peering: between two VPCs of the organization (same or different account and region), or
from a VPC of the organization to a VPC outside it (``accepter: {external: {...}}``), whose
owner accepts the connection and routes back on their side."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Discriminator, StringConstraints, Tag

from lzgen.model.common import Name, StrictModel

PeerAccountId = Annotated[str, StringConstraints(pattern=r"^[0-9]{12}$")]
PeerVpcId = Annotated[str, StringConstraints(pattern=r"^vpc-([0-9a-f]{8}|[0-9a-f]{17})$")]


class ExternalVpc(StrictModel):
    """A VPC outside the organization: its owner's account, its id, its CIDR and region."""

    account_id: PeerAccountId
    vpc_id: PeerVpcId
    cidr: str
    region: str


class ExternalPeer(StrictModel):
    external: ExternalVpc


def _accepter_form(value: Any) -> str:
    return "external-vpc" if isinstance(value, (dict, ExternalPeer)) else "vpc-name"


Accepter = Annotated[
    Annotated[str, Tag("vpc-name")] | Annotated[ExternalPeer, Tag("external-vpc")],
    Discriminator(_accepter_form),
]


class VpcPeering(StrictModel):
    name: Name
    requester: str
    accepter: Accepter
    renamed_from: Name | None = None  # the name it had: its stack's resources are moved

    @property
    def accepter_vpc(self) -> str | None:
        """The accepter's VPC name, None when the accepter is outside the organization."""
        return self.accepter if isinstance(self.accepter, str) else None

    @property
    def external(self) -> ExternalVpc | None:
        """The accepter outside the organization, None for a peering inside it."""
        return None if isinstance(self.accepter, str) else self.accepter.external
