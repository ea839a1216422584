"""The bootstrap stack: the state bucket and the pipeline role, in the management account.

It is applied before every other stack, with the management account's own credentials and, when
state lives in S3, with local state that is then migrated into the bucket it has just created
(the generated README's First apply says how). Every other stack runs as the pipeline role; in
member accounts that role assumes the deployer role (plan/deployer_role.py).
"""

from __future__ import annotations

from typing import Any

from lzgen.model.organization import S3State
from lzgen.plan.index import PlanIndex
from lzgen.plan.stack import MANAGEMENT, STATE_KMS_ALIAS
from lzgen.plan.types import BOOTSTRAP, FileSpec, ProviderSpec, StackPart

NONCURRENT_STATE_DAYS = 90  # old state versions kept for rollback


def pipeline_role_arn(index: PlanIndex) -> str:
    o = index.org.organization
    return f"arn:aws:iam::{o.management_account_id}:role/{o.pipeline.role}"


def plan_bootstrap(index: PlanIndex) -> list[StackPart]:
    o = index.org.organization
    state = o.state if isinstance(o.state, S3State) else None
    oidc = o.pipeline.oidc
    principals = list(o.pipeline.trusted_principals)  # or oidc: LZ4001 asks for one
    context: dict[str, Any] = {
        "org_name": o.name,
        "management_account_id": o.management_account_id,
        "state": {"bucket": state.bucket, "kms_alias": STATE_KMS_ALIAS} if state else None,
        "noncurrent_days": NONCURRENT_STATE_DAYS,
        "pipeline_role": o.pipeline.role,
        "deployer_role": o.deployer_role,
        "principals": principals,
        "oidc": {
            # the issuer, host[/path]: the URL is https://<provider>, IAM's condition keys are
            # <provider>:aud and <provider>:sub
            "provider": oidc.provider,
            "audience": oidc.audience,
            "subjects": oidc.subjects,
        }
        if oidc
        else None,
    }
    files = (
        FileSpec("bootstrap.tf", "bootstrap/bootstrap.tf.j2", context),
        FileSpec("outputs.tf", "bootstrap/bootstrap_outputs.tf.j2", context),
    )
    resources = 2 + (10 if state else 0) + (1 if oidc else 0)
    region = state.region if state else o.home_region
    return [
        StackPart(BOOTSTRAP, files, resources, providers=(ProviderSpec(None, MANAGEMENT, region),))
    ]
