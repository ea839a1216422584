"""lzgen's library of service control policies, and a small evaluator of their Deny statements.

Each policy is a JSON file shipped in the wheel under ``templates/baseline/scp/``; the ones that
take parameters (the regions to allow, lzgen's deployer role) are ``.json.j2`` templates. The
plan writes the rendered JSON next to the organization stack, and the rules read exactly the
same text, so what a rule checks is what Terraform attaches.

``statement_denies`` answers "does this Deny statement apply to this principal, action and
region?" for the condition keys the library uses. Unknown condition keys count as "may apply",
so a policy the evaluator does not understand errs towards a diagnostic, never away from one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

SCP_SIZE_LIMIT = 5120  # characters, as Organizations counts them (Terraform sends minified JSON)


@dataclass(frozen=True)
class LibraryPolicy:
    name: str
    template: str  # path under the templates directory
    description: str
    parameters: tuple[str, ...] = ()


LIBRARY: dict[str, LibraryPolicy] = {
    p.name: p
    for p in (
        LibraryPolicy(
            "allowed-regions",
            "baseline/scp/allowed-regions.json.j2",
            "Denies regional services outside the listed regions; global services (IAM, "
            "Organizations, STS, Route 53, CloudFront, billing, support) stay usable. lzgen's "
            "deployer role is exempt.",
            ("regions",),
        ),
        LibraryPolicy(
            "deny-internet-gateways",
            "baseline/scp/deny-internet-gateways.json",
            "Denies creating and attaching internet gateways (IPv4 and egress-only): accounts "
            "reach the internet only through a network hub. Applies to lzgen too.",
        ),
        LibraryPolicy(
            "deny-leave-organization",
            "baseline/scp/deny-leave-organization.json",
            "Denies organizations:LeaveOrganization.",
        ),
        LibraryPolicy(
            "deny-root-user",
            "baseline/scp/deny-root-user.json",
            "Denies every action to the root user of member accounts.",
        ),
        LibraryPolicy(
            "protect-security-services",
            "baseline/scp/protect-security-services.json.j2",
            "Denies stopping, deleting or reconfiguring CloudTrail, AWS Config and GuardDuty. "
            "lzgen's deployer role is exempt.",
        ),
    )
}


def access_role_arn_pattern(access_role: str) -> str:
    """The deployer role in any account of the organization, as an ``ArnLike`` pattern."""
    return f"arn:aws:iam::*:role/{access_role}"


def policy_context(access_role: str, regions: tuple[str, ...] = ()) -> dict[str, Any]:
    """What a policy template is rendered with (the plan writes the file with the same)."""
    return {"access_role_arn": access_role_arn_pattern(access_role), "regions": regions}


def policy_text(name: str, *, access_role: str, regions: tuple[str, ...] = ()) -> str:
    """The policy's JSON text as lzgen writes it (indented; Terraform minifies it)."""
    from lzgen.render import environment  # noqa: PLC0415 - render imports the plan package

    template = environment().get_template(LIBRARY[name].template)
    return template.render(policy_context(access_role, regions))


def policy_document(name: str, *, access_role: str, regions: tuple[str, ...] = ()) -> Any:
    return json.loads(policy_text(name, access_role=access_role, regions=regions))


def minified_size(document: Any) -> int:
    """Characters of the policy as Terraform's ``jsonencode`` sends it."""
    return len(json.dumps(document, separators=(",", ":"), ensure_ascii=False))


def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _matches(patterns: list[str], value: str) -> bool:
    return any(fnmatchcase(value.lower(), p.lower()) for p in patterns)


PRINCIPAL_KEYS = ("aws:principalarn",)
REGION_KEY = "aws:requestedregion"


def _condition_holds(
    operator: str, key: str, values: list[str], principal: str, region: str
) -> bool:
    """Whether one condition holds for the request; unknown ones are assumed to hold."""
    key = key.lower()
    if key in PRINCIPAL_KEYS and operator in ("ArnLike", "StringLike"):
        return _matches(values, principal)
    if key in PRINCIPAL_KEYS and operator in ("ArnNotLike", "StringNotLike"):
        return not _matches(values, principal)
    if key == REGION_KEY and operator == "StringEquals":
        return region in values
    if key == REGION_KEY and operator == "StringNotEquals":
        return region not in values
    return True


def statement_denies(statement: dict[str, Any], action: str, principal: str, region: str) -> bool:
    """Whether a statement denies ``action`` to ``principal`` in ``region``."""
    if statement.get("Effect") != "Deny":
        return False
    if "Action" in statement:
        if not _matches(_as_list(statement["Action"]), action):
            return False
    elif _matches(_as_list(statement.get("NotAction", [])), action):
        return False
    for operator, block in statement.get("Condition", {}).items():
        for key, values in block.items():
            if not _condition_holds(operator, key, _as_list(values), principal, region):
                return False
    return True


_UNDERSTOOD = {
    *(
        (op, key)
        for op in ("ArnLike", "ArnNotLike", "StringLike", "StringNotLike")
        for key in PRINCIPAL_KEYS
    ),
    ("StringEquals", REGION_KEY),
    ("StringNotEquals", REGION_KEY),
}


def understood(document: Any) -> bool:
    """Whether every condition in ``document`` is one ``statement_denies`` evaluates."""
    return all(
        (operator, key.lower()) in _UNDERSTOOD
        for statement in document["Statement"]
        for operator, block in statement.get("Condition", {}).items()
        for key in block
    )
