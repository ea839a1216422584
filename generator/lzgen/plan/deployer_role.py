"""The deployer-role stack: a service-managed StackSet that puts the deployer role into every
member account (management account, home region, after the organization stack).

Every member-account stack assumes that role; it trusts only the pipeline role (bootstrap),
from inside the organization. A StackSet targeted at the organization's root reaches invited
accounts as well as created ones, and its automatic deployment reaches accounts that join later.
"""

from __future__ import annotations

from lzgen.plan.bootstrap import pipeline_role_arn
from lzgen.plan.index import PlanIndex
from lzgen.plan.stack import MANAGEMENT
from lzgen.plan.types import DEPLOYER_ROLE, ORGANIZATION, FileSpec, ProviderSpec, StackPart

TEMPLATE_FILE = "deployer-role.yaml"


def plan_deployer_role(index: PlanIndex) -> list[StackPart]:
    o = index.org.organization
    if all(a.id == o.management_account_id for a in index.org.accounts):
        return []  # no member account: nothing assumes the role
    context = {
        "org_name": o.name,
        "deployer_role": o.deployer_role,
        "pipeline_role_arn": pipeline_role_arn(index),
        "region": o.home_region,
    }
    files = (
        FileSpec("deployer_role.tf", "deployer_role/deployer_role.tf.j2", context),
        FileSpec(TEMPLATE_FILE, "deployer_role/deployer_role.yaml.j2", context),
        FileSpec("outputs.tf", "deployer_role/deployer_role_outputs.tf.j2", context),
    )
    return [
        StackPart(
            DEPLOYER_ROLE,
            files,
            2,
            reads=((ORGANIZATION, ORGANIZATION),),
            providers=(ProviderSpec(None, MANAGEMENT, o.home_region),),
        )
    ]
