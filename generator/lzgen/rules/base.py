"""What every rule sees and returns."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from lzgen.diagnostics import Diagnostic, did_you_mean
from lzgen.load import Document, YamlPath
from lzgen.model import OrgFile
from lzgen.model.blueprint import Catalog
from lzgen.model.organization import Account, OrganizationalUnit, reaches
from lzgen.model.sharing import ShareWith
from lzgen.model.transit_gateway import TransitGateway, VpnConnection
from lzgen.model.vpc import Vpc
from lzgen.plan.account_settings import effective_settings
from lzgen.plan.types import LandingZone
from lzgen.reachability import Network

VpnSite = tuple[VpnConnection, YamlPath]


@dataclass(frozen=True)
class Undeclared:
    """An account name or OU path that a list names but the file does not declare."""

    kind: str  # "account" or "OU"
    name: str
    path: YamlPath
    suggestion: str  # "did you mean ...?" or the valid values; "" when nothing is declared


@dataclass
class RuleContext:
    """The shape-checked org file, where its nodes are, and lookups rules share."""

    doc: Document
    org: OrgFile
    # the files the org file names (model.document.referenced_files), by the path as written,
    # as the load stage read them; a path missing here could not be read
    files: Mapping[str, str] = field(default_factory=dict)
    # the blueprints products may name (lzgen's and the user's), as the load stage read them
    catalog: Catalog = field(default_factory=Catalog)
    _cache: dict[str, object] = field(default_factory=dict)

    @cached_property
    def _ou_entries(self) -> dict[str, tuple[YamlPath, OrganizationalUnit]]:
        """OU path ("Workloads/Prod") -> (YAML path of its entry, the entry); the first of
        duplicate paths wins."""
        found: dict[str, tuple[YamlPath, OrganizationalUnit]] = {}

        def walk(units: list[OrganizationalUnit], prefix: str, ypath: YamlPath) -> None:
            for i, unit in enumerate(units):
                ou_path = f"{prefix}{unit.name}"
                found.setdefault(ou_path, ((*ypath, i), unit))
                walk(unit.children, f"{ou_path}/", (*ypath, i, "children"))

        walk(self.org.organizational_units, "", ("organizational_units",))
        return found

    @cached_property
    def ou_paths(self) -> dict[str, YamlPath]:
        """OU path ("Workloads/Prod") -> YAML path of that OU's entry."""
        return {path: ypath for path, (ypath, _) in self._ou_entries.items()}

    @cached_property
    def ous(self) -> dict[str, OrganizationalUnit]:
        """OU path -> that OU's entry."""
        return {path: unit for path, (_, unit) in self._ou_entries.items()}

    @cached_property
    def account_settings(self) -> dict[str, set[str]]:
        """Account name -> the settings lzgen manages in it (plan.account_settings)."""
        return effective_settings(self.org)

    @cached_property
    def accounts(self) -> dict[str, tuple[int, Account]]:
        """Account name -> (index, account); the first of duplicate names wins."""
        found: dict[str, tuple[int, Account]] = {}
        for i, account in enumerate(self.org.accounts):
            found.setdefault(account.name, (i, account))
        return found

    @cached_property
    def vpcs(self) -> dict[str, tuple[int, Vpc]]:
        """VPC name -> (index, VPC); the first of duplicate names wins."""
        found: dict[str, tuple[int, Vpc]] = {}
        for i, vpc in enumerate(self.org.vpcs):
            found.setdefault(vpc.name, (i, vpc))
        return found

    @cached_property
    def network(self) -> Network:
        """What the declared network lets reach what (lzgen.reachability)."""
        return Network(self.org)

    @cached_property
    def transit_gateways(self) -> dict[str, tuple[int, TransitGateway]]:
        """TGW name -> (index, TGW); the first of duplicate names wins."""
        found: dict[str, tuple[int, TransitGateway]] = {}
        for i, tgw in enumerate(self.org.transit_gateways):
            found.setdefault(tgw.name, (i, tgw))
        return found

    @cached_property
    def attachments(self) -> dict[str, list[tuple[int, Vpc]]]:
        """TGW name -> the VPCs attached to it, in file order; only TGWs that exist."""
        found: dict[str, list[tuple[int, Vpc]]] = {name: [] for name in self.transit_gateways}
        for i, vpc in enumerate(self.org.vpcs):
            if vpc.transit_gateway is not None and vpc.transit_gateway.name in found:
                found[vpc.transit_gateway.name].append((i, vpc))
        return found

    @cached_property
    def peered_pairs(self) -> dict[frozenset[int], int]:
        """VPC index pair -> index of the first peering that joins them (both VPCs exist;
        peerings to external VPCs are not pairs)."""
        found: dict[frozenset[int], int] = {}
        for k, peering in enumerate(self.org.vpc_peerings):
            requester = self.vpcs.get(peering.requester)
            accepter = self.vpcs.get(peering.accepter_vpc or "")
            if requester is not None and accepter is not None and requester[0] != accepter[0]:
                found.setdefault(frozenset((requester[0], accepter[0])), k)
        return found

    def attached_tgw(self, i: int) -> str | None:
        """The name of the (existing) TGW that ``vpcs[i]`` attaches to."""
        attachment = self.org.vpcs[i].transit_gateway
        if attachment is None or attachment.name not in self.transit_gateways:
            return None
        return attachment.name

    def connected(self, i: int, j: int) -> bool:
        """VPCs ``i`` and ``j`` attach to the same TGW or are peered; the rules for those
        connections report their overlaps (LZ3012, LZ3014) instead of LZ3005."""
        tgw = self.attached_tgw(i)
        same_tgw = tgw is not None and tgw == self.attached_tgw(j)
        return same_tgw or frozenset((i, j)) in self.peered_pairs

    def tgw_vpns(self, t: int) -> list[VpnSite]:
        """The VPN connections of ``transit_gateways[t]`` with the YAML path of each."""
        tgw = self.org.transit_gateways[t]
        return [
            (vpn, ("transit_gateways", t, "vpn_connections", k))
            for k, vpn in enumerate(tgw.vpn_connections)
        ]

    def vgw_vpns(self) -> list[tuple[int, int, VpnSite]]:
        """Every VPN on a VPC's virtual private gateway: (VPC index, VGW ASN, (VPN, path))."""
        found: list[tuple[int, int, VpnSite]] = []
        for i, vpc in enumerate(self.org.vpcs):
            if vpc.vpn_gateway is None:
                continue
            for k, vpn in enumerate(vpc.vpn_gateway.vpn_connections):
                path = ("vpcs", i, "vpn_gateway", "vpn_connections", k)
                found.append((i, vpc.vpn_gateway.asn, (vpn, path)))
        return found

    def all_vpns(self) -> list[VpnSite]:
        """Every VPN connection, on transit gateways first, then on VPCs' VGWs."""
        found: list[VpnSite] = []
        for t, _ in enumerate(self.org.transit_gateways):
            found.extend(self.tgw_vpns(t))
        found.extend(site for _, _, site in self.vgw_vpns())
        return found

    def share_targets(self) -> list[tuple[ShareWith, YamlPath]]:
        """Every ``share_with`` (subnet tiers, then TGWs) with its YAML path."""
        found: list[tuple[ShareWith, YamlPath]] = []
        for i, vpc in enumerate(self.org.vpcs):
            for t, tier in enumerate(vpc.subnets):
                if tier.share_with is not None:
                    found.append((tier.share_with, ("vpcs", i, "subnets", t, "share_with")))
        for t, tgw in enumerate(self.org.transit_gateways):
            found.append((tgw.share_with, ("transit_gateways", t, "share_with")))
        return found

    @cached_property
    def _accounts_by_ou(self) -> dict[str, list[str]]:
        """OU path -> names of the accounts in it or in any OU below it."""
        found: dict[str, list[str]] = {}
        for account in self.org.accounts:
            parts = account.ou.split("/")
            for end in range(1, len(parts) + 1):
                found.setdefault("/".join(parts[:end]), []).append(account.name)
        return found

    def accounts_under(self, ou_path: str) -> list[str]:
        """Names of the accounts in OU ``ou_path`` or any OU below it."""
        return self._accounts_by_ou.get(ou_path, [])

    def undeclared(
        self, accounts: Sequence[str], ous: Sequence[str], path: YamlPath
    ) -> Iterator[Undeclared]:
        """Each of ``accounts`` (at ``path``.accounts[k]) and ``ous`` (at ``path``.ous[k]) that
        is not declared: what share_with, SCP attachments and account settings target."""
        for key, kind, names, known in (
            ("accounts", "account", accounts, list(self.accounts)),
            ("ous", "OU", ous, list(self.ou_paths)),
        ):
            for k, name in enumerate(names):
                if name not in known:
                    hint = did_you_mean(name, known) if known else ""
                    yield Undeclared(kind, name, (*path, key, k), hint)

    def shares_with_account(self, share: ShareWith, account: str) -> bool:
        """``share`` reaches ``account``: named, or in a named OU or below one."""
        if account in share.accounts:
            return True
        known = self.accounts.get(account)
        return known is not None and reaches(share.accounts, share.ous, known[1])


Check = Callable[[RuleContext], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    code: str
    summary: str
    check: Check


PlanCheck = Callable[[RuleContext, LandingZone], Iterable[Diagnostic]]


@dataclass(frozen=True)
class PlanRule:
    """A rule on what the plan would render (stack sizes, say); it runs only on a file with no
    errors, since only such a file is planned."""

    code: str
    summary: str
    check: PlanCheck
