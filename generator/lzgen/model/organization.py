"""The organization: where state lives, OUs and member accounts."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from lzgen.model.ci import Ci
from lzgen.model.common import Name, StrictModel
from lzgen.model.quotas import AccountQuotas
from lzgen.model.terraform import TerraformSettings

OuName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$")]
RoleName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+=,.@_-]{1,64}$")]
BucketName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
OrganizationId = Annotated[str, StringConstraints(pattern=r"^o-[a-z0-9]{10,32}$")]
RootId = Annotated[str, StringConstraints(pattern=r"^r-[0-9a-z]{4,32}$")]
OuId = Annotated[str, StringConstraints(pattern=r"^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$")]
ServicePrincipal = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.-]{0,126}\.amazonaws\.com$")
]
PrincipalArn = Annotated[
    str,
    StringConstraints(pattern=r"^arn:aws:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$"),
]
OidcHost = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.-]{0,252}(/[A-Za-z0-9._~/-]*)?$")
]
PolicyType = Literal[
    "AISERVICES_OPT_OUT_POLICY",
    "BACKUP_POLICY",
    "CHATBOT_POLICY",
    "DECLARATIVE_POLICY_EC2",
    "RESOURCE_CONTROL_POLICY",
    "SERVICE_CONTROL_POLICY",
    "TAG_POLICY",
]


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


class ExistingOrganization(StrictModel):
    """An organization that exists already: lzgen imports it instead of creating it."""

    id: OrganizationId
    root_id: RootId


class OidcTrust(StrictModel):
    """CI's OpenID Connect identity provider (GitHub Actions, GitLab, ...): the pipeline role
    trusts tokens of ``audience`` whose ``sub`` matches one of ``subjects``."""

    provider: OidcHost  # the issuer host, e.g. token.actions.githubusercontent.com
    audience: Annotated[str, StringConstraints(min_length=1, max_length=255)] = "sts.amazonaws.com"
    subjects: Annotated[
        list[Annotated[str, StringConstraints(min_length=1, max_length=255)]],
        Field(min_length=1),
    ]


class Pipeline(StrictModel):
    """The role CI (or an operator) runs every stack as; created by the bootstrap stack."""

    role: RoleName = "lzgen-pipeline"
    # who may assume it: roles by ARN (operators), CI's identity provider, or both (LZ4001)
    trusted_principals: list[PrincipalArn] = []
    oidc: OidcTrust | None = None


class Organization(StrictModel):
    name: Name
    home_region: str
    management_account_id: str
    # the role AWS creates in the accounts lzgen creates (CreateAccount's RoleName)
    access_role: RoleName = "OrganizationAccountAccessRole"
    # the role member-account stacks assume, in every member account, created ones and invited
    # ones alike (a service-managed StackSet deploys it); it trusts only the pipeline role
    deployer_role: RoleName = "lzgen-deployer"
    pipeline: Pipeline = Pipeline()
    existing: ExistingOrganization | None = None
    # trusted services and policy types the organization has enabled besides the ones lzgen
    # configures: kept enabled (lzgen's lists are authoritative)
    trusted_services: list[ServicePrincipal] | None = None
    policy_types: list[PolicyType] | None = None
    # opt-in regions (launched after March 2019) the landing zone uses: lzgen enables each for
    # the member accounts whose stacks act there (LZ2019 asks for every one used)
    opt_in_regions: list[str] = []
    state: StateConfig
    # no rendered stack may hold more resources than this (LZ8001): plan and apply time, blast
    # radius and review size all grow with a stack
    max_stack_resources: Annotated[int, Field(ge=1)] = 500
    # what every stack's versions.tf requires: one AWS provider constraint for all stacks
    terraform: TerraformSettings = TerraformSettings()
    # files for the CI that plans and applies the committed tree (atlantis.yaml)
    ci: Ci = Ci()


class OrganizationalUnit(StrictModel):
    name: OuName
    id: OuId | None = None  # an OU that exists already (in an existing organization): imported
    children: list[OrganizationalUnit] = []


class Account(StrictModel):
    """A member account: existing when ``id`` is given, created by lzgen otherwise."""

    name: Name
    email: str
    ou: str
    id: str | None = None
    # an existing account (with id) is adopted: imported and moved into ``ou``
    # (adopted-accounts/<ou>); false keeps it a reference only, outside every OU as far as
    # lzgen knows
    adopt: bool = True
    quotas: AccountQuotas = AccountQuotas()
    renamed_from: Name | None = None  # the name it had: its stacks' resources are moved


def adopted(account: Account, management_account_id: str) -> bool:
    """An existing member account that lzgen imports and places in its OU (never the
    management account, which is the organization's, not a member to move)."""
    return account.id not in (None, management_account_id) and account.adopt


def referenced(account: Account, management_account_id: str) -> bool:
    """An existing member account with ``adopt: false``: lzgen neither imports nor moves it."""
    return account.id not in (None, management_account_id) and not account.adopt


def in_ou(account: Account, ou_path: str) -> bool:
    """An account is in an OU when it sits in it or in any OU below it."""
    return account.ou == ou_path or account.ou.startswith(f"{ou_path}/")


def reaches(
    accounts: Literal["all"] | Collection[str], ous: Iterable[str], account: Account
) -> bool:
    """Targets given as account names (or ``all``) and OU paths reach ``account``: a share, an
    SCP attachment, an account settings entry."""
    return accounts == "all" or account.name in accounts or any(in_ou(account, o) for o in ous)
