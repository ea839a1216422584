"""LZ3026: a VPC peers with the same external VPC (``vpc_id``) only once, and an external
peer's ``account_id`` is not an account of the organization: a VPC there is declared in the
file and peered by name, so both sides are rendered."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.rules.base import Rule, RuleContext

CODE = "LZ3026"


def _account_ids(ctx: RuleContext) -> dict[str, tuple[str, YamlPath]]:
    """Account id -> (what it is, its node): the file's accounts with an id, the management
    account."""
    o = ctx.org.organization
    found: dict[str, tuple[str, YamlPath]] = {}
    for i, account in enumerate(ctx.org.accounts):
        if account.id is not None:
            found.setdefault(account.id, (f"account '{account.name}'", ("accounts", i, "id")))
    found.setdefault(
        o.management_account_id,
        ("the management account", ("organization", "management_account_id")),
    )
    return found


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    accounts = _account_ids(ctx)
    first: dict[tuple[str, str], int] = {}  # (requester, vpc_id) -> first peering's index
    for k, peering in enumerate(ctx.org.vpc_peerings):
        external = peering.external
        if external is None:
            continue
        at: YamlPath = ("vpc_peerings", k, "accepter", "external")
        inside = accounts.get(external.account_id)
        if inside is not None:
            what, path = inside
            yield ctx.doc.diagnostic(
                CODE,
                f"external peer of peering '{peering.name}' is in account "
                f"{external.account_id}, {what} of this organization",
                (*at, "account_id"),
                related=(path,),
                hint=f"declare that VPC under `vpcs` in {what} and peer it by name "
                f"(`accepter: <vpc name>`), a peering inside the organization",
            )
        key = (peering.requester, external.vpc_id)
        if key in first:
            j = first[key]
            other = ctx.org.vpc_peerings[j]
            line, column = ctx.doc.locate(("vpc_peerings", j, "name"))
            yield ctx.doc.diagnostic(
                CODE,
                f"VPC peering '{peering.name}' peers '{peering.requester}' with "
                f"{external.vpc_id}, already peered by '{other.name}'",
                (*at, "vpc_id"),
                related=(("vpc_peerings", j, "name"),),
                hint=f"'{other.name}' is at line {line}, column {column}; AWS allows one "
                "peering between two VPCs",
            )
        else:
            first[key] = k


RULE = Rule(CODE, "an external VPC is peered once per VPC and is outside the organization", check)
