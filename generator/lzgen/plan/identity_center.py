"""IAM Identity Center: the ``identity-center`` stack (management account, the instance's
region, after the organization stack).

Permission sets with their AWS managed policies and inline policy (``policies/<set>.json``
next to the stack, sent minified), the groups lzgen creates in the identity store, and one
account assignment per group, permission set and account, OUs expanded to the accounts in
them and below them. The instance is named by ARN and identity store id from the file: no data
source looks it up, so the stack plans offline. Account ids come from the file, or from the
organization stack's outputs for the accounts lzgen creates.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from lzgen.hcl import hcl
from lzgen.model.identity_center import Assignment, IdentityCenter, PermissionSet
from lzgen.model.organization import in_ou
from lzgen.model.policy_document import PolicyDocument
from lzgen.plan.index import PlanIndex
from lzgen.plan.naming import ident
from lzgen.plan.stack import MANAGEMENT, account_id_expr
from lzgen.plan.types import ORGANIZATION, FileSpec, ProviderSpec, StackPart

IDENTITY_CENTER = "identity-center"
SERVICE = "sso.amazonaws.com"  # Identity Center's trusted access in the organization
AWS_MANAGED_PREFIX = "arn:aws:iam::aws:policy/"
ADMINISTRATOR_ACCESS = AWS_MANAGED_PREFIX + "AdministratorAccess"
_DURATION = re.compile(r"^PT(?:(\d+)H)?(?:(\d+)M)?$")


def session_minutes(duration: str) -> int:
    """Minutes of an ISO-8601 ``PT#H#M`` duration (the model checked its form)."""
    match = _DURATION.match(duration)
    if match is None:
        raise ValueError(f"not a PT#H#M duration: {duration!r}")  # the model rules this out
    return int(match[1] or 0) * 60 + int(match[2] or 0)


def canonical_duration(duration: str) -> str:
    """``PT90M`` -> ``PT1H30M``, ``PT60M`` -> ``PT1H``: the form AWS returns, so a plan after
    apply shows no change."""
    hours, minutes = divmod(session_minutes(duration), 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")


def managed_policy_arn(policy: str) -> str:
    """An AWS managed policy's ARN from its name (``job-function/ViewOnlyAccess``) or ARN."""
    return policy if policy.startswith("arn:") else AWS_MANAGED_PREFIX + policy


def policy_json(document: PolicyDocument) -> str:
    """The inline policy's file text: indented for review; Terraform sends it minified."""
    return json.dumps(document.model_dump(exclude_none=True), indent=2, ensure_ascii=False) + "\n"


def assignment_accounts(index: PlanIndex, assignment: Assignment) -> list[str]:
    """Names of the accounts an assignment reaches: the named ones and every account in its
    OUs or below them, sorted."""
    names = set(assignment.accounts)
    names.update(a.name for a in index.org.accounts if any(in_ou(a, ou) for ou in assignment.ous))
    return sorted(names)


def _permission_set(ps: PermissionSet) -> dict[str, Any]:
    psid = ident(ps.name)
    return {
        "id": psid,
        "name": ps.name,
        "description": ps.description,
        "session_duration": canonical_duration(ps.session_duration),
        "relay_state": ps.relay_state,
        "policies": [
            {
                "id": ident(ps.name, managed_policy_arn(p).removeprefix(AWS_MANAGED_PREFIX)),
                "arn": managed_policy_arn(p),
                "administrator": managed_policy_arn(p) == ADMINISTRATOR_ACCESS,
            }
            for p in ps.managed_policies
        ],
        "inline_file": f"policies/{psid}.json" if ps.inline_policy is not None else None,
    }


def _context(index: PlanIndex, ic: IdentityCenter) -> tuple[dict[str, Any], bool]:
    """The template context, and whether it reads the organization stack's outputs."""
    sets = {ps.name: _permission_set(ps) for ps in ic.permission_sets}
    created = [
        {
            "id": ident(g.name),
            "name": g.name,
            "display_name": g.display_name or g.name,
            "description": g.description,
        }
        for g in ic.groups
        if g.id is None
    ]
    # every group's id: literal for an existing group, the created group's otherwise
    group_ids = {
        g.name: hcl(g.id) if g.id else f"aws_identitystore_group.{ident(g.name)}.group_id"
        for g in ic.groups
    }
    assignments: dict[str, dict[str, str]] = {}
    reads_organization = False
    for assignment in ic.assignments:
        ps = sets[assignment.permission_set]
        for account in assignment_accounts(index, assignment):
            reads_organization |= account in index.created
            key = f"{assignment.group}/{ps['name']}/{account}"
            assignments[key] = {
                "key": key,
                "id": ident(assignment.group, ps["name"], account),
                "permission_set": f"aws_ssoadmin_permission_set.{ps['id']}.arn",
                "principal": group_ids[assignment.group],
                "target": account_id_expr(index, account),
            }
    _check_unique_ids(assignments.values())
    context = {
        "instance_arn": ic.instance_arn,
        "identity_store_id": ic.identity_store_id,
        "permission_sets": list(sets.values()),
        "groups": created,
        "group_ids": [{"name": name, "expr": expr} for name, expr in sorted(group_ids.items())],
        "assignments": [assignments[k] for k in sorted(assignments)],
        # the assignments wait for every policy, so each account's role is provisioned whole
        "policy_resources": [
            *(
                f"aws_ssoadmin_managed_policy_attachment.{p['id']}"
                for ps in sets.values()
                for p in ps["policies"]
            ),
            *(
                f"aws_ssoadmin_permission_set_inline_policy.{ps['id']}"
                for ps in sets.values()
                if ps["inline_file"]
            ),
        ],
    }
    return context, reads_organization


def _check_unique_ids(assignments: Iterable[dict[str, str]]) -> None:
    """Each assignment is its own resource block, addressed ``ident(group, set, account)``.
    ``ident`` keeps the three parts apart ('_' joins them and never occurs in one), so two
    assignments share an address only when two names of one kind do: LZ4202 rules that out for
    groups and permission sets, but LZ2003 ignores only case in account names, so ``app--a``
    and ``app-a`` both pass it and would collide here."""
    seen: dict[str, str] = {}
    for a in assignments:
        other = seen.setdefault(a["id"], a["key"])
        if other != a["key"]:
            raise ValueError(
                f"Identity Center assignments {other!r} and {a['key']!r} would both be "
                f"aws_ssoadmin_account_assignment.{a['id']}: rename one of their accounts"
            )


def plan_identity_center(index: PlanIndex) -> list[StackPart]:
    org = index.org
    ic = org.identity_center
    if ic is None:
        return []
    context, reads_organization = _context(index, ic)
    files = [
        FileSpec("identity_center.tf", "identity_center/identity_center.tf.j2", context),
        FileSpec("outputs.tf", "identity_center/outputs.tf.j2", context),
        *(
            FileSpec(
                f"policies/{ident(ps.name)}.json",
                "stack/verbatim.j2",
                {"text": policy_json(ps.inline_policy)},
            )
            for ps in ic.permission_sets
            if ps.inline_policy is not None
        ),
    ]
    sets = context["permission_sets"]
    resources = (
        len(sets)
        + sum(len(ps["policies"]) + bool(ps["inline_file"]) for ps in sets)
        + len(context["groups"])
        + len(context["assignments"])
    )
    region = ic.region or org.organization.home_region
    # the delegated administrator's stack assumes the deployer role there, like every member
    # account's stack; without one it acts with the management account's own credentials
    account = ic.delegated_admin or MANAGEMENT
    return [
        StackPart(
            IDENTITY_CENTER,
            tuple(files),
            resources,
            reads=((ORGANIZATION, ORGANIZATION),) if reads_organization else (),
            providers=(ProviderSpec(None, account, region),),
        ),
        *_delegation_part(index, ic),
    ]


def _delegation_part(index: PlanIndex, ic: IdentityCenter) -> list[StackPart]:
    """The delegated administrator's registration, in the organization stack."""
    if ic.delegated_admin is None:
        return []
    account = index.accounts[ic.delegated_admin]
    context = {
        "id": ident("sso", account.name),
        "account": account.name,
        # inside the organization stack, which creates the accounts the file gives no id
        "expr": hcl(account.id)
        if account.id
        else f"aws_organizations_account.{ident(account.name)}.id",
        "service": SERVICE,
    }
    return [
        StackPart(
            ORGANIZATION,
            (FileSpec("identity_center.tf", "identity_center/delegation.tf.j2", context),),
            1,
        )
    ]
