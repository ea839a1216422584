"""lzgen's library of service control policies, and a small evaluator of their Deny statements.

Each policy is a JSON file shipped in the wheel under ``templates/baseline/scp/``; the ones that
take parameters (the regions to allow, lzgen's deployer role) are ``.json.j2`` templates. The
plan writes the rendered JSON next to the organization stack, and the rules read exactly the
same text, so what a rule checks is what Terraform attaches.

The core guardrails (``CORE``, ``core-*.json.j2``) are not in the library: lzgen attaches them
at the organization's root whenever ``baseline:`` exists (plan/guardrails.py). They protect
what lzgen builds (its roles, the log archive bucket, its KMS keys, flow logs and log groups,
network resources, the security services) from everyone but the deployer role and the
break-glass role; resources lzgen creates are found by the ``ManagedBy = lzgen`` tag every
provider sets (``default_tags``), the bucket and the roles by name.

``statement_denies`` answers "does this Deny statement apply to this principal, action and
region?" (and, when given, resource ARN, resource tags and request tag keys) for the condition
keys the policies use. Unknown condition keys, and a resource or tags not given, count as "may
apply", so a policy the evaluator does not understand errs towards a diagnostic, never away
from one.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
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


# the tag every provider's default_tags puts on what lzgen creates (plan/stack.py); the core
# guardrails protect resources by it
MANAGED_TAG = ("ManagedBy", "lzgen")


@dataclass(frozen=True)
class CorePolicy:
    name: str  # the policy's name in Organizations, also its file name under scp/
    template: str  # path under the templates directory
    description: str


CORE: tuple[CorePolicy, ...] = (
    CorePolicy(
        "lzgen-core-organization",
        "baseline/scp/core-organization.json.j2",
        "lzgen core guardrail: accounts cannot leave the organization, deregister delegated "
        "administrators, touch lzgen's policies or stop, delete or reconfigure CloudTrail, "
        "GuardDuty, Security Hub, AWS Config or IAM Access Analyzer. Deployer and break-glass "
        "roles are exempt.",
    ),
    CorePolicy(
        "lzgen-core-identity",
        "baseline/scp/core-identity.json.j2",
        "lzgen core guardrail: lzgen's platform roles and every role tagged ManagedBy=lzgen "
        "cannot be created, changed or deleted, and no ManagedBy tag can be removed or "
        "overwritten on lzgen's resources. Deployer and break-glass roles are exempt.",
    ),
    CorePolicy(
        "lzgen-core-resources",
        "baseline/scp/core-resources.json.j2",
        "lzgen core guardrail: the log archive bucket and its objects, lzgen's KMS keys, flow "
        "logs, log groups, transit gateways, peerings and RAM shares cannot be deleted or "
        "reconfigured. Deployer and break-glass roles are exempt.",
    ),
)


@dataclass(frozen=True)
class CoreParameters:
    """What the core guardrails are rendered for: the two exempt roles, the roles they protect
    by name (in every member account), the log archive bucket and the organization trail (its
    name: an account's own trails stay its own)."""

    deployer_role: str
    break_glass_role: str
    protected_roles: tuple[str, ...]
    log_bucket: str
    trail: str

    def context(self) -> dict[str, Any]:
        exempt = (self.deployer_role, self.break_glass_role)
        protected = (*self.protected_roles, *exempt)
        return {
            "exempt": [access_role_arn_pattern(r) for r in dict.fromkeys(exempt)],
            "protected_roles": [access_role_arn_pattern(r) for r in sorted(set(protected))],
            "log_bucket_arn": f"arn:aws:s3:::{self.log_bucket}",
            "trail_arn": f"arn:aws:cloudtrail:*:*:trail/{self.trail}",
            "resource_tag": f"aws:ResourceTag/{MANAGED_TAG[0]}",
            "tag_key": MANAGED_TAG[0],
            "tag_value": MANAGED_TAG[1],
        }


def core_text(policy: CorePolicy, parameters: CoreParameters) -> str:
    """A core guardrail's JSON text as lzgen writes it (indented; Terraform minifies it)."""
    from lzgen.render import environment  # noqa: PLC0415 - render imports the plan package

    return environment().get_template(policy.template).render(parameters.context())


def core_document(policy: CorePolicy, parameters: CoreParameters) -> Any:
    return json.loads(core_text(policy, parameters))


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
RESOURCE_TAG_PREFIX = "aws:resourcetag/"
TAG_KEYS_KEY = "aws:tagkeys"


@dataclass(frozen=True)
class Request:
    """What a statement is evaluated against. ``resource``, ``resource_tags`` and ``tag_keys``
    (the tag keys the request sets or removes) are None when unknown: every condition on them
    then counts as holding."""

    action: str
    principal: str
    region: str
    resource: str | None = None
    resource_tags: Mapping[str, str] | None = None
    tag_keys: Collection[str] | None = None


def _resource_tag(request: Request, key: str) -> str | None:
    tags = request.resource_tags or {}
    wanted = key[len(RESOURCE_TAG_PREFIX) :]
    return next((v for k, v in tags.items() if k.lower() == wanted), None)


def _principal_holds(operator: str, values: list[str], request: Request) -> bool | None:
    if operator in ("ArnLike", "StringLike"):
        return _matches(values, request.principal)
    if operator in ("ArnNotLike", "StringNotLike"):
        return not _matches(values, request.principal)
    return None


def _region_holds(operator: str, values: list[str], request: Request) -> bool | None:
    if operator == "StringEquals":
        return request.region in values
    if operator == "StringNotEquals":
        return request.region not in values
    return None


def _tags_hold(operator: str, key: str, values: list[str], request: Request) -> bool | None:
    if key.startswith(RESOURCE_TAG_PREFIX) and operator == "StringEquals":
        if request.resource_tags is None:
            return None
        return _resource_tag(request, key) in values  # a missing tag never equals
    if key == TAG_KEYS_KEY and request.tag_keys is None:
        return None
    if key == TAG_KEYS_KEY and operator == "ForAnyValue:StringEquals":
        return any(k in values for k in request.tag_keys or ())
    if key == TAG_KEYS_KEY and operator == "Null":  # "true": the request names no tag key
        return (values == ["true"]) == (not request.tag_keys)
    return None


def _condition_holds(operator: str, key: str, values: list[str], request: Request) -> bool:
    """Whether one condition holds for the request; unknown ones are assumed to hold."""
    key = key.lower()
    if key in PRINCIPAL_KEYS:
        holds = _principal_holds(operator, values, request)
    elif key == REGION_KEY:
        holds = _region_holds(operator, values, request)
    else:
        holds = _tags_hold(operator, key, values, request)
    return True if holds is None else holds


def _resource_matches(statement: dict[str, Any], resource: str | None) -> bool:
    if resource is None or "Resource" not in statement:
        return True
    return any(fnmatchcase(resource, p) for p in _as_list(statement["Resource"]))


def denies(statement: dict[str, Any], request: Request) -> bool:
    """Whether a statement denies ``request``."""
    if statement.get("Effect") != "Deny":
        return False
    if "Action" in statement:
        if not _matches(_as_list(statement["Action"]), request.action):
            return False
    elif _matches(_as_list(statement.get("NotAction", [])), request.action):
        return False
    if not _resource_matches(statement, request.resource):
        return False
    for operator, block in statement.get("Condition", {}).items():
        for key, values in block.items():
            if not _condition_holds(operator, key, _as_list(values), request):
                return False
    return True


def statement_denies(statement: dict[str, Any], action: str, principal: str, region: str) -> bool:
    """Whether a statement denies ``action`` to ``principal`` in ``region``, on any resource."""
    return denies(statement, Request(action, principal, region))


_UNDERSTOOD = {
    *(
        (op, key)
        for op in ("ArnLike", "ArnNotLike", "StringLike", "StringNotLike")
        for key in PRINCIPAL_KEYS
    ),
    ("StringEquals", REGION_KEY),
    ("StringNotEquals", REGION_KEY),
    ("ForAnyValue:StringEquals", TAG_KEYS_KEY),
    ("Null", TAG_KEYS_KEY),
}


def _understood(operator: str, key: str) -> bool:
    key = key.lower()
    return (operator, key) in _UNDERSTOOD or (
        operator == "StringEquals" and key.startswith(RESOURCE_TAG_PREFIX)
    )


def understood(document: Any) -> bool:
    """Whether every condition in ``document`` is one ``denies`` evaluates (and no statement
    uses NotResource, which it does not)."""
    return all(
        "NotResource" not in statement
        and all(
            _understood(operator, key)
            for operator, block in statement.get("Condition", {}).items()
            for key in block
        )
        for statement in document["Statement"]
    )
