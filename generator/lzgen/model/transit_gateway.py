"""Transit Gateways: route tables, static and blackhole routes, RAM share, site-to-site VPN.

VPCs attach themselves (``vpcs[].transit_gateway``); this module holds the hub's side.
"""

from __future__ import annotations

from typing import Literal

from lzgen.model.common import Name, StrictModel
from lzgen.model.sharing import ShareWith


class CustomerGateway(StrictModel):
    ip: str
    asn: int


class VpnConnection(StrictModel):
    """A site-to-site VPN: two tunnels, BGP or static routes. Pre-shared keys are generated
    by AWS and never written to files."""

    name: Name
    customer_gateway: CustomerGateway
    routing: Literal["bgp", "static"] = "bgp"
    on_premises_cidrs: list[str] = []
    accelerated: bool = False
    route_table: Name | None = None
    propagate_to: list[Name] = []


class TgwRoute(StrictModel):
    """A static route in a TGW route table: to a VPC's attachment, a VPN, or a blackhole."""

    route_table: Name
    cidr: str
    vpc: str | None = None
    vpn: str | None = None
    blackhole: bool = False


class RouteTable(StrictModel):
    """A route table given with the name it had (``{name: spokes, renamed_from: spoke}``)."""

    name: Name
    renamed_from: Name


class TransitGateway(StrictModel):
    name: Name
    account: str
    region: str
    asn: int = 64512
    route_tables: list[Name | RouteTable]
    share_with: ShareWith = ShareWith()
    routes: list[TgwRoute] = []
    vpn_connections: list[VpnConnection] = []
    renamed_from: Name | None = None  # the name it had: its stack's resources are moved

    @property
    def route_table_names(self) -> list[str]:
        return [t if isinstance(t, str) else t.name for t in self.route_tables]


class VpcAttachment(StrictModel):
    """A VPC's attachment to a TGW, on a dedicated tier's subnets in every AZ."""

    name: Name
    subnets: Name
    route_table: Name
    propagate_to: list[Name] = []
    appliance_mode: bool = False
