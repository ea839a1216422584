"""Rules of the network hub: RAM subnet shares, Transit Gateways and VPN, VPC peering, VPC
ingress routing. A YAML snippet in, the exact diagnostics out (code, line, column).

Same conventions as test_rules.py (helpers.org puts the snippet first, so line 1 is the
snippet's first line). ``FAILING`` here counts for test_rules.py's every-code check.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import diagnose, diagnostics, only, org
from lzgen.cli import app
from lzgen.diagnostics import Location, Severity

Expected = list[tuple[str, int, int]]

REPO = Path(__file__).resolve().parent.parent
HUB_EXAMPLE = REPO / "examples" / "hub-and-spoke.yaml"

# A TGW owned by `network` with two route tables; used by snippets that only add VPCs.
CORE = """
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            route_tables: [shared, spokes]
        """

FAILING: list[tuple[str, str, Expected]] = [
    # --- LZ2002 TGW -> account ------------------------------------------------------------
    (
        "LZ2002-tgw-account",
        """
        transit_gateways:
          - name: core
            account: netwrok
            region: us-east-1
            route_tables: [shared]
        """,
        [("LZ2002", 3, 14)],
    ),
    # --- LZ2003 unique names --------------------------------------------------------------
    (
        "LZ2003-tgw",
        """
        transit_gateways:
          - { name: core, account: network, region: us-east-1, route_tables: [a] }
          - { name: core, account: network, region: us-east-1, route_tables: [a] }
        """,
        [("LZ2003", 3, 13)],
    ),
    (
        "LZ2003-route-table",
        """
        transit_gateways:
          - { name: core, account: network, region: us-east-1, route_tables: [a, b, a] }
        """,
        [("LZ2003", 2, 77)],
    ),
    (
        "LZ2003-vpn-per-tgw",
        """
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            route_tables: [shared]
            vpn_connections:
              - { name: dc, customer_gateway: { ip: 203.0.113.10, asn: 65010 } }
              - { name: dc, customer_gateway: { ip: 203.0.113.11, asn: 65010 } }
        """,
        [("LZ2003", 8, 17)],
    ),
    (
        "LZ2003-vpn-per-vgw",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: data, type: isolated, size: 24 }]
            vpn_gateway:
              asn: 64620
              vpn_connections:
                - { name: dc, customer_gateway: { ip: 203.0.113.10, asn: 65010 } }
                - { name: dc, customer_gateway: { ip: 203.0.113.11, asn: 65010 } }
        """,
        [("LZ2003", 13, 19)],
    ),
    (
        "LZ2003-peering",
        """
        vpcs:
          - { name: one, account: network, region: us-east-1, cidr: 10.1.0.0/16, azs: [a],
              nat_gateways: none, subnets: [{ name: data, type: isolated, size: 24 }] }
          - { name: two, account: app-a, region: us-east-1, cidr: 10.2.0.0/16, azs: [a],
              nat_gateways: none, subnets: [{ name: data, type: isolated, size: 24 }] }
          - { name: three, account: app-a, region: us-east-1, cidr: 10.3.0.0/16, azs: [a],
              nat_gateways: none, subnets: [{ name: data, type: isolated, size: 24 }] }
        vpc_peerings:
          - { name: link, requester: one, accepter: two }
          - { name: link, requester: one, accepter: three }
        """,
        [("LZ2003", 10, 13)],
    ),
    # --- LZ2007 TGW region ----------------------------------------------------------------
    (
        "LZ2007-tgw-region",
        """
        transit_gateways:
          - name: core
            account: network
            region: us-east1
            route_tables: [shared]
        """,
        [("LZ2007", 4, 13)],
    ),
    # --- LZ2011 VPC -> TGW ----------------------------------------------------------------
    (
        "LZ2011-unknown-tgw",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: tgw, type: isolated, size: 28 }]
            transit_gateway: { name: cor, subnets: tgw, route_table: shared }
        """
        + CORE,
        [("LZ2011", 9, 30)],
    ),
    (
        "LZ2011-no-tgw-declared",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: tgw, type: isolated, size: 28 }]
            transit_gateway: { name: core, subnets: tgw, route_table: shared }
        """,
        [("LZ2011", 9, 30)],
    ),
    # --- LZ2012 route table references ----------------------------------------------------
    (
        "LZ2012-attachment",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: tgw, type: isolated, size: 28 }]
            transit_gateway:
              name: core
              subnets: tgw
              route_table: shard
              propagate_to: [spokes, spoke]
        """
        + CORE,
        [("LZ2012", 12, 20), ("LZ2012", 13, 30)],
    ),
    (
        "LZ2012-route-and-vpn",
        """
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            route_tables: [shared, spokes]
            routes:
              - { route_table: spoke, cidr: 10.99.0.0/16, blackhole: true }
            vpn_connections:
              - name: dc
                customer_gateway: { ip: 203.0.113.10, asn: 65010 }
                route_table: sharde
                propagate_to: [spokes, shred]
        """,
        [("LZ2012", 7, 24), ("LZ2012", 11, 22), ("LZ2012", 12, 32)],
    ),
    (
        "LZ2012-vgw-vpn",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: data, type: isolated, size: 24 }]
            vpn_gateway:
              asn: 64620
              vpn_connections:
                - name: dc
                  customer_gateway: { ip: 203.0.113.10, asn: 65010 }
                  route_table: shared
        """,
        [("LZ2012", 14, 24)],
    ),
    # --- LZ2013 tiers of the VPC ----------------------------------------------------------
    (
        "LZ2013-attachment-tier",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: tgw, type: isolated, size: 28 }]
            transit_gateway: { name: core, subnets: tgws, route_table: shared }
        """
        + CORE,
        [("LZ2013", 9, 45)],
    ),
    (
        "LZ2013-ingress-tiers",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets:
              - { name: inspection, type: public, size: 28 }
              - { name: web, type: public, size: 24 }
            ingress_routing: { appliance_tier: inspect, protected_tiers: [web, wbe] }
        """,
        [("LZ2013", 11, 40), ("LZ2013", 11, 72)],
    ),
    # --- LZ2014 static route targets ------------------------------------------------------
    (
        "LZ2014-route-vpc-and-vpn",
        """
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            route_tables: [shared]
            routes:
              - { route_table: shared, cidr: 0.0.0.0/0, vpc: egres }
              - { route_table: shared, cidr: 172.16.0.0/12, vpn: dc-frankfurt }
            vpn_connections:
              - { name: dc-frankfrt, customer_gateway: { ip: 203.0.113.10, asn: 65010 } }
        vpcs:
          - name: egress
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: tgw, type: isolated, size: 28 }]
            transit_gateway: { name: core, subnets: tgw, route_table: shared }
        """,
        [("LZ2014", 7, 54), ("LZ2014", 8, 58)],
    ),
    (
        "LZ2014-route-vpc-not-attached",
        """
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            route_tables: [shared]
            routes:
              - { route_table: shared, cidr: 0.0.0.0/0, vpc: egress }
        vpcs:
          - name: egress
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: tgw, type: isolated, size: 28 }]
        """,
        [("LZ2014", 7, 54)],
    ),
    # --- LZ2015 peering -> VPCs -----------------------------------------------------------
    (
        "LZ2015-unknown-vpc",
        """
        vpc_peerings:
          - { name: link, requester: app-a-vpc, accepter: tools }
        vpcs:
          - { name: app-a-vpc, account: app-a, region: us-east-1, cidr: 10.1.0.0/16,
              azs: [a], nat_gateways: none,
              subnets: [{ name: data, type: isolated, size: 24 }] }
          - { name: tools-vpc, account: network, region: us-east-1, cidr: 10.2.0.0/16,
              azs: [a], nat_gateways: none,
              subnets: [{ name: data, type: isolated, size: 24 }] }
        """,
        [("LZ2015", 2, 51)],
    ),
    # --- LZ2016 share targets -------------------------------------------------------------
    (
        "LZ2016-subnet-share",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets:
              - name: data
                type: isolated
                size: 24
                share_with: { accounts: [app-a, app-b], ous: [Workloads/Prd] }
        """,
        [("LZ2016", 12, 41), ("LZ2016", 12, 55)],
    ),
    (
        "LZ2016-tgw-share",
        """
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            route_tables: [shared]
            share_with: { accounts: [app-b], ous: [Workload] }
        """,
        [("LZ2016", 6, 30), ("LZ2016", 6, 44)],
    ),
    (
        "LZ2016-shares-with-nobody",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets:
              - { name: data, type: isolated, size: 24, share_with: {} }
        """,
        [("LZ2016", 9, 61)],
    ),
    # --- LZ2017 listed once ---------------------------------------------------------------
    (
        "LZ2017-propagate-twice",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: tgw, type: isolated, size: 28 }]
            transit_gateway:
              name: core
              subnets: tgw
              route_table: shared
              propagate_to: [spokes, shared, spokes]
        """
        + CORE,
        [("LZ2017", 13, 38)],
    ),
    (
        "LZ2017-share-twice",
        """
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            route_tables: [shared]
            share_with: { accounts: [app-a, app-a] }
        """,
        [("LZ2017", 6, 37)],
    ),
    # --- LZ3001 / LZ3006 route and on-premises CIDRs --------------------------------------
    (
        "LZ3001-route-and-on-prem-cidr",
        """
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            route_tables: [shared]
            routes:
              - { route_table: shared, cidr: 10.99.0.1/16, blackhole: true }
            vpn_connections:
              - name: dc
                customer_gateway: { ip: 203.0.113.10, asn: 65010 }
                on_premises_cidrs: [172.16.0.0]
        """,
        [("LZ3001", 7, 38), ("LZ3001", 11, 29)],
    ),
    (
        "LZ3006-route-ipv6",
        """
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            route_tables: [shared]
            routes:
              - { route_table: shared, cidr: "2600:1f18::/56", blackhole: true }
        """,
        [("LZ3006", 7, 38)],
    ),
    # --- LZ3012 VPCs on one TGW overlap ---------------------------------------------------
    (
        "LZ3012-across-accounts-despite-allow-overlap",
        """
        vpcs:
          - name: hub
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: tgw, type: isolated, size: 28 }]
            transit_gateway: { name: core, subnets: tgw, route_table: shared }
          - name: spoke
            account: app-a
            region: us-east-1
            cidr: 10.0.16.0/20
            allow_overlap: true
            azs: [a]
            nat_gateways: none
            subnets: [{ name: tgw, type: isolated, size: 28 }]
            transit_gateway: { name: core, subnets: tgw, route_table: spokes }
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            route_tables: [shared, spokes]
            share_with: { accounts: [app-a] }
        """,
        [("LZ3012", 13, 11)],
    ),
    # --- LZ3013 on-premises CIDRs ---------------------------------------------------------
    (
        "LZ3013-vpn-vs-vpc-and-vpn",
        """
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            route_tables: [shared]
            vpn_connections:
              - name: dc-frankfurt
                customer_gateway: { ip: 203.0.113.10, asn: 65010 }
                on_premises_cidrs: [172.16.0.0/12]
              - name: dc-paris
                customer_gateway: { ip: 203.0.113.20, asn: 65020 }
                on_premises_cidrs: [172.20.0.0/16, 10.0.0.0/8]
        vpcs:
          - name: hub
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: tgw, type: isolated, size: 28 }]
            transit_gateway: { name: core, subnets: tgw, route_table: shared }
        """,
        [("LZ3013", 12, 29), ("LZ3013", 17, 11)],
    ),
    (
        "LZ3013-vgw-vs-its-vpc",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: data, type: isolated, size: 24 }]
            vpn_gateway:
              asn: 64620
              vpn_connections:
                - name: dc
                  customer_gateway: { ip: 203.0.113.10, asn: 65010 }
                  routing: static
                  on_premises_cidrs: [10.0.128.0/17]
        """,
        [("LZ3013", 15, 31)],
    ),
    # --- LZ3014 peered VPCs overlap -------------------------------------------------------
    (
        "LZ3014-peering-overlap",
        """
        vpcs:
          - name: app-a-vpc
            account: app-a
            region: us-east-1
            cidr: 10.20.0.0/20
            allow_overlap: true
            azs: [a]
            nat_gateways: none
            subnets: [{ name: data, type: isolated, size: 24 }]
          - name: tools-vpc
            account: network
            region: us-west-2
            cidr: 10.20.0.0/16
            allow_overlap: true
            azs: [a]
            nat_gateways: none
            subnets: [{ name: data, type: isolated, size: 24 }]
        vpc_peerings:
          - { name: app-a-to-tools, requester: app-a-vpc, accepter: tools-vpc }
        """,
        [("LZ3014", 13, 11)],
    ),
    # --- LZ3015 peering pairs -------------------------------------------------------------
    (
        "LZ3015-self-and-twice",
        """
        vpc_peerings:
          - { name: one, requester: a, accepter: b }
          - { name: two, requester: b, accepter: a }
          - { name: three, requester: a, accepter: a }
        vpcs:
          - { name: a, account: network, region: us-east-1, cidr: 10.1.0.0/16, azs: [a],
              nat_gateways: none, subnets: [{ name: data, type: isolated, size: 24 }] }
          - { name: b, account: app-a, region: us-east-1, cidr: 10.2.0.0/16, azs: [a],
              nat_gateways: none, subnets: [{ name: data, type: isolated, size: 24 }] }
        """,
        [("LZ3015", 3, 42), ("LZ3015", 4, 44)],
    ),
    # --- LZ3016 TGW region ----------------------------------------------------------------
    (
        "LZ3016-other-region",
        """
        vpcs:
          - name: v
            account: network
            region: us-west-2
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: tgw, type: isolated, size: 28 }]
            transit_gateway: { name: core, subnets: tgw, route_table: shared }
        """
        + CORE,
        [("LZ3016", 9, 30)],
    ),
    # --- LZ3017 TGW shared with the attaching account -------------------------------------
    (
        "LZ3017-not-shared",
        """
        vpcs:
          - name: spoke
            account: app-a
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: tgw, type: isolated, size: 28 }]
            transit_gateway: { name: core, subnets: tgw, route_table: spokes }
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            route_tables: [shared, spokes]
            share_with: { ous: [Workloads/NonProd, Infrastructure] }
        """,
        [("LZ3017", 9, 30)],
    ),
    # --- LZ3018 accelerated VPN on a VGW --------------------------------------------------
    (
        "LZ3018-vgw-accelerated",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: data, type: isolated, size: 24 }]
            vpn_gateway:
              asn: 64620
              vpn_connections:
                - name: dc
                  customer_gateway: { ip: 203.0.113.10, asn: 65010 }
                  accelerated: true
        """,
        [("LZ3018", 14, 24)],
    ),
    # --- LZ3019 private ASNs --------------------------------------------------------------
    (
        "LZ3019-tgw-and-customer-gateway",
        """
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            asn: 65535
            route_tables: [shared]
            vpn_connections:
              - { name: dc, customer_gateway: { ip: 203.0.113.10, asn: 7224 } }
        """,
        [("LZ3019", 5, 10), ("LZ3019", 8, 64)],
    ),
    (
        "LZ3019-vgw",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: data, type: isolated, size: 24 }]
            vpn_gateway: { asn: 4294967295 }
        """,
        [("LZ3019", 9, 25)],
    ),
    # --- LZ3020 customer gateway ASN differs ----------------------------------------------
    (
        "LZ3020-same-as-tgw",
        """
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            asn: 64512
            route_tables: [shared]
            vpn_connections:
              - { name: dc, customer_gateway: { ip: 203.0.113.10, asn: 64512 } }
        """,
        [("LZ3020", 8, 64)],
    ),
    (
        "LZ3020-same-as-vgw",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: data, type: isolated, size: 24 }]
            vpn_gateway:
              asn: 4200000000
              vpn_connections:
                - { name: dc, customer_gateway: { ip: 203.0.113.10, asn: 4200000000 } }
        """,
        [("LZ3020", 12, 66)],
    ),
    # --- LZ3021 static routes -------------------------------------------------------------
    (
        "LZ3021-targets-and-duplicate",
        """
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            route_tables: [shared]
            routes:
              - { route_table: shared, cidr: 10.98.0.0/16 }
              - { route_table: shared, cidr: 10.99.0.0/16, vpn: dc, blackhole: true }
              - { route_table: shared, cidr: 10.99.0.0/16, blackhole: true }
            vpn_connections:
              - { name: dc, customer_gateway: { ip: 203.0.113.10, asn: 65010 } }
        """,
        [("LZ3021", 7, 9), ("LZ3021", 8, 9), ("LZ3021", 9, 38)],
    ),
    # --- LZ3022 static VPN needs CIDRs ----------------------------------------------------
    (
        "LZ3022-static-without-cidrs",
        """
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            route_tables: [shared]
            vpn_connections:
              - name: dc
                customer_gateway: { ip: 203.0.113.10, asn: 65010 }
                routing: static
        """,
        [("LZ3022", 9, 18)],
    ),
    # --- LZ3023 customer gateway IP -------------------------------------------------------
    (
        "LZ3023-private-and-malformed",
        """
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            route_tables: [shared]
            vpn_connections:
              - { name: dc, customer_gateway: { ip: 192.168.1.1, asn: 65010 } }
              - { name: dr, customer_gateway: { ip: 203.0.113.300, asn: 65010 } }
        """,
        [("LZ3023", 7, 45), ("LZ3023", 8, 45)],
    ),
    # --- LZ3024 ingress routing -----------------------------------------------------------
    (
        "LZ3024-appliance-in-private-tier",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: single
            subnets:
              - { name: public, type: public, size: 24 }
              - { name: inspection, type: private, size: 28 }
            endpoints: { gateway: [s3] }
            ingress_routing: { appliance_tier: inspection, protected_tiers: [public] }
        """,
        # and the NAT gateway would have to sit in the protected tier
        [("LZ3007", 7, 19), ("LZ3024", 12, 40)],
    ),
    (
        "LZ3024-no-public-tier",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets:
              - { name: inspection, type: isolated, size: 28 }
              - { name: app, type: isolated, size: 24 }
            ingress_routing:
              appliance_tier: inspection
              protected_tiers: [app]
        """,
        [("LZ3024", 12, 7)],
    ),
    (
        "LZ3024-protects-itself",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets:
              - { name: inspection, type: public, size: 28 }
              - { name: web, type: public, size: 24 }
            ingress_routing: { appliance_tier: inspection, protected_tiers: [web, inspection] }
        """,
        [("LZ3024", 11, 75)],
    ),
    (
        "LZ3024-protected-tier-named-private",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: per_az
            subnets:
              - { name: inspection, type: public, size: 28 }
              - { name: private, type: public, size: 24 }
              - { name: app, type: private, size: 24 }
            ingress_routing: { appliance_tier: inspection, protected_tiers: [private] }
        """,
        [("LZ3024", 12, 70)],
    ),
    # --- LZ3104 accelerated VPN (warning) -------------------------------------------------
    (
        "LZ3104-accelerated",
        """
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            route_tables: [shared]
            vpn_connections:
              - name: dc
                customer_gateway: { ip: 203.0.113.10, asn: 65010 }
                accelerated: true
        """,
        [("LZ3104", 9, 22)],
    ),
]


def _many_accounts(n: int) -> str:
    """An ``accounts:`` section (indented like the snippets): network, then ``n`` accounts in
    Workloads/Prod and Workloads/NonProd, alternating."""
    lines = [
        "accounts:",
        "  - { name: network, email: aws+network@example.com, ou: Infrastructure }",
    ]
    for k in range(n):
        ou = "Workloads/Prod" if k % 2 else "Workloads/NonProd"
        lines.append(f"  - {{ name: w{k:03d}, email: aws+w{k:03d}@example.com, ou: {ou} }}")
    return "\n" + "".join(f"        {line}\n" for line in lines)


# 101 participants: 100 through the OU Workloads (and its children) plus the named `extra`,
# network (the VPC owner) left out though it is named too.
FAILING.append(
    (
        "LZ3105-participants",
        """
        vpcs:
          - name: shared
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets:
              - { name: app, type: isolated, size: 24, share_with: { ous: [Workloads] } }
              - name: data
                type: isolated
                size: 24
                share_with: { accounts: [network, w000, extra] }
        """
        + _many_accounts(100)
        + "          - { name: extra, email: aws+extra@example.com, ou: Infrastructure }\n",
        [("LZ3105", 9, 60)],
    )
)

# Snippets that are right and must produce no diagnostic at all.
PASSING: list[tuple[str, str]] = [
    (
        "tgw-with-everything",
        """
        transit_gateways:
          - name: core
            account: network
            region: us-east-1
            asn: 4200000001
            route_tables: [shared, spokes]
            share_with: { ous: [Workloads] }
            routes:
              - { route_table: spokes, cidr: 0.0.0.0/0, vpc: hub }
              - { route_table: spokes, cidr: 10.99.0.0/16, blackhole: true }
              - { route_table: shared, cidr: 192.168.0.0/16, vpn: dc-paris }
            vpn_connections:
              - name: dc-frankfurt
                customer_gateway: { ip: 198.51.100.7, asn: 65010 }
                on_premises_cidrs: [172.16.0.0/12]
                route_table: shared
                propagate_to: [spokes]
              - name: dc-paris
                customer_gateway: { ip: 52.94.76.10, asn: 4200000002 }
                routing: static
                on_premises_cidrs: [192.168.0.0/16]
                route_table: shared
        vpcs:
          - name: hub
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            nat_gateways: none
            subnets:
              - { name: app, type: isolated, size: 20, share_with: { accounts: [app-a] } }
              - { name: tgw, type: isolated, size: 28 }
            transit_gateway: { name: core, subnets: tgw, route_table: shared,
                               propagate_to: [spokes, shared], appliance_mode: true }
          - name: spoke
            account: app-a
            region: us-east-1
            cidr: 10.1.0.0/16
            azs: [a, b]
            nat_gateways: none
            subnets: [{ name: tgw, type: isolated, size: 28 }]
            transit_gateway: { name: core, subnets: tgw, route_table: spokes }
        """,
    ),
    (
        "shared-through-a-parent-ou",
        """
        transit_gateways:
          - { name: core, account: network, region: us-east-1, route_tables: [spokes],
              share_with: { ous: [Workloads] } }
        vpcs:
          - name: spoke
            account: app-a
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: tgw, type: isolated, size: 28 }]
            transit_gateway: { name: core, subnets: tgw, route_table: spokes }
        """,
    ),
    (
        "overlap-allowed-on-different-tgws",
        """
        transit_gateways:
          - { name: east, account: network, region: us-east-1, route_tables: [main] }
          - { name: west, account: network, region: us-west-2, route_tables: [main] }
        vpcs:
          - name: one
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            allow_overlap: true
            azs: [a]
            nat_gateways: none
            subnets: [{ name: tgw, type: isolated, size: 28 }]
            transit_gateway: { name: east, subnets: tgw, route_table: main }
          - name: two
            account: network
            region: us-west-2
            cidr: 10.0.0.0/16
            allow_overlap: true
            azs: [a]
            nat_gateways: none
            subnets: [{ name: tgw, type: isolated, size: 28 }]
            transit_gateway: { name: west, subnets: tgw, route_table: main }
        """,
    ),
    (
        "same-vpn-name-on-two-gateways",
        """
        transit_gateways:
          - name: east
            account: network
            region: us-east-1
            route_tables: [main]
            vpn_connections: [{ name: dc, customer_gateway: { ip: 203.0.113.10, asn: 65010 } }]
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets: [{ name: data, type: isolated, size: 24 }]
            vpn_gateway:
              asn: 64620
              vpn_connections:
                - name: dc
                  customer_gateway: { ip: 203.0.113.20, asn: 65020 }
                  routing: static
                  on_premises_cidrs: [192.168.0.0/16]
        """,
    ),
    (
        "peering-across-regions-and-accounts",
        """
        vpcs:
          - { name: one, account: network, region: us-east-1, cidr: 10.1.0.0/16, azs: [a],
              nat_gateways: none, subnets: [{ name: data, type: isolated, size: 24 }] }
          - { name: two, account: app-a, region: eu-west-1, cidr: 10.2.0.0/16, azs: [a],
              nat_gateways: none, subnets: [{ name: data, type: isolated, size: 24 }] }
        vpc_peerings:
          - { name: one-to-two, requester: one, accepter: two }
        """,
    ),
    (
        "ingress-routing-of-a-private-tier",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            nat_gateways: per_az
            subnets:
              - { name: inspection, type: public, size: 28 }
              - { name: app, type: private, size: 24 }
            ingress_routing: { appliance_tier: inspection, protected_tiers: [app],
                               allowed_ports: [443, 80] }
        """,
    ),
    (
        "exactly-100-participants",
        """
        vpcs:
          - name: shared
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            nat_gateways: none
            subnets:
              - { name: app, type: isolated, size: 24, share_with: { ous: [Workloads] } }
        """
        + _many_accounts(100),
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in FAILING])
def test_failing_snippet(snippet: str, expected: Expected) -> None:
    assert diagnose(org(snippet)) == expected


@pytest.mark.parametrize("snippet", [pytest.param(s, id=i) for i, s in PASSING])
def test_passing_snippet(snippet: str) -> None:
    assert diagnose(org(snippet)) == []


FAILING_BY_ID = {i: s for i, s, _ in FAILING}


# --- messages, hints and related locations --------------------------------------------------


def _one(case: str, code: str) -> tuple[list[str], object]:
    """Messages of ``case`` and its diagnostics with ``code``."""
    found = [d for d in diagnostics(org(FAILING_BY_ID[case])) if d.code == code]
    return [d.message for d in found], found


@pytest.mark.parametrize(
    ("case", "hint"),
    [
        ("LZ2002-tgw-account", "did you mean 'network'?"),
        ("LZ2007-tgw-region", "did you mean 'us-east-1'?"),
        ("LZ2011-unknown-tgw", "did you mean 'core'?"),
        ("LZ2011-no-tgw-declared", "declare it under transit_gateways"),
        ("LZ2013-attachment-tier", "did you mean 'tgw'?"),
        ("LZ2015-unknown-vpc", "did you mean 'tools-vpc'?"),
        ("LZ3019-vgw", "use a private ASN: 64512-65534, or 4200000000-4294967294"),
    ],
)
def test_single_diagnostic_hints(case: str, hint: str) -> None:
    assert only(org(FAILING_BY_ID[case])).hint == hint


def test_unknown_route_tables_suggest_the_right_one() -> None:
    found = diagnostics(org(FAILING_BY_ID["LZ2012-route-and-vpn"]))
    assert [(d.message, d.hint) for d in found] == [
        ("transit gateway 'core' has no route table 'spoke'", "did you mean 'spokes'?"),
        ("transit gateway 'core' has no route table 'sharde'", "did you mean 'shared'?"),
        ("transit gateway 'core' has no route table 'shred'", "did you mean 'shared'?"),
    ]
    assert {d.related for d in found} == {(Location("org.yaml", 5, 19),)}


def test_route_table_on_a_vgw_vpn() -> None:
    d = only(org(FAILING_BY_ID["LZ2012-vgw-vpn"]))
    assert "virtual private gateway of VPC 'v'" in d.message
    assert d.hint.startswith("remove `route_table`")


def test_unknown_ingress_tiers_suggest() -> None:
    found = diagnostics(org(FAILING_BY_ID["LZ2013-ingress-tiers"]))
    assert [d.hint for d in found] == ["did you mean 'inspection'?", "did you mean 'web'?"]
    assert found[0].path == "vpcs[0].ingress_routing.appliance_tier"


def test_route_targets_messages() -> None:
    found = diagnostics(org(FAILING_BY_ID["LZ2014-route-vpc-and-vpn"]))
    assert [(d.message, d.hint) for d in found] == [
        ("route to unknown VPC 'egres'", "did you mean 'egress'?"),
        (
            "transit gateway 'core' has no VPN connection 'dc-frankfurt'",
            "did you mean 'dc-frankfrt'?",
        ),
    ]
    d = only(org(FAILING_BY_ID["LZ2014-route-vpc-not-attached"]))
    assert d.hint == "add `transit_gateway: { name: core, ... }` to VPC 'egress'"


def test_unknown_share_targets_suggest() -> None:
    found = diagnostics(org(FAILING_BY_ID["LZ2016-subnet-share"]))
    assert [(d.message, d.hint) for d in found] == [
        ("share_with names unknown account 'app-b'", "did you mean 'app-a'?"),
        ("share_with names unknown OU 'Workloads/Prd'", "did you mean 'Workloads/Prod'?"),
    ]
    assert found[1].path == "vpcs[0].subnets[0].share_with.ous[0]"
    found = diagnostics(org(FAILING_BY_ID["LZ2016-tgw-share"]))
    assert found[1].hint == "did you mean 'Workloads'?"
    assert found[1].path == "transit_gateways[0].share_with.ous[0]"


def test_listed_twice_cites_the_first() -> None:
    d = only(org(FAILING_BY_ID["LZ2017-propagate-twice"]))
    assert d.message == "'spokes' is listed twice"
    assert d.related == (Location("org.yaml", 13, 22),)


def test_duplicate_route_table_and_vpn_names() -> None:
    d = only(org(FAILING_BY_ID["LZ2003-route-table"]))
    assert d.message == "route table name 'a' is used twice"
    assert d.related == (Location("org.yaml", 2, 71),)
    d = only(org(FAILING_BY_ID["LZ2003-vpn-per-vgw"]))
    assert d.message == "VPN connection name 'dc' is used twice"


def test_route_and_on_premises_cidrs_use_the_cidr_messages() -> None:
    found = diagnostics(org(FAILING_BY_ID["LZ3001-route-and-on-prem-cidr"]))
    assert [(d.message, d.hint) for d in found] == [
        ("'10.99.0.1/16' has host bits set", "the network address is 10.99.0.0/16"),
        ("'172.16.0.0' has no prefix length", "add one, for example 172.16.0.0/16"),
    ]
    d = only(org(FAILING_BY_ID["LZ3006-route-ipv6"]))
    assert d.hint == "routes and on-premises CIDRs are IPv4 networks"


def test_tgw_overlap_cites_the_other_vpc() -> None:
    d = only(org(FAILING_BY_ID["LZ3012-across-accounts-despite-allow-overlap"]))
    assert d.message == (
        "VPC 'spoke' (10.0.16.0/20) overlaps VPC 'hub' (10.0.0.0/16); both attach to transit "
        "gateway 'core'"
    )
    assert d.related == (Location("org.yaml", 5, 11),)
    assert d.hint.startswith("'hub' is at line 5, column 11;")


def test_tgw_overlap_replaces_the_organization_wide_overlap() -> None:
    """Without allow_overlap LZ3005 would see the pair too; it leaves it to LZ3012."""
    text = org(FAILING_BY_ID["LZ3012-across-accounts-despite-allow-overlap"]).replace(
        "    allow_overlap: true\n", ""
    )
    assert diagnose(text) == [("LZ3012", 13, 11)]


def test_overlap_on_an_unknown_tgw_stays_organization_wide() -> None:
    text = org(FAILING_BY_ID["LZ3012-across-accounts-despite-allow-overlap"]).replace(
        "    allow_overlap: true\n", ""
    )
    text = text.replace("{ name: core,", "{ name: edge,")
    assert diagnose(text) == [("LZ2011", 9, 30), ("LZ3005", 13, 11), ("LZ2011", 17, 30)]


def test_on_premises_overlaps_cite_both_sides() -> None:
    found = diagnostics(org(FAILING_BY_ID["LZ3013-vpn-vs-vpc-and-vpn"]))
    assert [d.related for d in found] == [
        (Location("org.yaml", 9, 29),),
        (Location("org.yaml", 12, 44),),
    ]
    assert found[1].message == (
        "VPC 'hub' (10.0.0.0/16) overlaps on-premises CIDR 10.0.0.0/8 of VPN 'dc-paris'; "
        "both meet at transit gateway 'core'"
    )
    assert found[1].hint.startswith("10.0.0.0/8 of VPN 'dc-paris' is at line 12, column 44;")
    d = only(org(FAILING_BY_ID["LZ3013-vgw-vs-its-vpc"]))
    assert "virtual private gateway of VPC 'v'" in d.message
    assert d.related == (Location("org.yaml", 5, 11),)


def test_peering_overlap_cites_the_other_vpc_and_the_peering() -> None:
    d = only(org(FAILING_BY_ID["LZ3014-peering-overlap"]))
    assert d.message == (
        "VPC 'tools-vpc' (10.20.0.0/16) overlaps VPC 'app-a-vpc' (10.20.0.0/20); peering "
        "'app-a-to-tools' joins them"
    )
    assert d.related == (Location("org.yaml", 5, 11), Location("org.yaml", 19, 13))


def test_peering_twice_cites_the_first() -> None:
    found = diagnostics(org(FAILING_BY_ID["LZ3015-self-and-twice"]))
    assert found[0].related == (Location("org.yaml", 2, 13),)
    assert found[1].message == "VPC peering 'three' peers VPC 'a' with itself"


def test_tgw_in_another_region() -> None:
    d = only(org(FAILING_BY_ID["LZ3016-other-region"]))
    assert d.message == "VPC 'v' is in us-west-2 but transit gateway 'core' is in us-east-1"
    assert d.related == (Location("org.yaml", 14, 13),)


def test_unshared_tgw_hint_says_what_to_add() -> None:
    d = only(org(FAILING_BY_ID["LZ3017-not-shared"]))
    assert d.hint == (
        "add 'app-a' to share_with.accounts of transit gateway 'core', or its OU "
        "'Workloads/Prod' to share_with.ous"
    )
    assert d.related == (Location("org.yaml", 15, 17),)


def test_accelerated_vgw_vpn_is_an_error() -> None:
    d = only(org(FAILING_BY_ID["LZ3018-vgw-accelerated"]))
    assert d.severity is Severity.ERROR
    assert "transit gateway" in d.hint


def test_customer_gateway_asn_equal_to_the_tgw() -> None:
    d = only(org(FAILING_BY_ID["LZ3020-same-as-tgw"]))
    assert d.message == (
        "customer gateway of VPN 'dc' uses ASN 64512, the ASN of transit gateway 'core'"
    )
    assert d.related == (Location("org.yaml", 5, 10),)


def test_default_tgw_asn_counts_for_the_customer_gateway() -> None:
    text = org(FAILING_BY_ID["LZ3020-same-as-tgw"]).replace("    asn: 64512\n", "", 1)
    assert diagnose(text) == [("LZ3020", 7, 64)]


def test_route_target_and_duplicate_messages() -> None:
    found = diagnostics(org(FAILING_BY_ID["LZ3021-targets-and-duplicate"]))
    assert [d.message for d in found] == [
        "route to 10.98.0.0/16 in route table 'shared' has no target",
        "route to 10.99.0.0/16 in route table 'shared' has `vpn` and `blackhole`",
        "route table 'shared' has a route to 10.99.0.0/16 already",
    ]
    assert found[2].related == (Location("org.yaml", 8, 38),)


@pytest.mark.parametrize(
    ("ip", "message"),
    [
        ("10.1.2.3", "10.1.2.3 is not a public address (it is in 10.0.0.0/8)"),
        ("100.64.0.1", "100.64.0.1 is not a public address (it is in 100.64.0.0/10)"),
        ("169.254.169.254", "169.254.169.254 is not a public address (it is in 169.254.0.0/16)"),
        ("224.0.0.5", "224.0.0.5 is not a public address (it is in 224.0.0.0/4)"),
        ("255.255.255.255", "255.255.255.255 is not a public address (it is in 240.0.0.0/4)"),
        (
            '"2001:db8::1"',
            "'2001:db8::1' is an IPv6 address; customer gateways take a public IPv4 address",
        ),
        ("vpn.example.com", "'vpn.example.com' is not an IPv4 address"),
    ],
)
def test_customer_gateway_ip_messages(ip: str, message: str) -> None:
    text = org(FAILING_BY_ID["LZ3022-static-without-cidrs"]).replace(
        "routing: static", "routing: bgp"
    )
    d = only(text.replace("203.0.113.10", ip))
    assert (d.code, d.message) == ("LZ3023", f"customer gateway of VPN 'dc': {message}")


def test_ingress_protecting_the_appliance_tier_cites_it() -> None:
    d = only(org(FAILING_BY_ID["LZ3024-protects-itself"]))
    assert d.related == (Location("org.yaml", 11, 40),)


@pytest.mark.parametrize(
    ("case", "code"), [("LZ3104-accelerated", "LZ3104"), ("LZ3105-participants", "LZ3105")]
)
def test_hub_warnings_are_warnings(case: str, code: str) -> None:
    d = only(org(FAILING_BY_ID[case]))
    assert (d.code, d.severity) == (code, Severity.WARNING)


def test_accelerated_warning_says_the_connection_is_replaced() -> None:
    d = only(org(FAILING_BY_ID["LZ3104-accelerated"]))
    assert "changing `accelerated` on an existing connection replaces it" in d.hint


def test_participants_message() -> None:
    d = only(org(FAILING_BY_ID["LZ3105-participants"]))
    assert d.message == (
        "VPC 'shared' is shared with 101 participant accounts; AWS allows 100 per VPC by default"
    )


def test_hub_example_has_only_the_accelerated_warning() -> None:
    found = diagnostics(HUB_EXAMPLE.read_text(encoding="utf-8"))
    assert [(d.code, d.severity) for d in found] == [("LZ3104", Severity.WARNING)]


def test_hub_example_validates_with_exit_zero() -> None:
    result = CliRunner().invoke(app, ["validate", str(HUB_EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert "0 errors, 1 warning" in result.output
