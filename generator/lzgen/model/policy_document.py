"""An IAM identity-based policy document written as YAML (a permission set's inline policy):
IAM's own keys, so a misspelt or misplaced key (``Principal`` has no place in an identity
policy, ``password`` none anywhere) is an unknown key at its line and column."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, JsonValue, StringConstraints

from lzgen.model.common import StrictModel

# one or many: IAM takes both
Strings = (
    Annotated[str, StringConstraints(min_length=1)]
    | Annotated[list[Annotated[str, StringConstraints(min_length=1)]], Field(min_length=1)]
)
# StringEquals, ForAnyValue:StringLike, ArnNotLikeIfExists, Null, ...
ConditionOperator = Annotated[
    str,
    StringConstraints(
        pattern=r"^(ForAllValues:|ForAnyValue:)?"
        r"(String|Numeric|Date|Bool|Binary|IpAddress|NotIpAddress|Arn|Null)[A-Za-z]*$"
    ),
]


class PolicyStatement(StrictModel):
    Sid: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]*$")] | None = None
    Effect: Literal["Allow", "Deny"]
    Action: Strings | None = None
    NotAction: Strings | None = None
    Resource: Strings | None = None
    NotResource: Strings | None = None
    # operator -> condition key -> value(s)
    Condition: dict[ConditionOperator, dict[str, JsonValue]] | None = None


class PolicyDocument(StrictModel):
    # the current policy language: without it IAM ignores policy variables
    Version: Literal["2012-10-17"]
    Id: str | None = None
    Statement: Annotated[list[PolicyStatement], Field(min_length=1)]
