"""Semantic rules, each with a stable code. ``run_rules`` applies all of them."""

from __future__ import annotations

from lzgen.diagnostics import Diagnostic
from lzgen.plan.types import LandingZone
from lzgen.rules.base import PlanRule, Rule, RuleContext
from lzgen.rules.baseline import (
    access_role,
    alarms,
    allowed_regions,
    attach_targets,
    floor_opt_out,
    log_archive,
    log_retention,
    management_target,
    policy_names,
    settings_targets,
)
from lzgen.rules.cloudhsm import (
    availability,
    client_paths,
    hsm_quota,
    no_internet,
    small_vpc,
    trust_anchor,
    vpc_size,
)
from lzgen.rules.cloudhsm import references as cloudhsm_references
from lzgen.rules.directory import (
    consumer_overlap,
    consumer_paths,
    consumer_region,
    consumer_shares,
    controller_tier,
    domain,
    short_name,
    ssm_route,
)
from lzgen.rules.directory import references as directory_references
from lzgen.rules.directory import share_method as directory_share_method
from lzgen.rules.identity import pipeline_trust
from lzgen.rules.identity_center import (
    delegated_admin,
    inline_policy,
    managed_policies,
    management_account,
    session_duration,
)
from lzgen.rules.identity_center import references as identity_center_references
from lzgen.rules.identity_center import (
    unique_names as identity_center_names,
)
from lzgen.rules.limits import (
    directory_security_group,
    elastic_ips,
    interface_endpoints,
    scp_attachments,
    shared_directories,
    stack_size,
    tgw_attachments,
    vpcs_per_region,
)
from lzgen.rules.network import (
    accelerated_vpn,
    asn,
    customer_gateway_ip,
    egress,
    external_peer_overlap,
    external_peers,
    ingress_routing,
    on_premises_overlap,
    peering_overlap,
    peering_pairs,
    share_participants,
    static_vpn,
    subnets_inside,
    tgw_overlap,
    tgw_region,
    tgw_routes,
    tgw_share,
    tier_layout,
    tiers_fit,
    vgw_acceleration,
    vpc_cidr,
    vpc_overlap,
)
from lzgen.rules.organization import (
    account_ids,
    adoption,
    emails,
    kept_services,
    outside_ous,
    provider_version,
    unique_emails,
    unique_names,
)
from lzgen.rules.references import (
    account_ou,
    ecs_clusters,
    endpoint_tier,
    listed_once,
    opt_in_regions,
    partitions,
    peering_vpcs,
    regions,
    route_tables,
    route_targets,
    share_targets,
    tiers,
    transit_gateway_name,
    vpc_account,
)
from lzgen.rules.renames import names as rename_names
from lzgen.rules.renames import previous_version
from lzgen.rules.security import audit_account, needs_baseline, not_management, separate_accounts
from lzgen.rules.service_catalog import (
    blueprints,
    catalog,
    constraint_clusters,
    constraint_kinds,
    constraint_network,
    iam_names,
    parameters,
    portfolios,
    role_clashes,
)

ALL_RULES: tuple[Rule, ...] = (
    account_ou.RULE,
    vpc_account.RULE,
    unique_names.RULE,
    unique_emails.RULE,
    *account_ids.RULES,
    *adoption.RULES,
    outside_ous.RULE,
    kept_services.RULE,
    provider_version.RULE,
    pipeline_trust.RULE,
    identity_center_references.RULE,
    identity_center_names.RULE,
    session_duration.RULE,
    managed_policies.RULE,
    inline_policy.RULE,
    management_account.RULE,
    delegated_admin.RULE,
    *regions.RULES,
    opt_in_regions.RULE,
    partitions.RULE,
    emails.RULE,
    endpoint_tier.RULE,
    transit_gateway_name.RULE,
    route_tables.RULE,
    tiers.RULE,
    route_targets.RULE,
    peering_vpcs.RULE,
    share_targets.RULE,
    listed_once.RULE,
    *vpc_cidr.RULES,
    *subnets_inside.RULES,
    tiers_fit.RULE,
    vpc_overlap.RULE,
    *egress.RULES,
    *tier_layout.RULES,
    *log_archive.RULES,
    log_retention.RULE,
    alarms.RULE,
    policy_names.RULE,
    allowed_regions.RULE,
    access_role.RULE,
    attach_targets.RULE,
    management_target.RULE,
    scp_attachments.RULE,
    settings_targets.RULE,
    floor_opt_out.RULE,
    tgw_overlap.RULE,
    on_premises_overlap.RULE,
    peering_overlap.RULE,
    peering_pairs.RULE,
    external_peer_overlap.RULE,
    external_peers.RULE,
    tgw_region.RULE,
    tgw_share.RULE,
    vgw_acceleration.RULE,
    *asn.RULES,
    tgw_routes.RULE,
    static_vpn.RULE,
    customer_gateway_ip.RULE,
    ingress_routing.RULE,
    accelerated_vpn.RULE,
    share_participants.RULE,
    elastic_ips.RULE,
    vpcs_per_region.RULE,
    interface_endpoints.RULE,
    tgw_attachments.RULE,
    directory_references.RULE,
    domain.RULE,
    short_name.RULE,
    controller_tier.RULE,
    consumer_overlap.RULE,
    consumer_paths.RULE,
    consumer_shares.RULE,
    directory_share_method.RULE,
    consumer_region.RULE,
    ssm_route.RULE,
    shared_directories.RULE,
    directory_security_group.RULE,
    cloudhsm_references.RULE,
    no_internet.RULE,
    vpc_size.RULE,
    small_vpc.RULE,
    availability.RULE,
    hsm_quota.RULE,
    client_paths.RULE,
    trust_anchor.RULE,
    ecs_clusters.RULE,
    catalog.RULE,
    portfolios.RULE,
    blueprints.RULE,
    parameters.RULE,
    constraint_kinds.RULE,
    constraint_network.RULE,
    constraint_clusters.RULE,
    iam_names.RULE,
    role_clashes.RULE,
    audit_account.RULE,
    not_management.RULE,
    needs_baseline.RULE,
    separate_accounts.RULE,
    rename_names.RULE,
)


# checked against the plan of a file without errors
PLAN_RULES: tuple[PlanRule, ...] = (stack_size.RULE,)

# checked by the pipeline, on the previous version of a file with renames (lzgen.pipeline)
PIPELINE_CODES: tuple[tuple[str, str], ...] = ((previous_version.CODE, previous_version.SUMMARY),)


def run_rules(ctx: RuleContext) -> list[Diagnostic]:
    return [d for rule in ALL_RULES for d in rule.check(ctx)]


def run_plan_rules(ctx: RuleContext, lz: LandingZone) -> list[Diagnostic]:
    """The plan rules, with the context (and its lookups) the rules before them used."""
    return [d for rule in PLAN_RULES for d in rule.check(ctx, lz)]


__all__ = [
    "ALL_RULES",
    "PLAN_RULES",
    "PlanRule",
    "Rule",
    "RuleContext",
    "run_plan_rules",
    "run_rules",
]
