"""A VPC's template context: every address, CIDR and association decided.

Turns each VPC into a template context with every address, CIDR and association decided:
carved subnets, route tables per tier type (one per AZ for private tiers, so each AZ egresses
through its own NAT gateway), NAT gateways, endpoints and flow logs; with ``ingress_routing`` the
appliance ENIs, the IGW's gateway route table and the protected tiers' per-AZ route tables; with
``vpn_gateway`` a virtual private gateway and its site-to-site VPNs (own file per VPC).
"""

from __future__ import annotations

from typing import Any

from lzgen.cidr import CarveFailure, carve, slots_for
from lzgen.model.vpc import Vpc
from lzgen.plan.log_archive import LogArchive
from lzgen.plan.naming import ident


def _subnets(vpc: Vpc) -> list[dict[str, Any]]:
    carved = carve(vpc)
    assert not isinstance(carved, CarveFailure)
    slots = slots_for(vpc)
    return [
        {
            "id": ident(vpc.name, c.tier.name, az),
            "name": f"{vpc.name}-{c.tier.name}-{az}",
            "tier": c.tier.name,
            "type": c.tier.type,
            "az_letter": az,
            "az": f"{vpc.region}{az}",
            "cidr": str(cidr),
            "ipv6_netnum": c.index * slots + pos,
        }
        for c in carved
        for pos, (az, cidr) in enumerate(zip(vpc.azs, c.cidrs, strict=True))
    ]


def _route_tables(vpc: Vpc, all_subnets: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Public: one, default route to the IGW. Private: one per AZ, default route to that AZ's
    NAT gateway (or the single one). Isolated: one, no default route. Subnets of tiers protected
    by ingress routing get tables of their own instead (``_protected_route_tables``)."""
    protected = _protected_tiers(vpc)
    subnets = [s for s in all_subnets if s["tier"] not in protected]
    tables: list[dict[str, Any]] = []
    public = [s for s in subnets if s["type"] == "public"]
    if public:
        tables.append(
            {
                "id": ident(vpc.name, "public"),
                "name": f"{vpc.name}-public",
                "kind": "public",
                "subnets": [s["id"] for s in public],
            }
        )
    for az in vpc.azs:
        private = [s for s in subnets if s["type"] == "private" and s["az_letter"] == az]
        if not private:
            continue
        nat_az = {"per_az": az, "single": vpc.azs[0]}.get(vpc.nat_gateways)
        tables.append(
            {
                "id": ident(vpc.name, "private", az),
                "name": f"{vpc.name}-private-{az}",
                "kind": "private",
                "nat": ident(vpc.name, nat_az) if nat_az else None,
                "subnets": [s["id"] for s in private],
            }
        )
    isolated = [s for s in subnets if s["type"] == "isolated"]
    if isolated:
        tables.append(
            {
                "id": ident(vpc.name, "isolated"),
                "name": f"{vpc.name}-isolated",
                "kind": "isolated",
                "subnets": [s["id"] for s in isolated],
            }
        )
    return tables + _protected_route_tables(vpc, all_subnets)


def _nat_gateways(vpc: Vpc, subnets: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if vpc.nat_gateways == "none":
        return []
    # NAT gateways sit in the first public tier whose default route goes to the IGW, never in
    # a tier protected by ingress routing (its traffic detours through the appliance)
    first_public = next(
        t.name for t in vpc.subnets if t.type == "public" and t.name not in _protected_tiers(vpc)
    )
    azs = vpc.azs if vpc.nat_gateways == "per_az" else vpc.azs[:1]
    by_id = {s["id"]: s for s in subnets}
    return [
        {
            "id": ident(vpc.name, az),
            "name": f"{vpc.name}-{az}",
            "subnet": by_id[ident(vpc.name, first_public, az)]["id"],
        }
        for az in azs
    ]


def _endpoint_tier(vpc: Vpc) -> str | None:
    if vpc.endpoints.subnet_tier:
        return vpc.endpoints.subnet_tier
    for kind in ("private", "isolated"):
        for tier in vpc.subnets:
            if tier.type == kind:
                return tier.name
    return None


# --- VPC ingress routing ---------------------------------------------------------------------
# The IGW's gateway route table sends traffic for each protected subnet to the appliance ENI of
# that subnet's AZ; the protected subnets send their default route back through the same ENI.


def _protected_tiers(vpc: Vpc) -> set[str]:
    return set(vpc.ingress_routing.protected_tiers) if vpc.ingress_routing else set()


def _appliance_eni(vpc: Vpc, az: str) -> str:
    return ident(vpc.name, "appliance", az)


def _protected_route_tables(vpc: Vpc, subnets: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One table per protected subnet (tier and AZ): IPv4 default route to the appliance ENI of
    its AZ, IPv6 default route as its tier type has it elsewhere."""
    protected = _protected_tiers(vpc)
    has_private = any(s["type"] == "private" for s in subnets)
    ipv6_via = {
        "public": "igw" if vpc.ipv6 else None,
        "private": "eigw" if vpc.ipv6 and has_private else None,
        "isolated": None,
    }
    return [
        {
            "id": s["id"],
            "name": s["name"],
            "kind": "protected",
            "eni": _appliance_eni(vpc, s["az_letter"]),
            "ipv6_via": ipv6_via[s["type"]],
            "subnets": [s["id"]],
        }
        for tier in vpc.subnets
        if tier.name in protected
        for s in subnets
        if s["tier"] == tier.name
    ]


def _ingress_context(vpc: Vpc, subnets: list[dict[str, Any]]) -> dict[str, Any] | None:
    routing = vpc.ingress_routing
    if routing is None:
        return None
    by_tier_az = {(s["tier"], s["az_letter"]): s for s in subnets}
    return {
        "id": ident(vpc.name, "ingress"),
        "name": f"{vpc.name}-ingress",
        "security_group": ident(vpc.name, "appliance"),
        "security_group_name": f"{vpc.name}-appliance",
        "appliance_tier": routing.appliance_tier,
        "ports": sorted(set(routing.allowed_ports)),
        "enis": [
            {
                "id": _appliance_eni(vpc, az),
                "name": f"{vpc.name}-appliance-{az}",
                "az": f"{vpc.region}{az}",
                "subnet": by_tier_az[(routing.appliance_tier, az)]["id"],
            }
            for az in vpc.azs
        ],
        "routes": [
            {
                "id": ident(vpc.name, "ingress", tier, az),
                "subnet": by_tier_az[(tier, az)]["id"],
                "eni": _appliance_eni(vpc, az),
            }
            for tier in (t.name for t in vpc.subnets if t.name in routing.protected_tiers)
            for az in vpc.azs
        ],
    }


# --- virtual private gateway and its site-to-site VPNs ---------------------------------------


def _vpn_gateway_context(vpc: Vpc, tables: list[dict[str, Any]]) -> dict[str, Any] | None:
    """VGW on the VPC, propagating into every subnet route table; per VPN a customer gateway
    and a connection (tunnel pre-shared keys generated by AWS, never set or output)."""
    vgw = vpc.vpn_gateway
    if vgw is None:
        return None
    return {
        "id": ident(vpc.name),
        "asn": vgw.asn,
        "route_tables": [t["id"] for t in tables],
        "connections": [
            {
                "id": ident(vpc.name, c.name),
                "name": c.name,
                "full_name": f"{vpc.name}-{c.name}",
                "ip": c.customer_gateway.ip,
                "asn": c.customer_gateway.asn,
                "routing": c.routing,
                "static": c.routing == "static",
                "routes": [
                    {"id": ident(vpc.name, c.name, cidr), "cidr": cidr}
                    for cidr in (c.on_premises_cidrs if c.routing == "static" else [])
                ],
            }
            for c in vgw.vpn_connections
        ],
    }


# --- the whole VPC ----------------------------------------------------------------------------

# The flow-log record: the default fields, then what an investigation asks next (which VPC,
# subnet, instance and AZ; TCP flags; the packet's real addresses behind a NAT or load balancer;
# the AWS service at either end; direction and path).
FLOW_LOG_FIELDS = (
    "version",
    "account-id",
    "interface-id",
    "srcaddr",
    "dstaddr",
    "srcport",
    "dstport",
    "protocol",
    "packets",
    "bytes",
    "start",
    "end",
    "action",
    "log-status",
    "vpc-id",
    "subnet-id",
    "instance-id",
    "tcp-flags",
    "type",
    "pkt-srcaddr",
    "pkt-dstaddr",
    "region",
    "az-id",
    "pkt-src-aws-service",
    "pkt-dst-aws-service",
    "flow-direction",
    "traffic-path",
)
FLOW_LOG_FORMAT = " ".join(f"${{{field}}}" for field in FLOW_LOG_FIELDS)
FLOW_LOG_AGGREGATION_SECONDS = 60  # the shortest AWS offers: a record a minute, not ten


def vpc_context(vpc: Vpc, central: LogArchive | None = None) -> dict[str, Any]:
    """Everything the VPC template needs. ``central`` is the log archive when flow logs go to
    its bucket (baseline.flow_logs_destination: central) instead of a log group per VPC.
    ``build_plan`` computes it once per VPC (plan/index.py)."""
    subnets = _subnets(vpc)
    tables = _route_tables(vpc, subnets)
    tier = _endpoint_tier(vpc)
    endpoint_subnets = [s["id"] for s in subnets if s["tier"] == tier]
    has_public = any(s["type"] == "public" for s in subnets)
    has_private = any(s["type"] == "private" for s in subnets)
    return {
        "id": ident(vpc.name),
        "name": vpc.name,
        "cidr": vpc.cidr,
        "region": vpc.region,
        "ipv6": vpc.ipv6,
        "igw": has_public,
        "eigw": vpc.ipv6 and has_private,
        "subnets": subnets,
        "tiers": [
            {
                "name": t.name,
                "id": ident(t.name),
                "type": t.type,
                "subnets": [s["id"] for s in subnets if s["tier"] == t.name],
            }
            for t in vpc.subnets
        ],
        "route_tables": tables,
        "nat_gateways": _nat_gateways(vpc, subnets),
        "gateway_endpoints": [
            {
                "id": ident(vpc.name, svc),
                "service": svc,
                "service_name": f"com.amazonaws.{vpc.region}.{svc}",
                "route_tables": [t["id"] for t in tables],
            }
            for svc in vpc.endpoints.gateway
        ],
        "interface_endpoints": [
            {
                "id": ident(vpc.name, svc),
                "service": svc,
                "service_name": f"com.amazonaws.{vpc.region}.{svc}",
                "subnets": endpoint_subnets,
            }
            for svc in vpc.endpoints.interface
        ],
        "flow_logs": vpc.flow_logs,
        "flow_logs_retention_days": vpc.flow_logs_retention_days,
        "flow_logs_format": FLOW_LOG_FORMAT,
        "flow_logs_aggregation": FLOW_LOG_AGGREGATION_SECONDS,
        # central flow logs: to the log archive bucket, after its policy admits them
        "flow_logs_central": vpc.flow_logs and central is not None,
        "flow_logs_bucket_arn": central.bucket_arn if central else None,
        "flow_logs_after_bucket_policy": central is not None
        and central.home == (vpc.account, vpc.region),
        "ingress": _ingress_context(vpc, subnets),
        "vpn_gateway": _vpn_gateway_context(vpc, tables),
    }
