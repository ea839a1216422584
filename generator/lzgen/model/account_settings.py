"""Account-level settings applied in each targeted account's stack.

A setting set to ``true`` is turned on and managed by lzgen; ``false`` or absent leaves it
unmanaged. An account targeted by several entries gets every setting any of them turns on.
"""

from __future__ import annotations

from typing import Literal

from lzgen.model.common import StrictModel


class AccountSettings(StrictModel):
    accounts: Literal["all"] | list[str] = []
    ous: list[str] = []
    ebs_encryption_by_default: bool = False
    s3_block_public_access: bool = False
    iam_password_policy: Literal["strict"] | None = None
    ecs_awsvpc_trunking: bool = False
