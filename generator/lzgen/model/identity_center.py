"""IAM Identity Center: permission sets, groups and their assignments to accounts.

The Identity Center instance exists already (an organization instance, enabled once in the
console); the file names it by ARN and identity store id, so no stack looks it up at plan time.
Groups either exist (from the identity source: SCIM from an IdP, Active Directory) and are named
by id, or lzgen creates them in the identity store. Assignments name a group, a permission set
and accounts and OUs; an OU stands for every account in it and in the OUs below it.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from lzgen.model.common import Name, StrictModel
from lzgen.model.policy_document import PolicyDocument

InstanceArn = Annotated[
    str, StringConstraints(pattern=r"^arn:aws:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}$")
]
IdentityStoreId = Annotated[str, StringConstraints(pattern=r"^d-[0-9a-f]{10}$")]
# the identity store's group ids: a UUID, optionally prefixed (as AWS documents GroupId)
GroupId = Annotated[
    str,
    StringConstraints(
        pattern=r"^([0-9a-f]{10}-)?[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-"
        r"[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$"
    ),
]
PermissionSetName = Annotated[str, StringConstraints(pattern=r"^[\w+=,.@-]{1,32}$")]
# ISO-8601 duration in hours and minutes (PT4H, PT90M, PT1H30M); LZ4203 checks the range
SessionDuration = Annotated[str, StringConstraints(pattern=r"^PT(\d+H(\d+M)?|\d+M)$")]
Description = Annotated[
    str, StringConstraints(min_length=1, max_length=700, pattern=r"^[\t\n\r\x20-\x7e\xa1-\xff]*$")
]
RelayState = Annotated[str, StringConstraints(min_length=1, max_length=240)]

DEFAULT_SESSION_DURATION = "PT1H"  # AWS's default: short sessions unless a set says otherwise


class PermissionSet(StrictModel):
    name: PermissionSetName
    description: Description | None = None
    session_duration: SessionDuration = DEFAULT_SESSION_DURATION
    # AWS managed policies by name (ReadOnlyAccess, job-function/ViewOnlyAccess) or ARN (LZ4204)
    managed_policies: list[str] = []
    # an IAM policy document, written as a YAML mapping; sent as minified JSON (LZ4205)
    inline_policy: PolicyDocument | None = None
    # where the AWS access portal sends the user after sign-in (a console URL)
    relay_state: RelayState | None = None


class Group(StrictModel):
    """A group of the identity store: existing when ``id`` is given, created by lzgen
    otherwise (with ``display_name``, default ``name``, and ``description``)."""

    name: Name
    id: GroupId | None = None
    display_name: Annotated[str, StringConstraints(min_length=1, max_length=1024)] | None = None
    description: Annotated[str, StringConstraints(min_length=1, max_length=1024)] | None = None


class Assignment(StrictModel):
    group: str
    permission_set: str
    accounts: list[str] = []
    ous: list[str] = []


class IdentityCenter(StrictModel):
    instance_arn: InstanceArn
    identity_store_id: IdentityStoreId
    # the region of the Identity Center instance; default the organization's home region
    region: str | None = None
    # a member account (by name) registered as Identity Center's delegated administrator: the
    # stack runs there instead of the management account (LZ4207)
    delegated_admin: str | None = None
    permission_sets: Annotated[list[PermissionSet], Field(min_length=1)]
    groups: list[Group] = []
    # groups only, never users: access follows group membership in the identity source
    assignments: list[Assignment] = []
