"""The organization: where state lives, OUs and member accounts."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from lzgen.model.common import Name, StrictModel
from lzgen.model.quotas import AccountQuotas

OuName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$")]
RoleName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+=,.@_-]{1,64}$")]
BucketName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]


class S3State(StrictModel):
    """Remote state in S3 with native S3 locking (``use_lockfile``)."""

    backend: Literal["s3"]
    bucket: BucketName
    region: str
    key_prefix: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9/_.-]{0,128}$")] = ""


class LocalState(StrictModel):
    """State files next to each stack; for trials and tests only."""

    backend: Literal["local"]


StateConfig = Annotated[S3State | LocalState, Field(discriminator="backend")]


class Organization(StrictModel):
    name: Name
    home_region: str
    management_account_id: str
    access_role: RoleName = "OrganizationAccountAccessRole"
    state: StateConfig
    # no rendered stack may hold more resources than this (LZ8001): plan and apply time, blast
    # radius and review size all grow with a stack
    max_stack_resources: Annotated[int, Field(ge=1)] = 500


class OrganizationalUnit(StrictModel):
    name: OuName
    children: list[OrganizationalUnit] = []


class Account(StrictModel):
    """A member account: existing when ``id`` is given, created by lzgen otherwise."""

    name: Name
    email: str
    ou: str
    id: str | None = None
    quotas: AccountQuotas = AccountQuotas()


def in_ou(account: Account, ou_path: str) -> bool:
    """An account is in an OU when it sits in it or in any OU below it."""
    return account.ou == ou_path or account.ou.startswith(f"{ou_path}/")


def reaches(
    accounts: Literal["all"] | Collection[str], ous: Iterable[str], account: Account
) -> bool:
    """Targets given as account names (or ``all``) and OU paths reach ``account``: a share, an
    SCP attachment, an account settings entry."""
    return accounts == "all" or account.name in accounts or any(in_ou(account, o) for o in ous)
