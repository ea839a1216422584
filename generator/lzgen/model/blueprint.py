"""Blueprints: Service Catalog products as a manifest (``blueprint.yaml``) and one
CloudFormation template per version, in ``blueprints/<name>/`` (lzgen's, shipped in the
package, and the user's own folder). ``lzgen.blueprints`` reads them in the load stage; the
rules and the plan see the ``Catalog`` only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from lzgen.model.common import Name, StrictModel

ParameterKind = Literal["vpc", "tier", "ecs_cluster", "allowed"]
VersionName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
Text = Annotated[str, StringConstraints(max_length=8191)]
Short = Annotated[str, StringConstraints(min_length=1, max_length=200)]
# one file of the blueprint's folder, no path
FileName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
Action = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+:[A-Za-z0-9*]+$")]
PolicyText = Annotated[
    str, StringConstraints(pattern=r"^[^${}]*(\{(partition|region|account)\}[^${}]*)*$")
]

# The CloudFormation parameter types each kind of template constraint pins
KIND_TYPES: dict[str, tuple[str, ...]] = {
    "vpc": ("AWS::EC2::VPC::Id",),
    "tier": ("List<AWS::EC2::Subnet::Id>",),
    "ecs_cluster": ("String",),
}


class Support(StrictModel):
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+$")] | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https://\S{1,2040}$")] | None = None
    description: Text | None = None


class ManifestVersion(StrictModel):
    name: VersionName
    description: Text = ""
    template: FileName


class PolicyCondition(StrictModel):
    # an IAM condition operator, with a set operator for multivalued keys (aws:CalledVia)
    test: Annotated[str, StringConstraints(pattern=r"^((ForAnyValue|ForAllValues):)?[A-Za-z]+$")]
    variable: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9:/_.-]+$")]
    values: Annotated[list[PolicyText], Field(min_length=1)]


class PolicyStatement(StrictModel):
    sid: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9]{1,100}$")]
    actions: Annotated[list[Action], Field(min_length=1)]
    resources: Annotated[list[PolicyText], Field(min_length=1)]
    conditions: list[PolicyCondition] = []


class Manifest(StrictModel):
    name: Name
    description: Short
    owner: Short
    support: Support = Support()
    versions: Annotated[list[ManifestVersion], Field(min_length=1)]
    parameters: dict[str, ParameterKind] = {}
    launch_policy: list[PolicyStatement] = []
    # account-wide settings a launch needs, which no product may own (the landing zone sets
    # them in every account that launches it): api_gateway_logging, API Gateway's CloudWatch
    # role, without which a REST API stage cannot log
    requires: list[Literal["api_gateway_logging"]] = []


@dataclass(frozen=True)
class TemplateParameter:
    """One entry of a template's ``Parameters``."""

    name: str
    type: str
    allowed_values: tuple[str, ...] | None  # as strings, the way CloudFormation compares them


@dataclass(frozen=True)
class Version:
    name: str
    description: str
    template: str  # the file name in the blueprint's folder
    text: str  # the template, verbatim
    parameters: Mapping[str, TemplateParameter]


@dataclass(frozen=True)
class Blueprint:
    manifest: Manifest
    origin: Literal["lzgen", "user"]
    versions: Mapping[str, Version]  # in the manifest's order

    @property
    def name(self) -> str:
        return self.manifest.name


@dataclass(frozen=True)
class Problem:
    """A user blueprint that cannot be used, and why (LZ5001 reports it)."""

    blueprint: str  # the folder name, or "" for the folder itself
    message: str
    hint: str = ""


@dataclass(frozen=True)
class Catalog:
    blueprints: Mapping[str, Blueprint] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()


def parameter_text(value: object) -> str:
    """A parameter value as CloudFormation compares it: a string, true and false in lowercase."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def fits(kind: str, parameter: TemplateParameter) -> bool:
    """A constraint of ``kind`` can pin ``parameter`` (``allowed`` fits any type)."""
    return kind == "allowed" or parameter.type in KIND_TYPES.get(kind, ())
