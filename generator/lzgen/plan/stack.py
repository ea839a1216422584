"""What every stack has: versions, provider (with the role it assumes), backend, variables."""

from __future__ import annotations

from typing import Any

from lzgen import __version__
from lzgen.model import OrgFile
from lzgen.model.organization import S3State
from lzgen.plan.types import ORGANIZATION, FileSpec, Stack, StackPart

AWS_PROVIDER_CONSTRAINT = ">= 5.40, < 6.0"
TERRAFORM_CONSTRAINT = ">= 1.10"  # the S3 backend's use_lockfile needs 1.10


def state_key(org: OrgFile, stack_path: str) -> str:
    prefix = (
        org.organization.state.key_prefix if isinstance(org.organization.state, S3State) else ""
    )
    if prefix and not prefix.endswith("/"):
        prefix += "/"
    return f"{prefix}{stack_path}/terraform.tfstate"


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


def common_files(
    org: OrgFile,
    *,
    stack_name: str,
    stack_path: str,
    region: str,
    role_account_expr: str | None,
) -> list[FileSpec]:
    """versions.tf, providers.tf and backend.tf for one stack.

    ``role_account_expr`` is an HCL expression for the account whose access role the provider
    assumes, or None to use the caller's credentials (the management account).
    """
    state = org.organization.state
    backend: dict[str, Any] = {"type": state.backend}
    if isinstance(state, S3State):
        backend.update(bucket=state.bucket, key=state_key(org, stack_path), region=state.region)
    provider = {
        "region": region,
        "role_account_expr": role_account_expr,
        "access_role": org.organization.access_role,
        "tags": {
            "ManagedBy": "lzgen",
            "LzgenStack": stack_name,
            "Organization": org.organization.name,
        },
    }
    return [
        FileSpec(
            "versions.tf",
            "stack/versions.tf.j2",
            {
                "terraform": TERRAFORM_CONSTRAINT,
                "aws": AWS_PROVIDER_CONSTRAINT,
                "lzgen_version": __version__,
            },
        ),
        FileSpec("providers.tf", "stack/providers.tf.j2", {"provider": provider}),
        FileSpec("backend.tf", "stack/backend.tf.j2", {"backend": backend}),
    ]


def _merge(
    parts: list[StackPart],
) -> tuple[tuple[FileSpec, ...], int, tuple[str, ...], dict[str, str]]:
    files = tuple(spec for part in parts for spec in part.files)
    resources = sum(part.resources for part in parts)
    depends_on = tuple(sorted({d for part in parts for d in part.depends_on}))
    reads = dict(sorted({r for part in parts for r in part.reads}))
    return files, resources, depends_on, reads


def organization_stack(org: OrgFile, parts: list[StackPart]) -> Stack:
    """The management account's stack in the home region: no role to assume."""
    return management_stack(org, ORGANIZATION, parts)


def management_stack(org: OrgFile, path: str, parts: list[StackPart]) -> Stack:
    """A stack of the management account in the home region (no role assumed); every one
    but the organization stack itself is applied after it."""
    files, resources, depends_on, reads = _merge(parts)
    common = common_files(
        org,
        stack_name=path,
        stack_path=path,
        region=org.organization.home_region,
        role_account_expr=None,
    )
    if path != ORGANIZATION:
        depends_on = tuple(sorted({ORGANIZATION, *depends_on}))
    return Stack(
        path,
        path,
        depends_on,
        (*common, *files),
        resources,
        "management",
        org.organization.home_region,
        tuple(reads.items()),
    )


def account_stack(org: OrgFile, account_name: str, region: str, parts: list[StackPart]) -> Stack:
    """A member account's stack in one region; assumes ``access_role`` unless the account is
    the management account. Accounts lzgen creates get their id from the organization stack."""
    account = next(a for a in org.accounts if a.name == account_name)
    path = f"accounts/{account_name}/{region}"
    name = f"{account_name}/{region}"
    files, resources, depends_on, reads = _merge(parts)
    account_ctx: dict[str, Any] = {"name": account_name, "id": account.id, "remote_state": None}
    if account.id is None or ORGANIZATION in reads.values():
        account_ctx["remote_state"] = remote_state(org, path, ORGANIZATION)
        reads[ORGANIZATION] = ORGANIZATION
    is_management = account.id == org.organization.management_account_id
    common = common_files(
        org,
        stack_name=name,
        stack_path=path,
        region=region,
        role_account_expr=None if is_management else "local.account_id",
    )
    account_file = FileSpec("account.tf", "stack/account.tf.j2", {"account": account_ctx})
    depends = tuple(sorted({ORGANIZATION, *depends_on}))
    return Stack(
        name,
        path,
        depends,
        (*common, account_file, *files),
        resources,
        account_name,
        region,
        tuple(sorted(reads.items())),
    )
