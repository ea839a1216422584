"""LZ5004: a template constraint's kind fits its parameter: ``vpc`` an ``AWS::EC2::VPC::Id``,
``tier`` a ``List<AWS::EC2::Subnet::Id>``, ``ecs_cluster`` a parameter the blueprint's manifest
declares a cluster name, ``allowed`` values of the parameter's type that its ``AllowedValues``
(if any) admit."""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.model.blueprint import KIND_TYPES, TemplateParameter, fits, parameter_text
from lzgen.model.service_catalog import AllowedConstraint, AllowedValue, constraint_kind
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.service_catalog import constraints, versions

CODE = "LZ5004"
NUMBER = "Number"


def _number(value: AllowedValue) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _allowed(
    ctx: RuleContext, parameter: TemplateParameter, values: list[AllowedValue], path: YamlPath
) -> Iterator[Diagnostic]:
    for k, value in enumerate(values):
        if parameter.type in (NUMBER, "List<Number>") and not _number(value):
            yield ctx.doc.diagnostic(
                CODE,
                f"'{parameter.name}' is a {parameter.type} parameter; {value!r} is not a number",
                (*path, "allowed", k),
                hint="give numbers, unquoted",
            )
        elif (
            parameter.allowed_values is not None
            and parameter_text(value) not in parameter.allowed_values
        ):
            yield ctx.doc.diagnostic(
                CODE,
                f"{value!r} is not among the AllowedValues of '{parameter.name}'",
                (*path, "allowed", k),
                hint=f"the template allows: {', '.join(parameter.allowed_values)}",
            )


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    for placed, name, constraint, path in constraints(ctx):
        blueprint = ctx.catalog.blueprints.get(placed.product.blueprint)
        kind = constraint_kind(constraint)
        for version in versions(ctx, placed.product):
            parameter = version.parameters.get(name)
            if parameter is None or blueprint is None:
                continue  # LZ5003
            declared = blueprint.manifest.parameters.get(name)
            if not fits(kind, parameter) or (kind == "ecs_cluster" and declared != kind):
                wanted = (
                    "a parameter its manifest declares `ecs_cluster`"
                    if kind == "ecs_cluster"
                    else f"a parameter of type {' or '.join(KIND_TYPES[kind])}"
                )
                pins = ", ".join(f"{p}: {k}" for p, k in blueprint.manifest.parameters.items())
                yield ctx.doc.diagnostic(
                    CODE,
                    f"`{kind}` constraints pin {wanted}; '{name}' of blueprint "
                    f"'{blueprint.name}' {version.name} is {parameter.type}",
                    path,
                    key=True,
                    hint=f"the blueprint's pinnable parameters: {pins or 'none'}; "
                    "`allowed: [...]` fits any parameter",
                )
                break
            if isinstance(constraint, AllowedConstraint):
                yield from _allowed(ctx, parameter, constraint.allowed, path)
                break


RULE = Rule(CODE, "template constraints fit their parameters' types and allowed values", check)
