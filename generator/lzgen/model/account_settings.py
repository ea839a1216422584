"""Account-level settings applied in each targeted account's stack.

Every account gets the floor (``FLOOR``) without any entry: EBS encryption by default, the S3
account public access block, IMDSv2 required by default, the EBS snapshot and AMI public
access blocks, its default VPCs removed, and the alternate contacts that
``baseline.alternate_contacts`` gives. For a
floor setting, ``true`` is redundant (it is on anyway) and ``false`` opts the targeted accounts
out, which needs ``opt_out_reason`` (LZ7007). The optional settings (``iam_password_policy``,
``ecs_awsvpc_trunking``) are turned on by an entry and unmanaged otherwise. An account targeted
by several entries gets every optional setting any of them turns on, and loses a floor setting
any of them opts out of.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, StringConstraints, Tag

from lzgen.model.common import StrictModel

# the floor settings, in rendering order
FLOOR = (
    "ebs_encryption_by_default",
    "imdsv2_required",
    "ebs_snapshot_block_public_access",
    "ami_block_public_access",
    "default_vpc_removed",
    "s3_block_public_access",
    "alternate_contacts",
)


def _targets_form(value: Any) -> str:
    return "all" if isinstance(value, str) else "names"


Targets = Annotated[
    Annotated[Literal["all"], Tag("all")] | Annotated[list[str], Tag("names")],
    Discriminator(_targets_form),
]


class AccountSettings(StrictModel):
    accounts: Targets = []
    ous: list[str] = []
    # the floor: on in every account; false opts out and needs opt_out_reason
    ebs_encryption_by_default: bool | None = None
    imdsv2_required: bool | None = None
    ebs_snapshot_block_public_access: bool | None = None
    ami_block_public_access: bool | None = None
    default_vpc_removed: bool | None = None
    s3_block_public_access: bool | None = None
    alternate_contacts: bool | None = None
    opt_out_reason: Annotated[str, StringConstraints(pattern=r"\S", max_length=500)] | None = None
    # optional settings: off (unmanaged) unless an entry turns them on
    iam_password_policy: Literal["strict"] | None = None
    ecs_awsvpc_trunking: bool = False

    def opted_out(self) -> list[str]:
        """The floor settings this entry turns off, in ``FLOOR`` order."""
        return [name for name in FLOOR if getattr(self, name) is False]
