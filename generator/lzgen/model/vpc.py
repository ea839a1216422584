"""VPCs: CIDR, AZs, subnet tiers, NAT, IPv6, flow logs and endpoints."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from lzgen.model.common import Name, StrictModel
from lzgen.model.sharing import ShareWith
from lzgen.model.transit_gateway import VpcAttachment, VpnConnection

ServiceName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.-]{0,63}$")]
AzLetter = Annotated[str, StringConstraints(pattern=r"^[a-z]$")]


class SubnetTier(StrictModel):
    """One subnet per AZ, carved from the VPC CIDR unless ``cidrs`` pins them (in AZ order)."""

    name: Name
    type: Literal["public", "private", "isolated"]
    size: Annotated[int, Field(ge=1, le=32)]
    cidrs: list[str] | None = None
    share_with: ShareWith | None = None
    renamed_from: Name | None = None  # the name it had: its resources are moved


class Endpoints(StrictModel):
    gateway: list[Literal["s3", "dynamodb"]] = []
    interface: list[ServiceName] = []
    subnet_tier: Name | None = None


class IngressRouting(StrictModel):
    """VPC ingress routing: traffic from the internet gateway to the protected tiers goes
    through an appliance's network interface in the same AZ."""

    appliance_tier: Name
    protected_tiers: Annotated[list[Name], Field(min_length=1)]
    allowed_ports: list[Annotated[int, Field(ge=1, le=65535)]] = [443]


class VpnGateway(StrictModel):
    """A virtual private gateway on the VPC, for VPNs that do not go through a TGW."""

    asn: int
    vpn_connections: list[VpnConnection] = []


class Vpc(StrictModel):
    name: Name
    account: str
    region: str
    cidr: str
    azs: Annotated[list[AzLetter], Field(min_length=1)]
    nat_gateways: Literal["none", "single", "per_az"] = "per_az"
    ipv6: bool = False
    flow_logs: bool = True
    flow_logs_retention_days: Literal[
        365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653
    ] = 365
    subnets: Annotated[list[SubnetTier], Field(min_length=1)]
    endpoints: Endpoints = Endpoints()
    reserve_azs: Literal[1, 2, 4, 8] = 4
    allow_overlap: bool = False
    transit_gateway: VpcAttachment | None = None
    ingress_routing: IngressRouting | None = None
    vpn_gateway: VpnGateway | None = None
    renamed_from: Name | None = None  # the name it had: its resources are moved
