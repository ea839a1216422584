"""Account-level settings applied in each targeted account's stack.

A setting set to ``true`` is turned on and managed by lzgen; ``false`` or absent leaves it
unmanaged. An account targeted by several entries gets every setting any of them turns on.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Tag

from lzgen.model.common import StrictModel


def _targets_form(value: Any) -> str:
    return "all" if isinstance(value, str) else "names"


Targets = Annotated[
    Annotated[Literal["all"], Tag("all")] | Annotated[list[str], Tag("names")],
    Discriminator(_targets_form),
]


class AccountSettings(StrictModel):
    accounts: Targets = []
    ous: list[str] = []
    ebs_encryption_by_default: bool = False
    s3_block_public_access: bool = False
    iam_password_policy: Literal["strict"] | None = None
    ecs_awsvpc_trunking: bool = False
