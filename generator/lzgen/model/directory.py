"""AWS Managed Microsoft AD: one directory in an owner account's VPC, shared with workload
accounts, whose consumer VPCs reach it over the network the file declares (peering or Transit
Gateway; ``lzgen.reachability`` checks the path) and resolve its domain through a shared
Route 53 Resolver rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from lzgen.model.common import Name, StrictModel
from lzgen.model.organization import Account, reaches
from lzgen.model.quotas import SHARED_DIRECTORIES

RetentionDays = Literal[365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]

# The ports domain members use on the domain controllers, as AWS lists them for the directory's
# own security group ("What gets created with your AWS Managed Microsoft AD"), except that RPC's
# dynamic range is Windows Server's 49152-65535 rather than 1024-65535, and ICMP is left out.
AD_PORTS: tuple[tuple[str, int, int, str], ...] = (
    ("tcp", 53, 53, "DNS"),
    ("tcp", 88, 88, "Kerberos"),
    ("tcp", 135, 135, "RPC endpoint mapper"),
    ("tcp", 389, 389, "LDAP"),
    ("tcp", 445, 445, "SMB"),
    ("tcp", 464, 464, "Kerberos password change"),
    ("tcp", 636, 636, "LDAPS"),
    ("tcp", 3268, 3269, "Global Catalog"),
    ("tcp", 9389, 9389, "AD Web Services"),
    ("tcp", 49152, 65535, "RPC dynamic ports"),
    ("udp", 53, 53, "DNS"),
    ("udp", 88, 88, "Kerberos"),
    ("udp", 123, 123, "NTP"),
    ("udp", 138, 138, "NetBIOS datagram (DFS, Netlogon)"),
    ("udp", 389, 389, "LDAP"),
    ("udp", 445, 445, "SMB"),
    ("udp", 464, 464, "Kerberos password change"),
)
# About how many inbound rules AWS itself puts on a directory's security group (from its own
# VPC's CIDR); lzgen adds one per AD port and consumer VPC, and the sum counts against the
# owner account's "Inbound or outbound rules per security group" (LZ8007).
AWS_DIRECTORY_RULES = 17


def security_group_rules(consumers: int) -> int:
    """Inbound rules on the security group of a directory with ``consumers`` consumer VPCs."""
    return AWS_DIRECTORY_RULES + len(AD_PORTS) * consumers


# AWS's default quota of accounts one directory may be shared with, by edition
SHARE_QUOTA = {edition: quota.default for edition, quota in SHARED_DIRECTORIES.items()}


class DirectoryShare(StrictModel):
    """The accounts the directory is shared with: named accounts, every account of the named
    OUs (and below), minus ``exclude_accounts``; never the owner account itself."""

    accounts: list[str] = []
    ous: list[str] = []
    exclude_accounts: list[str] = []


class DirectoryLogs(StrictModel):
    """Directory Service security logs to a KMS-encrypted CloudWatch log group."""

    retention_days: RetentionDays = 365


class Directory(StrictModel):
    name: Name
    domain: str  # the fully qualified domain name, e.g. corp.example.com (LZ4101)
    short_name: str  # the NetBIOS name, e.g. CORP (LZ4102)
    edition: Literal["Standard", "Enterprise"] = "Standard"
    vpc: str  # an lzgen VPC: its account and region are the directory's
    tier: Name  # the tier whose subnets in the VPC's first two AZs host the domain controllers
    share_with: DirectoryShare = DirectoryShare()
    # handshake: each target accepts in its own stack; organizations: no accepter, needs the
    # directory in the management account (LZ4107)
    share_method: Literal["organizations", "handshake"] = "handshake"
    consumer_vpcs: list[str] = []  # VPCs whose instances join the domain
    # resolver: a Route 53 Resolver rule forwards the domain to the domain controllers, shared
    # with the consumer accounts and associated with every consumer VPC
    dns: Literal["resolver", "none"] = "resolver"
    logs: DirectoryLogs = DirectoryLogs()


def share_targets(directory: Directory, owner: str, accounts: Iterable[Account]) -> list[str]:
    """Names of the accounts ``directory`` (owned by account ``owner``) is shared with, in file
    order: named or in a named OU, not excluded, never the owner."""
    share = directory.share_with
    found: dict[str, None] = {}
    for account in accounts:
        if account.name == owner or account.name in share.exclude_accounts:
            continue
        if reaches(share.accounts, share.ous, account):
            found.setdefault(account.name)
    return list(found)
