"""What every stack has: versions, provider (with the role it assumes), backend, variables."""

from __future__ import annotations

from typing import Any

from lzgen import __version__
from lzgen.model import OrgFile
from lzgen.model.organization import S3State
from lzgen.plan.types import FileSpec

AWS_PROVIDER_CONSTRAINT = ">= 5.40, < 6.0"
TERRAFORM_CONSTRAINT = ">= 1.10"  # the S3 backend's use_lockfile needs 1.10
ORGANIZATION_STACK = "organization"


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
