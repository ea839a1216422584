"""Service control policies, in the organization stack (``baseline.tf``, the JSON under ``scp/``).

Two sets, both only when ``baseline:`` exists:

- the core guardrails (``scp.CORE``), always attached at the organization's root: they keep
  what lzgen builds from everyone but the deployer role and ``baseline.break_glass_role``;
- the library policies the file lists (``baseline.service_control_policies``), attached to the
  OUs and accounts of ``baseline.attach``.

The root is the organization's (``roots[0]``), or the existing organization's ``root_id``.
"""

from __future__ import annotations

from typing import Any

from lzgen.model import OrgFile
from lzgen.model.baseline import Baseline, ParametrisedPolicy
from lzgen.plan.index import PlanIndex
from lzgen.plan.log_archive import log_bucket_name, trail_name
from lzgen.plan.log_retention import LOG_READER_ROLE
from lzgen.plan.naming import ident, ou_ident
from lzgen.plan.types import ORGANIZATION, FileSpec, StackPart
from lzgen.scp import CORE, LIBRARY, CoreParameters, policy_context


def core_parameters(org: OrgFile, baseline: Baseline) -> CoreParameters:
    """The core guardrails' parameters for this file: the roles lzgen's stacks and accounts
    rely on are protected by name, the deployer and break-glass roles are the only exempt."""
    o = org.organization
    return CoreParameters(
        deployer_role=o.deployer_role,
        break_glass_role=baseline.break_glass_role,
        protected_roles=(o.access_role, o.pipeline.role, LOG_READER_ROLE),
        log_bucket=log_bucket_name(org),
        trail=trail_name(org),
    )


def _root(org: OrgFile) -> dict[str, Any]:
    existing = org.organization.existing
    return {
        "kind": "root",
        "name": "root",
        "ou": None,
        "account": None,
        "account_id": None,
        "root_id": existing.root_id if existing else None,
    }


def _core_policies(org: OrgFile, baseline: Baseline) -> list[dict[str, Any]]:
    context = core_parameters(org, baseline).context()
    root = _root(org)
    return [
        {
            "id": ident(policy.name),
            "name": policy.name,
            "description": policy.description,
            "file": f"scp/{policy.name}.json",
            "template": policy.template,
            "context": context,
            "attachments": [{**root, "id": ident(policy.name, "root")}],
        }
        for policy in CORE
    ]


def _policy_targets(org: OrgFile, baseline: Baseline) -> list[dict[str, Any]]:
    accounts = {a.name: a for a in org.accounts}
    targets: list[dict[str, Any]] = [
        {"kind": "ou", "name": path, "ou": ou_ident(path), "account": None, "account_id": None}
        for path in baseline.attach.ous
    ]
    for name in baseline.attach.accounts:
        account = accounts[name]
        targets.append(
            {
                "kind": "account",
                "name": name,
                "ou": None,
                "account": ident(name) if account.id is None else None,
                "account_id": account.id,
            }
        )
    return targets


def _library_policies(org: OrgFile, baseline: Baseline) -> list[dict[str, Any]]:
    targets = _policy_targets(org, baseline)
    policies = []
    for entry in baseline.service_control_policies:
        name = entry.name if isinstance(entry, ParametrisedPolicy) else entry
        regions = tuple(entry.regions) if isinstance(entry, ParametrisedPolicy) else ()
        policies.append(
            {
                "id": ident(name),
                "name": name,
                "description": LIBRARY[name].description,
                "file": f"scp/{name}.json",
                "template": LIBRARY[name].template,
                "context": policy_context(org.organization.deployer_role, regions),
                "attachments": [
                    {**t, "id": ident(name, t["kind"], *t["name"].split("/"))} for t in targets
                ],
            }
        )
    return policies


def plan_guardrails(index: PlanIndex) -> list[StackPart]:
    org = index.org
    baseline = org.baseline
    if baseline is None:
        return []
    policies = [*_core_policies(org, baseline), *_library_policies(org, baseline)]
    files = (
        FileSpec("baseline.tf", "baseline/service_control_policies.tf.j2", {"policies": policies}),
        *(FileSpec(p["file"], p["template"], p["context"]) for p in policies),
    )
    return [StackPart(ORGANIZATION, files, sum(1 + len(p["attachments"]) for p in policies))]
