"""The plan's output types: stacks, the files each renders, the whole landing zone."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lzgen.model.renames import Rename
from lzgen.plan.naming import ident


@dataclass(frozen=True)
class FileSpec:
    """One output file: which template renders it, with what context."""

    path: str
    template: str
    context: dict[str, Any] = field(hash=False)


BOOTSTRAP = "bootstrap"  # state bucket and pipeline role (management account), before all
ORGANIZATION = "organization"
DEPLOYER_ROLE = "deployer-role"  # the role member stacks assume, in every member account
ORGANIZATION_TRAIL = "organization-trail"  # management account, after the log archive


def account_path(account: str, region: str) -> str:
    """Stack path of an account's stack in one region."""
    return f"accounts/{account}/{region}"


def account_state_name(account: str, region: str) -> str:
    """The ``terraform_remote_state`` name other stacks read an account's stack by."""
    return ident(account, region)


def adoption_path(ou_path: str) -> str:
    """Stack path of the existing accounts of one OU, adopted (management account)."""
    return f"adopted-accounts/{ident(*ou_path.split('/'))}"


def peering_path(name: str) -> str:
    """Stack path of a VPC peering (both sides, after both VPCs' stacks)."""
    return f"peerings/{name}"


def transit_gateway_path(name: str) -> str:
    """Stack path of a Transit Gateway hub (in its owner account, apart from its VPCs)."""
    return f"transit-gateways/{name}"


def directory_path(name: str, account: str) -> str:
    """Stack path of a directory's part in one account: the owner's (the directory) or a
    consumer's (accepter, instance profile, resolver rule associations)."""
    return f"directories/{name}/{account}"


def service_catalog_path(portfolio: str, account: str) -> str:
    """Stack path of a portfolio's part in one account: the publisher's (bucket, portfolio,
    products, shares) or a receiving account's (launch roles)."""
    return f"service-catalog/{portfolio}/{account}"


@dataclass(frozen=True, order=True)
class ProviderSpec:
    """An AWS provider configuration of a stack: which account (assuming the deployer role
    unless it is the management account) and region; ``alias`` None is the default one."""

    alias: str | None
    account: str
    region: str


@dataclass(frozen=True)
class StackPart:
    """What one capability contributes to one stack, identified by its path.

    ``organization`` is the management account's stack in the home region;
    ``accounts/<account>/<region>`` an account's stack, acting in that account and through any
    aliased ``providers`` its parts name (a spoke's TGW acceptance, in the owner account); any
    other path is a stack whose ``providers`` say which accounts it acts in (the first without
    alias is its default).
    Several capabilities may contribute to one stack, and several parts to one file path
    (``outputs.tf``): render joins them in order.
    """

    path: str
    files: tuple[FileSpec, ...]
    resources: int
    depends_on: tuple[str, ...] = ()  # stack paths applied before this one
    reads: tuple[tuple[str, str], ...] = ()  # (remote state data name, upstream stack path)
    providers: tuple[ProviderSpec, ...] = ()


@dataclass(frozen=True)
class Stack:
    """A Terraform root module with its own state. A file path may appear more than once in
    ``files``: render joins those parts, in order, into one file."""

    name: str
    path: str
    depends_on: tuple[str, ...]
    files: tuple[FileSpec, ...]
    resource_count: int
    account: str
    region: str
    reads: tuple[tuple[str, str], ...] = ()  # (remote state data name, upstream stack path)
    # where the resources come from: (first file of a part, its resources), largest first
    contributions: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class LandingZone:
    """Everything render needs: stacks in apply order plus the tree's top-level files."""

    org_name: str
    stacks: tuple[Stack, ...]
    files: tuple[FileSpec, ...]
    # with renamed_from in the file: the landing zone of its previous version (the old names
    # back) and the renames, from which render writes moved blocks (lzgen.moves)
    previous: LandingZone | None = None
    renames: tuple[Rename, ...] = ()
