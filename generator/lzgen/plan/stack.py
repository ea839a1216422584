"""Stack assembly: the parts capabilities contribute, plus what every stack has (versions,
providers with the role they assume, backend, remote state reads, account ids)."""

from __future__ import annotations

from typing import Any

from lzgen import __version__
from lzgen.hcl import hcl
from lzgen.model import OrgFile
from lzgen.model.organization import S3State, adopted
from lzgen.plan.index import PlanIndex
from lzgen.plan.types import (
    BOOTSTRAP,
    DEPLOYER_ROLE,
    ORGANIZATION,
    FileSpec,
    ProviderSpec,
    Stack,
    StackPart,
    adoption_path,
)

TERRAFORM_CONSTRAINT = ">= 1.10"  # the S3 backend's use_lockfile needs 1.10
# The provider account of the management account's own credentials; "(" is never in a name, so
# an account named "management" that lzgen creates is not mistaken for it.
MANAGEMENT = "(management)"


def state_key(org: OrgFile, stack_path: str) -> str:
    prefix = (
        org.organization.state.key_prefix if isinstance(org.organization.state, S3State) else ""
    )
    if prefix and not prefix.endswith("/"):
        prefix += "/"
    return f"{prefix}{stack_path}/terraform.tfstate"


STATE_KMS_ALIAS = "alias/lzgen/terraform-state"  # the bootstrap stack's key for the state


def state_kms_alias_arn(org: OrgFile, state: S3State) -> str:
    """State objects are encrypted with the bootstrap's key (the management account's), by its
    alias: ``encrypt`` alone would ask S3 for its own keys instead of the bucket's."""
    return f"arn:aws:kms:{state.region}:{org.organization.management_account_id}:{STATE_KMS_ALIAS}"


def remote_state(org: OrgFile, from_path: str, stack_path: str) -> dict[str, Any]:
    """How a stack at ``from_path`` reads the state of the stack at ``stack_path``."""
    state = org.organization.state
    if isinstance(state, S3State):
        return {
            "backend": "s3",
            "config": {
                "bucket": state.bucket,
                "key": state_key(org, stack_path),
                "region": state.region,
            },
        }
    depth = from_path.count("/") + 1
    return {
        "backend": "local",
        "config": {"path": "../" * depth + f"{stack_path}/terraform.tfstate"},
    }


def account_id_expr(index: PlanIndex, account_name: str) -> str:
    """HCL expression for an account's id: its literal id, or the organization stack's output
    for an account lzgen creates (that stack then needs the ``organization`` remote state)."""
    account = index.accounts.get(account_name)
    if account is None:
        raise KeyError(f"unknown account {account_name!r}")  # validation rules this out
    if account.id is not None:
        return hcl(account.id)
    return f"data.terraform_remote_state.organization.outputs.account_ids[{hcl(account_name)}]"


def needs_organization_state(index: PlanIndex, accounts: list[str]) -> bool:
    return any(name in index.created for name in accounts)


def account_local(providers: list[ProviderSpec], account: str) -> str:
    """The local (account.tf) holding ``account``'s id in a stack acting with ``providers``."""
    return _local_of(len({p.account for p in providers}) == 1, account)


def _local_of(one_account: bool, account: str) -> str:
    return "local.account_id" if one_account else f"local.account_ids[{hcl(account)}]"


def is_management(index: PlanIndex, account_name: str) -> bool:
    """The provider account acts with the management account's own credentials: the sentinel,
    or an account of the file whose id is the management account's."""
    account = index.accounts.get(account_name)
    return account_name == MANAGEMENT or (
        account is not None and account.id == index.org.organization.management_account_id
    )


def _stack_files(
    index: PlanIndex,
    *,
    name: str,
    path: str,
    providers: list[ProviderSpec],
    reads: dict[str, str],
) -> list[FileSpec]:
    """versions.tf, providers.tf, backend.tf, remote_state.tf and account.tf of a stack."""
    org = index.org
    state = org.organization.state
    backend: dict[str, Any] = {"type": state.backend}
    if isinstance(state, S3State):
        backend.update(
            bucket=state.bucket,
            key=state_key(org, path),
            region=state.region,
            kms_key_id=state_kms_alias_arn(org, state),
        )
    tags = {"ManagedBy": "lzgen", "LzgenStack": name, "Organization": org.organization.name}
    # Every account the stack acts in gets its id as a local, the management account too (its
    # VPCs' flow-log policies and peerings name it); the organization stack needs none.
    named = index.accounts.keys() if path != ORGANIZATION else set()
    accounts = sorted({p.account for p in providers if p.account in named})
    one_account = len({p.account for p in providers}) == 1  # account_local's test, once
    single = len(accounts) == 1 and one_account
    management_id = hcl(org.organization.management_account_id)
    provider_ctx = []
    for p in providers:
        management = is_management(index, p.account)
        # every provider pins the one account it may act in: the management account's own
        # credentials (the pipeline role), or the deployer role it assumes in a member account
        expr = management_id if management else _local_of(one_account, p.account)
        provider_ctx.append(
            {"alias": p.alias, "region": p.region, "account_expr": expr, "assume": not management}
        )
    files = [
        FileSpec(
            "versions.tf",
            "stack/versions.tf.j2",
            {
                "terraform": TERRAFORM_CONSTRAINT,
                # one constraint for every stack (organization.terraform.aws_provider_version)
                "aws": org.organization.terraform.aws_provider_version,
                "lzgen_version": __version__,
            },
        ),
        FileSpec(
            "providers.tf",
            "stack/providers.tf.j2",
            {
                "providers": provider_ctx,
                "deployer_role": org.organization.deployer_role,
                "assumes": any(p["assume"] for p in provider_ctx),
                "tags": tags,
            },
        ),
        FileSpec("backend.tf", "stack/backend.tf.j2", {"backend": backend}),
    ]
    if reads:
        files.append(
            FileSpec(
                "remote_state.tf",
                "stack/remote_state.tf.j2",
                {
                    "reads": [
                        {"name": data_name, **remote_state(org, path, upstream)}
                        for data_name, upstream in sorted(reads.items())
                    ]
                },
            )
        )
    if accounts:
        # an account's stack always names its own id local.account_id, whatever else it acts in
        own = providers[0].account if path.startswith("accounts/") and not single else None
        files.append(
            FileSpec(
                "account.tf",
                "stack/account.tf.j2",
                {
                    "single": single,
                    "own": own,
                    "accounts": [{"name": a, "expr": account_id_expr(index, a)} for a in accounts],
                },
            )
        )
    return files


def assemble_stack(index: PlanIndex, path: str, parts: list[StackPart]) -> Stack:
    """One stack from the parts capabilities contributed to ``path``."""
    org = index.org
    files = tuple(spec for part in parts for spec in part.files)
    if path == ORGANIZATION:
        name = ORGANIZATION
        providers = [ProviderSpec(None, MANAGEMENT, org.organization.home_region)]
    elif path.startswith("accounts/"):
        _, account, region = path.split("/")
        name = f"{account}/{region}"
        # the account's own provider, plus any alias a capability acts through elsewhere (a
        # spoke's Transit Gateway attachment is accepted in the owner account)
        aliases = sorted({p for part in parts for p in part.providers if p.alias is not None})
        providers = [ProviderSpec(None, account, region), *aliases]
    else:
        name = path
        providers = sorted(
            {p for part in parts for p in part.providers}, key=lambda p: (p.alias is not None, p)
        )
    reads = dict(sorted({r for part in parts for r in part.reads}))
    # the organization stack never reads its own state (a created account may be named like
    # the management account's provider, "management")
    if path != ORGANIZATION and needs_organization_state(index, [p.account for p in providers]):
        reads[ORGANIZATION] = ORGANIZATION
    depends_on = {d for part in parts for d in part.depends_on} | set(reads.values())
    # bootstrap -> organization -> deployer-role -> every stack that assumes the deployer role
    if path == ORGANIZATION:
        depends_on.add(BOOTSTRAP)
    elif path != BOOTSTRAP:
        depends_on.add(ORGANIZATION)
    members = [
        index.accounts.get(p.account) for p in providers if not is_management(index, p.account)
    ]
    if members:
        depends_on.add(DEPLOYER_ROLE)
    # an adopted account acts only once it sits in its OU, where OU-wide shares reach it
    management = org.organization.management_account_id
    depends_on.update(
        adoption_path(a.ou) for a in members if a is not None and adopted(a, management)
    )
    common = _stack_files(index, name=name, path=path, providers=providers, reads=reads)
    return Stack(
        name=name,
        path=path,
        depends_on=tuple(sorted(depends_on)),
        files=(*common, *files),
        resource_count=sum(part.resources for part in parts),
        account=providers[0].account,
        region=providers[0].region,
        reads=tuple(sorted(reads.items())),
        contributions=_contributions(parts),
    )


def _contributions(parts: list[StackPart]) -> tuple[tuple[str, int], ...]:
    """Resources per contributing file (a part's first file), largest first."""
    found: dict[str, int] = {}
    for part in parts:
        if part.resources and part.files:
            label = part.files[0].path
            found[label] = found.get(label, 0) + part.resources
    return tuple(sorted(found.items(), key=lambda item: (-item[1], item[0])))
