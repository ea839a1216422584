"""Rules: a YAML snippet in, the exact diagnostics out (code, line, column).

Every snippet is placed first in the file (helpers.org), so line 1 is the snippet's first line.
Every code in ``lzgen.rules.ALL_RULES`` has at least one failing case here, in
test_rules_network_hub.py (the network hub's rules), test_rules_limits.py (AWS quotas and
partitions), test_rules_directory.py (shared directories) or the other rule test modules,
checked below over all their tables.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import diagnose, diagnostics, only, org
from lzgen.cli import app
from lzgen.diagnostics import Location, Severity
from lzgen.rules import ALL_RULES, PIPELINE_CODES, PLAN_RULES
from test_account_baseline import FAILING as ACCOUNT_BASELINE_FAILING
from test_cis_alarms import FAILING as CIS_ALARMS_FAILING
from test_log_archive_immutable import FAILING as LOG_RETENTION_FAILING
from test_provider_version import FAILING as PROVIDER_VERSION_FAILING
from test_rules_adoption import FAILING as ADOPTION_FAILING
from test_rules_cloudhsm import FAILING as CLOUDHSM_FAILING
from test_rules_directory import FAILING as DIRECTORY_FAILING
from test_rules_external_peering import FAILING as EXTERNAL_PEERING_FAILING
from test_rules_guardrails import FAILING as GUARDRAILS_FAILING
from test_rules_identity import FAILING as IDENTITY_FAILING
from test_rules_identity_center import FAILING as IDENTITY_CENTER_FAILING
from test_rules_limits import FAILING as LIMITS_FAILING
from test_rules_network_hub import FAILING as HUB_FAILING
from test_rules_opt_in_regions import FAILING as OPT_IN_FAILING
from test_rules_reachability import FAILING as REACHABILITY_FAILING
from test_rules_renames import FAILING as RENAMES_FAILING
from test_rules_security import FAILING as SECURITY_FAILING
from test_rules_service_catalog import FAILING as SERVICE_CATALOG_FAILING

Expected = list[tuple[str, int, int]]

# (id, snippet, expected diagnostics). Line numbers are counted from the snippet's first line.
FAILING: list[tuple[str, str, Expected]] = [
    # --- LZ2001 account -> OU -------------------------------------------------------------
    (
        "LZ2001-unknown-ou",
        """
        accounts:
          - name: network
            email: aws+network@example.com
            ou: Infrastructur
        """,
        [("LZ2001", 4, 9)],
    ),
    (
        "LZ2001-unknown-child-ou",
        """
        accounts:
          - name: network
            email: aws+network@example.com
            ou: Workloads/Prd
        """,
        [("LZ2001", 4, 9)],
    ),
    (
        "LZ2001-child-without-parent",
        """
        accounts:
          - name: network
            email: aws+network@example.com
            ou: Prod
        """,
        [("LZ2001", 4, 9)],
    ),
    # --- LZ2002 VPC -> account ------------------------------------------------------------
    (
        "LZ2002-unknown-account",
        """
        vpcs:
          - name: v
            account: netwrok
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
        """,
        [("LZ2002", 3, 14)],
    ),
    # --- LZ2003 unique names --------------------------------------------------------------
    (
        "LZ2003-account",
        """
        accounts:
          - { name: network, email: aws+network@example.com, ou: Infrastructure }
          - { name: network, email: aws+network2@example.com, ou: Infrastructure }
        """,
        [("LZ2003", 3, 13)],
    ),
    (
        "LZ2003-vpc",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
          - name: v
            account: network
            region: us-east-1
            cidr: 10.1.0.0/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
        """,
        [("LZ2003", 9, 11)],
    ),
    (
        "LZ2003-sibling-ou-any-case",
        """
        organizational_units:
          - name: Infrastructure
          - name: Workloads
            children:
              - name: Prod
              - name: prod
        """,
        [("LZ2003", 6, 15)],
    ),
    (
        "LZ2003-tier",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
              - { name: public, type: public, size: 24 }
        """,
        [("LZ2003", 9, 17)],
    ),
    # --- LZ2004 unique emails -------------------------------------------------------------
    (
        "LZ2004-email-any-case",
        """
        accounts:
          - { name: network, email: aws+network@example.com, ou: Infrastructure }
          - { name: app-a, email: AWS+Network@example.com, ou: Workloads/Prod }
        """,
        [("LZ2004", 3, 27)],
    ),
    # --- LZ2005 unique ids ----------------------------------------------------------------
    (
        "LZ2005-id",
        """
        accounts:
          - name: network
            email: aws+network@example.com
            ou: Infrastructure
            id: "222222222222"
          - name: app-a
            email: aws+app-a@example.com
            ou: Workloads/Prod
            id: "222222222222"
        """,
        [("LZ2005", 9, 9)],
    ),
    # --- LZ2006 12-digit ids --------------------------------------------------------------
    (
        "LZ2006-account-id",
        """
        accounts:
          - name: network
            email: aws+network@example.com
            ou: Infrastructure
            id: "22222222222"
        """,
        [("LZ2006", 5, 9)],
    ),
    (
        "LZ2006-letters",
        """
        accounts:
          - name: network
            email: aws+network@example.com
            ou: Infrastructure
            id: "22222222222x"
        """,
        [("LZ2006", 5, 9)],
    ),
    (
        "LZ2006-management",
        """
        organization:
          name: example-corp
          home_region: us-east-1
          management_account_id: "1111"
          state: { backend: local }
          pipeline: { trusted_principals: ["arn:aws:iam::111111111111:role/PlatformAdmin"] }
          existing: { id: o-exampleorg1, root_id: r-ex01 }
          trusted_services: []
          policy_types: []
        """,
        [("LZ2006", 4, 26)],
    ),
    # --- LZ2007 regions -------------------------------------------------------------------
    (
        "LZ2007-vpc-region",
        """
        vpcs:
          - name: v
            account: network
            region: us-east1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
        """,
        [("LZ2007", 4, 13)],
    ),
    (
        "LZ2007-home-and-state-region",
        """
        organization:
          name: example-corp
          home_region: us-east-7
          management_account_id: "111111111111"
          state: { backend: s3, bucket: example-corp-tfstate, region: eu-wst-1 }
          pipeline: { trusted_principals: ["arn:aws:iam::111111111111:role/PlatformAdmin"] }
          existing: { id: o-exampleorg1, root_id: r-ex01 }
          trusted_services: []
          policy_types: []
        """,
        [("LZ2007", 3, 16), ("LZ2007", 5, 63)],
    ),
    # --- LZ2008 AZ letters ----------------------------------------------------------------
    (
        "LZ2008-az-letter",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-2
            cidr: 10.0.0.0/16
            azs: [a, b, e]
            subnets:
              - { name: public, type: public, size: 24 }
        """,
        [("LZ2008", 6, 17)],
    ),
    # --- LZ2009 email format --------------------------------------------------------------
    (
        "LZ2009-no-at",
        """
        accounts:
          - name: network
            email: aws.network.example.com
            ou: Infrastructure
        """,
        [("LZ2009", 3, 12)],
    ),
    (
        "LZ2009-too-long",
        f"""
        accounts:
          - name: network
            email: {"a" * 60}@example.com
            ou: Infrastructure
        """,
        [("LZ2009", 3, 12)],
    ),
    # --- LZ2010 endpoint tier -------------------------------------------------------------
    (
        "LZ2010-public-tier",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
              - { name: app, type: private, size: 20 }
            endpoints:
              interface: [ssm]
              subnet_tier: public
        """,
        [("LZ2010", 12, 20)],
    ),
    (
        "LZ2010-no-inner-tier",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
            endpoints:
              interface: [ssm]
        """,
        [("LZ2010", 10, 18)],
    ),
    # --- LZ3001 CIDR format and VPC prefix ------------------------------------------------
    (
        "LZ3001-slash-29",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/29
            azs: [a]
            nat_gateways: none
            subnets:
              - { name: data, type: isolated, size: 28 }
        """,
        [("LZ3001", 5, 11)],
    ),
    (
        "LZ3001-slash-15",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/15
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
        """,
        [("LZ3001", 5, 11)],
    ),
    (
        "LZ3001-host-bits",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.1/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
        """,
        [("LZ3001", 5, 11)],
    ),
    (
        "LZ3001-not-a-cidr",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: ten.zero/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
        """,
        [("LZ3001", 5, 11)],
    ),
    (
        "LZ3001-pinned-host-bits",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - name: public
                type: public
                size: 24
                cidrs: [10.0.0.0/24, 10.0.1.1/24]
        """,
        [("LZ3001", 11, 30)],
    ),
    # --- LZ3002 pinned subnet inside its VPC ----------------------------------------------
    (
        "LZ3002-outside",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - name: public
                type: public
                size: 24
                cidrs: [10.0.0.0/24, 10.1.0.0/24]
        """,
        [("LZ3002", 11, 30)],
    ),
    # --- LZ3003 pinned subnets overlap ----------------------------------------------------
    (
        "LZ3003-overlap",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - name: public
                type: public
                size: 24
                cidrs: [10.0.0.0/24, 10.0.1.0/24]
              - name: app
                type: private
                size: 20
                cidrs: [10.0.16.0/20, 10.0.0.0/20]
        """,
        [("LZ3003", 15, 31), ("LZ3003", 15, 31)],
    ),
    # --- LZ3004 tiers fit -----------------------------------------------------------------
    (
        "LZ3004-ipv4",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/24
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 26 }
              - { name: app, type: private, size: 28 }
        """,
        [("LZ3004", 9, 43)],
    ),
    # --- LZ3005 VPCs overlap --------------------------------------------------------------
    (
        "LZ3005-overlap",
        """
        vpcs:
          - name: shared-prod
            account: network
            region: us-east-1
            cidr: 10.10.0.0/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
          - name: app-a-vpc
            account: app-a
            region: us-east-1
            cidr: 10.10.0.0/20
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
        """,
        [("LZ3005", 12, 11)],
    ),
    (
        "LZ3005-later-vpc-starts-lower",
        """
        vpcs:
          - name: first
            account: network
            region: us-east-1
            cidr: 10.10.16.0/20
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
          - name: second
            account: app-a
            region: us-west-2
            cidr: 10.10.0.0/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
        """,
        [("LZ3005", 12, 11)],
    ),
    # --- LZ3006 IPv6 in an IPv4 field -----------------------------------------------------
    (
        "LZ3006-vpc",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 2600:1f18::/56
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
        """,
        [("LZ3006", 5, 11)],
    ),
    (
        "LZ3006-pinned",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            subnets:
              - name: public
                type: public
                size: 24
                cidrs: ["2600:1f18::/64"]
        """,
        [("LZ3006", 11, 17)],
    ),
    # --- LZ3007 NAT needs a public tier ---------------------------------------------------
    (
        "LZ3007-explicit",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            nat_gateways: per_az
            subnets:
              - { name: data, type: isolated, size: 24 }
        """,
        [("LZ3007", 7, 19)],
    ),
    (
        "LZ3007-default-per-az",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - { name: data, type: isolated, size: 24 }
        """,
        [("LZ3007", 2, 5)],
    ),
    # --- LZ3008 tier sizes ----------------------------------------------------------------
    (
        "LZ3008-larger-than-vpc",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/20
            azs: [a, b]
            subnets:
              - name: public
                type: public
                size: 16
        """,
        [("LZ3008", 10, 15)],
    ),
    (
        "LZ3008-smaller-than-28",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/20
            azs: [a, b]
            subnets:
              - name: public
                type: public
                size: 29
        """,
        [("LZ3008", 10, 15)],
    ),
    (
        "LZ3008-pinned-size-mismatch",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - name: public
                type: public
                size: 24
                cidrs: [10.0.0.0/24, 10.0.1.0/25]
        """,
        [("LZ3008", 11, 30)],
    ),
    # --- LZ3009 one pinned CIDR per AZ ----------------------------------------------------
    (
        "LZ3009-count",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - name: public
                type: public
                size: 24
                cidrs: [10.0.0.0/24]
        """,
        [("LZ3009", 11, 16)],
    ),
    # --- LZ3010 AZ slots ------------------------------------------------------------------
    (
        "LZ3010-slots",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b, c]
            reserve_azs: 2
            subnets:
              - { name: public, type: public, size: 24 }
        """,
        [("LZ3010", 6, 10)],
    ),
    # --- LZ3011 AZs listed once -----------------------------------------------------------
    (
        "LZ3011-az-twice",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b, a]
            subnets:
              - { name: public, type: public, size: 24 }
        """,
        [("LZ3011", 6, 17)],
    ),
    # --- LZ3101-LZ3103 warnings -----------------------------------------------------------
    (
        "LZ3101-single-nat",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            nat_gateways: single
            subnets:
              - { name: public, type: public, size: 24 }
        """,
        [("LZ3101", 7, 19)],
    ),
    (
        "LZ3102-no-egress",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            nat_gateways: none
            subnets:
              - { name: app, type: private, size: 20 }
        """,
        [("LZ3102", 7, 19)],
    ),
    (
        "LZ3103-flow-logs-off",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            flow_logs: false
            subnets:
              - { name: public, type: public, size: 24 }
        """,
        [("LZ3103", 7, 16)],
    ),
    # --- LZ7001 log archive account exists ------------------------------------------------
    (
        "LZ7001-unknown-log-archive",
        """
        baseline:
          log_archive_account: app-b
        """,
        [("LZ7001", 2, 24)],
    ),
    # --- LZ7002 library policy names ------------------------------------------------------
    (
        "LZ7002-unknown-policy",
        """
        baseline:
          log_archive_account: network
          service_control_policies:
            - deny-root-usr
        """,
        [("LZ7002", 4, 7)],
    ),
    (
        "LZ7002-unknown-parametrised-policy",
        """
        baseline:
          log_archive_account: network
          service_control_policies:
            - { name: allowed-region, regions: [us-east-1] }
        """,
        [("LZ7002", 4, 15)],
    ),
    (
        "LZ7002-allowed-regions-without-regions",
        """
        baseline:
          log_archive_account: network
          service_control_policies:
            - allowed-regions
        """,
        [("LZ7002", 4, 7)],
    ),
    (
        "LZ7002-regions-on-a-plain-policy",
        """
        baseline:
          log_archive_account: network
          service_control_policies:
            - { name: deny-root-user, regions: [us-east-1] }
        """,
        [("LZ7002", 4, 40)],
    ),
    (
        "LZ7002-listed-twice",
        """
        baseline:
          log_archive_account: network
          service_control_policies:
            - deny-root-user
            - deny-leave-organization
            - deny-root-user
        """,
        [("LZ7002", 6, 7)],
    ),
    # --- LZ7003 allowed-regions allows the regions in use ---------------------------------
    (
        "LZ7003-home-region",
        """
        baseline:
          log_archive_account: network
          service_control_policies:
            - name: allowed-regions
              regions: [eu-west-1]
        """,
        [("LZ7003", 5, 16)],
    ),
    (
        "LZ7003-vpc-region-of-an-account-it-reaches",
        """
        baseline:
          log_archive_account: network
          service_control_policies:
            - name: allowed-regions
              regions: [us-east-1]
          attach: { ous: [Workloads] }
        vpcs:
          - name: v
            account: app-a
            region: eu-west-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            nat_gateways: none
            subnets:
              - { name: data, type: isolated, size: 24 }
        """,
        [("LZ7003", 5, 16)],
    ),
    # --- LZ7004 no policy denies the access role what lzgen does --------------------------
    (
        "LZ7004-internet-gateway-in-a-reached-account",
        """
        baseline:
          log_archive_account: network
          service_control_policies:
            - deny-internet-gateways
          attach: { accounts: [app-a] }
        vpcs:
          - name: v
            account: app-a
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            nat_gateways: none
            subnets:
              - { name: public, type: public, size: 24 }
        """,
        [("LZ7004", 4, 7)],
    ),
    (
        "LZ7004-egress-only-gateway",
        """
        baseline:
          log_archive_account: network
          service_control_policies:
            - deny-internet-gateways
          attach: { ous: [Workloads] }
        vpcs:
          - name: v
            account: app-a
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            ipv6: true
            nat_gateways: none
            subnets:
              - { name: app, type: private, size: 24 }
        """,
        [("LZ7004", 4, 7), ("LZ3102", 13, 19)],
    ),
    # --- LZ7005 attachment targets --------------------------------------------------------
    (
        "LZ7005-unknown-ou",
        """
        baseline:
          log_archive_account: network
          service_control_policies: [deny-root-user]
          attach:
            ous: [Workload]
        """,
        [("LZ7005", 5, 11)],
    ),
    (
        "LZ7005-unknown-account",
        """
        baseline:
          log_archive_account: network
          service_control_policies: [deny-root-user]
          attach:
            accounts: [app-b]
        """,
        [("LZ7005", 5, 16)],
    ),
    (
        "LZ7005-listed-twice",
        """
        baseline:
          log_archive_account: network
          service_control_policies: [deny-root-user]
          attach:
            ous: [Workloads, Workloads]
        """,
        [("LZ7005", 5, 22)],
    ),
    # --- LZ7006 account settings targets --------------------------------------------------
    (
        "LZ7006-unknown-account",
        """
        account_settings:
          - accounts: [network, app-b]
            ebs_encryption_by_default: true
        """,
        [("LZ7006", 2, 25)],
    ),
    (
        "LZ7006-unknown-ou",
        """
        account_settings:
          - ous: [Workloads/Prd]
            ecs_awsvpc_trunking: true
        """,
        [("LZ7006", 2, 11)],
    ),
    (
        "LZ7006-no-target",
        """
        account_settings:
          - ebs_encryption_by_default: true
        """,
        [("LZ7006", 2, 5)],
    ),
    # --- LZ7101 log archive in the management account (warning) ---------------------------
    (
        "LZ7101-log-archive-is-management",
        """
        accounts:
          - { name: network, email: aws+network@example.com, ou: Infrastructure,
              id: "111111111111" }
        baseline:
          log_archive_account: network
        """,
        [("LZ7101", 5, 24)],
    ),
    # --- LZ2007 regions of allowed-regions ------------------------------------------------
    (
        "LZ2007-allowed-regions",
        """
        baseline:
          log_archive_account: network
          service_control_policies:
            - { name: allowed-regions, regions: [us-east-1, eu-wst-1] }
        """,
        [("LZ2007", 4, 53)],
    ),
    # --- LZ8001 stack size (checked on the plan) ------------------------------------------
    (
        "LZ8001-account-stack-at-its-account",
        """
        organization:
          name: example-corp
          home_region: us-east-1
          management_account_id: "111111111111"
          state: { backend: s3, bucket: example-corp-tfstate, region: us-east-1 }
          pipeline: { trusted_principals: ["arn:aws:iam::111111111111:role/PlatformAdmin"] }
          max_stack_resources: 20
          existing: { id: o-exampleorg1, root_id: r-ex01 }
          trusted_services: []
          policy_types: []
        accounts:
          - { name: network, email: aws+network@example.com, ou: Infrastructure,
              id: "222222222222" }
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
              - { name: app, type: private, size: 24 }
        """,
        [("LZ8001", 12, 13)],
    ),
    (
        "LZ8001-adopted-accounts-at-their-ou",
        """
        organizational_units:
          - name: Infrastructure
          - name: Workloads
            children: [{ name: Prod }, { name: NonProd }]
        accounts:
          - { name: network, email: aws+network@example.com, ou: Infrastructure,
              id: "222222222222" }
          - { name: tools, email: aws+tools@example.com, ou: Infrastructure,
              id: "333333333333" }
          - { name: app-a, email: aws+app-a@example.com, ou: Workloads/Prod }
        organization:
          name: example-corp
          home_region: us-east-1
          management_account_id: "111111111111"
          existing: { id: o-exampleorg1, root_id: r-ex01 }
          trusted_services: []
          policy_types: []
          state: { backend: local }
          pipeline: { trusted_principals: ["arn:aws:iam::111111111111:role/PlatformAdmin"] }
          max_stack_resources: 1
        """,
        # every account's stack holds the account baseline (5 resources)
        [
            ("LZ8001", 2, 11),
            ("LZ8001", 6, 13),
            ("LZ8001", 8, 13),
            ("LZ8001", 10, 13),
            ("LZ8001", 12, 9),
            ("LZ8001", 12, 9),
            ("LZ8001", 12, 9),
        ],
    ),
    (
        "LZ8001-organization-stack-at-the-organization",
        """
        organization:
          name: example-corp
          home_region: us-east-1
          management_account_id: "111111111111"
          state: { backend: local }
          pipeline: { trusted_principals: ["arn:aws:iam::111111111111:role/PlatformAdmin"] }
          max_stack_resources: 9  # an account stack's baseline fits
          existing: { id: o-exampleorg1, root_id: r-ex01 }
          trusted_services: []
          policy_types: []
        """,
        [("LZ8001", 2, 9)],
    ),
]

# Snippets that are right and must produce no diagnostic at all.
PASSING: list[tuple[str, str]] = [
    ("base", ""),
    (
        "nested-ou",
        """
        accounts:
          - { name: network, email: aws+network@example.com, ou: Workloads/NonProd }
        """,
    ),
    (
        "same-ou-name-under-different-parents",
        """
        organizational_units:
          - name: Infrastructure
            children: [{ name: Prod }]
          - name: Workloads
            children: [{ name: Prod }]
        accounts:
          - { name: network, email: aws+network@example.com, ou: Infrastructure/Prod }
        """,
    ),
    (
        "full-vpc",
        """
        vpcs:
          - name: shared-prod
            account: network
            region: us-east-1
            cidr: 10.10.0.0/16
            azs: [a, b, c]
            nat_gateways: per_az
            ipv6: true
            flow_logs: true
            subnets:
              - { name: public, type: public, size: 24 }
              - { name: app, type: private, size: 20 }
              - { name: data, type: isolated, size: 22 }
            endpoints:
              gateway: [s3, dynamodb]
              interface: [execute-api, ssm]
              subnet_tier: data
        """,
    ),
    (
        "smallest-vpc-slash-28",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/28
            azs: [a]
            nat_gateways: none
            reserve_azs: 1
            subnets:
              - { name: data, type: isolated, size: 28 }
        """,
    ),
    (
        "pinned-cidrs-inside",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - name: public
                type: public
                size: 24
                cidrs: [10.0.200.0/24, 10.0.201.0/24]
        """,
    ),
    (
        "adjacent-vpcs",
        """
        vpcs:
          - name: one
            account: network
            region: us-east-1
            cidr: 10.10.0.0/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
          - name: two
            account: app-a
            region: us-east-1
            cidr: 10.11.0.0/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
        """,
    ),
    (
        "overlap-allowed",
        """
        vpcs:
          - name: shared-prod
            account: network
            region: us-east-1
            cidr: 10.10.0.0/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
          - name: sandbox
            account: app-a
            region: us-east-1
            cidr: 10.10.0.0/20
            allow_overlap: true
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
        """,
    ),
    (
        "single-nat-in-one-az",
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
              - { name: app, type: private, size: 20 }
        """,
    ),
    (
        "private-without-nat-but-endpoints",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            nat_gateways: none
            subnets:
              - { name: app, type: private, size: 20 }
            endpoints: { gateway: [s3] }
        """,
    ),
    (
        "region-with-d-zone",
        """
        vpcs:
          - name: v
            account: network
            region: us-west-2
            cidr: 10.0.0.0/16
            azs: [a, d]
            subnets:
              - { name: public, type: public, size: 24 }
        """,
    ),
    (
        "eight-azs-reserved",
        """
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b, c, d, e, f]
            reserve_azs: 8
            nat_gateways: none  # six NAT gateways would need more than 5 Elastic IPs
            subnets:
              - { name: public, type: public, size: 24 }
        """,
    ),
    (
        "baseline-of-the-issue",
        """
        accounts:
          - { name: network, email: aws+network@example.com, ou: Infrastructure,
              id: "222222222222" }
          - { name: app-a, email: aws+app-a@example.com, ou: Workloads/Prod }
          - { name: log-archive, email: aws+log-archive@example.com, ou: Infrastructure }
        baseline:
          log_archive_account: log-archive
          organization_trail: true
          flow_logs_destination: central
          service_control_policies:
            - deny-leave-organization
            - deny-root-user
            - protect-security-services
            - { name: allowed-regions, regions: [us-east-1, eu-west-1] }
          attach: { ous: [Workloads] }
        account_settings:
          - { accounts: all, ebs_encryption_by_default: true, s3_block_public_access: true,
              iam_password_policy: strict }
          - { ous: [Workloads], ecs_awsvpc_trunking: true }
        vpcs:
          - name: v
            account: app-a
            region: eu-west-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            ipv6: true
            subnets:
              - { name: public, type: public, size: 24 }
              - { name: app, type: private, size: 20 }
        """,
    ),
    (
        "deny-internet-gateways-where-no-vpc-needs-one",
        """
        baseline:
          log_archive_account: network
          service_control_policies: [deny-internet-gateways]
          attach: { ous: [Workloads] }
        vpcs:
          - name: v
            account: app-a
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            nat_gateways: none
            subnets:
              - { name: data, type: isolated, size: 24 }
            endpoints: { interface: [ssm] }
          - name: edge
            account: network
            region: us-east-1
            cidr: 10.1.0.0/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
        """,
    ),
    (
        "allowed-regions-ignores-vpcs-of-accounts-it-does-not-reach",
        """
        baseline:
          log_archive_account: network
          service_control_policies:
            - { name: allowed-regions, regions: [us-east-1] }
          attach: { ous: [Workloads] }
        vpcs:
          - name: v
            account: network
            region: eu-west-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
        """,
    ),
    (
        "settings-by-account-and-nested-ou",
        """
        account_settings:
          - { accounts: [network], s3_block_public_access: true }
          - { ous: [Workloads], iam_password_policy: strict }
        """,
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), [pytest.param(s, e, id=i) for i, s, e in FAILING])
def test_failing_snippet(snippet: str, expected: Expected) -> None:
    assert diagnose(org(snippet)) == expected


@pytest.mark.parametrize("snippet", [pytest.param(s, id=i) for i, s in PASSING])
def test_passing_snippet(snippet: str) -> None:
    assert diagnose(org(snippet)) == []


# Every failing case of the rule tests: this file's and those of test_rules_network_hub.py,
# test_rules_adoption.py, test_rules_identity.py, test_rules_limits.py,
# test_rules_opt_in_regions.py, test_rules_directory.py, test_rules_reachability.py,
# test_rules_external_peering.py, test_rules_cloudhsm.py, test_rules_service_catalog.py and
# test_provider_version.py.
ALL_FAILING = (
    FAILING
    + HUB_FAILING
    + ADOPTION_FAILING
    + IDENTITY_FAILING
    + IDENTITY_CENTER_FAILING
    + LIMITS_FAILING
    + OPT_IN_FAILING
    + DIRECTORY_FAILING
    + REACHABILITY_FAILING
    + EXTERNAL_PEERING_FAILING
    + CLOUDHSM_FAILING
    + SERVICE_CATALOG_FAILING
    + PROVIDER_VERSION_FAILING
    + ACCOUNT_BASELINE_FAILING
    + SECURITY_FAILING
    + LOG_RETENTION_FAILING
    + CIS_ALARMS_FAILING
    + GUARDRAILS_FAILING
    + RENAMES_FAILING
)


def test_every_rule_code_has_a_failing_case() -> None:
    tested = {code for _, _, expected in ALL_FAILING for code, _, _ in expected}
    untested = {r.code for r in (*ALL_RULES, *PLAN_RULES)} - tested
    assert not untested, f"rules without a failing case in the rule tests: {sorted(untested)}"


def test_every_rule_code_is_listed_by_lzgen_rules() -> None:
    """`lzgen rules` lists every rule code that validation can emit."""
    tested = {code for _, _, expected in ALL_FAILING for code, _, _ in expected}
    listed = {r.code for r in (*ALL_RULES, *PLAN_RULES)} | {code for code, _ in PIPELINE_CODES}
    assert tested - listed == set()


def test_case_ids_are_unique() -> None:
    ids = [i for i, _, _ in ALL_FAILING]
    assert len(ids) == len(set(ids))


# --- messages, hints and related locations --------------------------------------------------


def test_unknown_ou_hint() -> None:
    d = only(org(FAILING_BY_ID["LZ2001-unknown-ou"]))
    assert d.message == "account 'network' names unknown OU 'Infrastructur'"
    assert d.hint == "did you mean 'Infrastructure'?"
    assert d.path == "accounts[0].ou"


def test_unknown_account_hint() -> None:
    d = only(org(FAILING_BY_ID["LZ2002-unknown-account"]))
    assert d.message == "VPC 'v' names unknown account 'netwrok'"
    assert d.hint == "did you mean 'network'?"


def test_unknown_region_hint() -> None:
    d = only(org(FAILING_BY_ID["LZ2007-vpc-region"]))
    assert d.hint == "did you mean 'us-east-1'?"


def test_bad_az_hint_lists_the_zones() -> None:
    d = only(org(FAILING_BY_ID["LZ2008-az-letter"]))
    assert d.message == "us-east-2 has no availability zone 'e'"
    assert d.hint == "us-east-2 offers zones a, b, c"


def test_no_az_check_for_an_unknown_region() -> None:
    assert diagnose(
        org("""
        vpcs:
          - name: v
            account: network
            region: mars-north-1
            cidr: 10.0.0.0/16
            azs: [q]
            subnets:
              - { name: public, type: public, size: 24 }
        """)
    ) == [("LZ2007", 4, 13)]


def test_duplicate_names_cite_the_first() -> None:
    d = only(org(FAILING_BY_ID["LZ2003-vpc"]))
    assert d.message == "VPC name 'v' is used twice"
    assert "line 2, column 11" in d.hint
    assert d.related == (Location("org.yaml", 2, 11),)


def test_duplicate_email_names_the_other_account() -> None:
    d = only(org(FAILING_BY_ID["LZ2004-email-any-case"]))
    assert "'network'" in d.message
    assert d.related == (Location("org.yaml", 2, 29),)


def test_duplicate_id_names_the_other_account() -> None:
    d = only(org(FAILING_BY_ID["LZ2005-id"]))
    assert d.message == "account id 222222222222 is already used by account 'network'"
    assert d.related == (Location("org.yaml", 5, 9),)


def test_host_bits_hint_gives_the_network() -> None:
    d = only(org(FAILING_BY_ID["LZ3001-host-bits"]))
    assert d.message == "'10.0.0.1/16' has host bits set"
    assert d.hint == "the network address is 10.0.0.0/16"


def test_cidr_without_prefix_is_not_called_host_bits() -> None:
    """`10.0.0.0` has no prefix length; it has no host bits set either, and suggesting the
    network 10.0.0.0/32 as the fix is wrong for a VPC."""
    d = only(org(FAILING_BY_ID["LZ3001-host-bits"].replace("10.0.0.1/16", "10.0.0.0")))
    assert (d.code, d.line, d.column) == ("LZ3001", 5, 11)
    assert "host bits" not in d.message
    assert "/32" not in d.hint


def test_prefix_out_of_range_message() -> None:
    d = only(org(FAILING_BY_ID["LZ3001-slash-29"]))
    assert d.message == "VPC 'v' is a /29; AWS allows /16 to /28"
    d = only(org(FAILING_BY_ID["LZ3001-slash-15"]))
    assert d.message == "VPC 'v' is a /15; AWS allows /16 to /28"


def test_ipv6_in_ipv4_field_message() -> None:
    d = only(org(FAILING_BY_ID["LZ3006-vpc"]))
    assert d.message == "'2600:1f18::/56' is an IPv6 block in an IPv4 field"
    assert "ipv6: true" in d.hint


def test_subnet_outside_cites_the_vpc_cidr() -> None:
    d = only(org(FAILING_BY_ID["LZ3002-outside"]))
    assert d.message == "subnet 10.1.0.0/24 of tier 'public' is outside VPC 'v' (10.0.0.0/16)"
    assert d.related == (Location("org.yaml", 5, 11),)


def test_pinned_overlap_cites_both_subnets() -> None:
    found = diagnostics(org(FAILING_BY_ID["LZ3003-overlap"]))
    assert [(d.message, d.related) for d in found] == sorted(
        [
            (
                "subnet 10.0.0.0/20 of tier 'app' overlaps 10.0.0.0/24 of tier 'public'",
                (Location("org.yaml", 11, 17),),
            ),
            (
                "subnet 10.0.0.0/20 of tier 'app' overlaps 10.0.1.0/24 of tier 'public'",
                (Location("org.yaml", 11, 30),),
            ),
        ]
    )


def test_tiers_that_do_not_fit_say_needed_and_available() -> None:
    d = only(org(FAILING_BY_ID["LZ3004-ipv4"]))
    # public: a /26 for each of 4 AZ slots = 256; app: a /28 x 4 = 64; the VPC has 256
    assert d.message == (
        "tier 'app' does not fit in VPC 'v': the tiers need 320 addresses "
        "(4 AZ slots each), the VPC has 256"
    )


def test_tiers_that_do_not_fit_in_the_ipv6_slash_56() -> None:
    tiers = "".join(f"      - {{ name: t{n}, type: isolated, size: 28 }}\n" for n in range(33))
    snippet = (
        "vpcs:\n"
        "  - name: v\n"
        "    account: network\n"
        "    region: us-east-1\n"
        "    cidr: 10.0.0.0/16\n"
        "    azs: [a, b]\n"
        "    nat_gateways: none\n"
        "    ipv6: true\n"  # line 8
        "    reserve_azs: 8\n"
        "    subnets:\n" + tiers
    )
    d = only(org(snippet))
    assert (d.code, d.line, d.column) == ("LZ3004", 8, 11)
    assert d.message == "VPC 'v' needs 264 IPv6 /64 subnets; its /56 holds 256"


def test_vpc_overlap_names_the_other_vpc_and_cites_it() -> None:
    d = only(org(FAILING_BY_ID["LZ3005-overlap"]))
    assert d.severity is Severity.ERROR
    assert d.message == ("VPC 'app-a-vpc' (10.10.0.0/20) overlaps VPC 'shared-prod' (10.10.0.0/16)")
    assert d.related == (Location("org.yaml", 5, 11),)
    assert "'shared-prod' is at line 5, column 11" in d.hint


def test_vpc_overlap_when_the_later_vpc_starts_lower() -> None:
    d = only(org(FAILING_BY_ID["LZ3005-later-vpc-starts-lower"]))
    assert "'first'" in d.message
    assert d.related == (Location("org.yaml", 5, 11),)


def test_three_overlapping_vpcs_report_each_pair_once() -> None:
    snippet = """
        vpcs:
          - name: one
            account: network
            region: us-east-1
            cidr: 10.10.0.0/16
            azs: [a]
            subnets: [{ name: public, type: public, size: 24 }]
          - name: two
            account: network
            region: us-east-1
            cidr: 10.10.0.0/20
            azs: [a]
            subnets: [{ name: public, type: public, size: 24 }]
          - name: three
            account: network
            region: us-east-1
            cidr: 10.10.8.0/21
            azs: [a]
            subnets: [{ name: public, type: public, size: 24 }]
        """
    found = diagnostics(org(snippet))
    assert [(d.code, d.line, d.column) for d in found] == [
        ("LZ3005", 11, 11),
        ("LZ3005", 17, 11),
        ("LZ3005", 17, 11),
    ]
    assert sorted((d.line, d.related[0].line) for d in found) == [(11, 5), (17, 5), (17, 11)]


def test_allow_overlap_on_the_earlier_vpc_also_silences() -> None:
    text = org(FAILING_BY_ID["LZ3005-overlap"]).replace(
        "cidr: 10.10.0.0/16\n", "cidr: 10.10.0.0/16\n    allow_overlap: true\n"
    )
    assert "allow_overlap: true" in text
    assert diagnose(text) == []


def test_nat_without_public_tier_message() -> None:
    d = only(org(FAILING_BY_ID["LZ3007-explicit"]))
    assert d.message == "VPC 'v' wants NAT gateways but has no public tier"


def test_tier_size_message() -> None:
    d = only(org(FAILING_BY_ID["LZ3008-larger-than-vpc"]))
    assert d.message == "tier 'public' size /16 does not fit VPC 'v' (10.0.0.0/20)"


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("LZ3101-single-nat", "LZ3101"),
        ("LZ3102-no-egress", "LZ3102"),
        ("LZ3103-flow-logs-off", "LZ3103"),
        ("LZ7101-log-archive-is-management", "LZ7101"),
    ],
)
def test_warnings_are_warnings(case: str, code: str) -> None:
    d = only(org(FAILING_BY_ID[case]))
    assert (d.code, d.severity) == (code, Severity.WARNING)
    assert not d.is_error


def test_single_nat_warning_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(org(FAILING_BY_ID["LZ3101-single-nat"]), encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert f"{path}:7:19: warning LZ3101" in result.output


def test_warning_does_not_stop_render(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(org(FAILING_BY_ID["LZ3103-flow-logs-off"]), encoding="utf-8")
    result = CliRunner().invoke(app, ["render", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "lzgen.manifest.json").is_file()


def test_errors_and_warnings_together_sorted_by_position() -> None:
    found = diagnostics(
        org("""
        vpcs:
          - name: v
            account: netwrok
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            nat_gateways: single
            flow_logs: false
            subnets:
              - { name: public, type: public, size: 24 }
        """)
    )
    assert [(d.code, d.line, d.column, d.severity.value) for d in found] == [
        ("LZ2002", 3, 14, "error"),
        ("LZ3101", 7, 19, "warning"),
        ("LZ3103", 8, 16, "warning"),
    ]


# --- baseline and account settings -----------------------------------------------------------


def test_unknown_log_archive_account_hint() -> None:
    d = only(org(FAILING_BY_ID["LZ7001-unknown-log-archive"]))
    assert d.message == "log archive account 'app-b' is not declared"
    assert d.hint == "did you mean 'app-a'?"
    assert d.path == "baseline.log_archive_account"


def test_log_archive_in_the_management_account_cites_its_id() -> None:
    d = only(org(FAILING_BY_ID["LZ7101-log-archive-is-management"]))
    assert d.message == "log archive account 'network' is the management account"
    assert d.related == (Location("org.yaml", 3, 11),)


def test_unknown_policy_hint_names_the_library_policy() -> None:
    d = only(org(FAILING_BY_ID["LZ7002-unknown-policy"]))
    assert d.message == "'deny-root-usr' is not a service control policy of lzgen's library"
    assert d.hint == "did you mean 'deny-root-user'?"
    d = only(org(FAILING_BY_ID["LZ7002-unknown-parametrised-policy"]))
    assert d.hint == "did you mean 'allowed-regions'?"


def test_policy_listed_twice_cites_the_first() -> None:
    d = only(org(FAILING_BY_ID["LZ7002-listed-twice"]))
    assert d.related == (Location("org.yaml", 4, 7),)


def test_allowed_regions_names_the_region_and_cites_its_use() -> None:
    d = only(org(FAILING_BY_ID["LZ7003-home-region"]))
    assert d.message == "allowed-regions does not allow us-east-1, the home region"
    assert d.hint == "add us-east-1 to regions"
    assert d.path == "baseline.service_control_policies[0].regions"
    d = only(org(FAILING_BY_ID["LZ7003-vpc-region-of-an-account-it-reaches"]))
    assert d.message == (
        "allowed-regions does not allow eu-west-1, the region of VPC 'v' (account 'app-a')"
    )
    assert d.related == (Location("org.yaml", 10, 13),)


def test_deployer_role_denial_names_action_account_and_cause() -> None:
    d = only(org(FAILING_BY_ID["LZ7004-internet-gateway-in-a-reached-account"]))
    assert d.message == (
        "service control policy 'deny-internet-gateways' denies lzgen's deployer role "
        "'lzgen-deployer' ec2:CreateInternetGateway in account 'app-a', which the public tier "
        "'public' of VPC 'v' needs"
    )
    assert d.related == (Location("org.yaml", 14, 31),)
    assert "DenyInternetGateways" in d.hint


def test_deployer_role_denial_follows_the_deployer_role_name() -> None:
    """The shipped policies exempt whatever deployer role the org file names, so a renamed
    deployer role is exempt from allowed-regions too, but never from deny-internet-gateways."""
    snippet = FAILING_BY_ID["LZ7004-internet-gateway-in-a-reached-account"].replace(
        "- deny-internet-gateways", "- { name: allowed-regions, regions: [us-east-1] }"
    )
    text = org(snippet).replace(
        "management_account_id:", "deployer_role: platform-deployer\n  management_account_id:"
    )
    assert "deployer_role: platform-deployer" in text
    assert diagnose(text) == []
    text = org(FAILING_BY_ID["LZ7004-internet-gateway-in-a-reached-account"]).replace(
        "management_account_id:", "deployer_role: platform-deployer\n  management_account_id:"
    )
    d = only(text)
    assert d.code == "LZ7004"
    assert "deployer role 'platform-deployer' ec2:CreateInternetGateway" in d.message


def test_policies_never_restrict_the_management_account() -> None:
    """SCPs do not apply to the management account: naming it is no reason for LZ7004."""
    snippet = """
        accounts:
          - { name: network, email: aws+network@example.com, ou: Infrastructure,
              id: "111111111111" }
        baseline:
          log_archive_account: network
          service_control_policies: [deny-internet-gateways]
          attach: { accounts: [network] }
        vpcs:
          - name: v
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a]
            subnets:
              - { name: public, type: public, size: 24 }
        """
    # LZ7103 (a warning) says the attachment to the management account protects nothing
    assert diagnose(org(snippet)) == [("LZ7101", 5, 24), ("LZ7103", 7, 24)]


def test_attach_and_settings_targets_hint() -> None:
    assert only(org(FAILING_BY_ID["LZ7005-unknown-ou"])).hint == "did you mean 'Workloads'?"
    assert only(org(FAILING_BY_ID["LZ7005-unknown-account"])).hint == "did you mean 'app-a'?"
    d = only(org(FAILING_BY_ID["LZ7006-unknown-ou"]))
    assert d.message == "account settings target unknown OU 'Workloads/Prd'"
    assert d.hint == "did you mean 'Workloads/Prod'?"


FAILING_BY_ID = {i: s for i, s, _ in FAILING}


def test_stack_size_hints_fit_the_stack() -> None:
    found = {
        d.message.split("'")[1]: d.hint
        for d in diagnostics(org(FAILING_BY_ID["LZ8001-adopted-accounts-at-their-ou"]))
    }
    assert found["adopted-accounts/infrastructure"].startswith(
        "an OU's existing accounts are adopted in one stack"
    )
    assert found["bootstrap"].endswith("max_stack_resources to at least 2")
    assert found["deployer-role"].endswith("max_stack_resources to at least 2")
