"""Organization-wide security services run from the audit account (``security:``).

Where each piece lands:

- organization stack: trusted access for the services (plan/organization.py asks
  plan/security_trust.py) and the audit account registered as delegated administrator of
  GuardDuty, Security Hub, AWS Config (and its multi-account setup) and IAM Access Analyzer;
- the audit account's stack in every region in use (``plan.regions``): GuardDuty, Security
  Hub and Access Analyzer (plan/security_audit.py), with the regional admin designations made
  through a ``management`` provider alias in the same stack, after the audit account's own
  detector and hub exist, and before the organization configuration that enrols the members;
- every account's stack in every region in use: the AWS Config recorder and its delivery to the
  log archive (plan/security_config.py); an unlisted management account's go to
  ``security/management/<region>``, since the organization stack applies before the bucket.

Stack order: organization -> log archive -> every stack with a Config recorder (the audit
account's included); an account's other regions after its home region (its service-linked
role for Config is created once, there).
"""

from __future__ import annotations

from typing import Any

from lzgen.hcl import hcl
from lzgen.plan.index import PlanIndex
from lzgen.plan.naming import ident
from lzgen.plan.security_audit import plan_audit
from lzgen.plan.security_config import plan_config_recorders
from lzgen.plan.security_trust import delegated_services
from lzgen.plan.types import ORGANIZATION, FileSpec, StackPart


def _delegated_part(index: PlanIndex) -> StackPart | None:
    org = index.org
    security = org.security
    services = delegated_services(org)
    if security is None or not services:
        return None
    audit = index.accounts[security.audit_account]
    context: dict[str, Any] = {
        "account": security.audit_account,
        # the organization stack creates the account, or the file gives its id
        "account_id": hcl(audit.id)
        if audit.id is not None
        else f"aws_organizations_account.{ident(audit.name)}.id",
        "services": [{"id": s.split(".")[0].replace("-", "_"), "principal": s} for s in services],
    }
    files = (
        FileSpec("security.tf", "security/delegated_administrators.tf.j2", {"delegated": context}),
    )
    return StackPart(ORGANIZATION, files, len(services))


def plan_security(index: PlanIndex) -> list[StackPart]:
    if index.org.security is None or index.org.baseline is None:
        return []  # LZ9003: the services deliver to the log archive
    delegated = _delegated_part(index)
    return [
        *([delegated] if delegated is not None else []),
        *plan_audit(index),
        *plan_config_recorders(index),
    ]
