"""VPC peering between two VPCs of the organization, same or different account and region."""

from __future__ import annotations

from lzgen.model.common import Name, StrictModel


class VpcPeering(StrictModel):
    name: Name
    requester: str
    accepter: str
