"""LZ7004: no attached service control policy denies lzgen's deployer role what it must do.

Member-account stacks run as ``organization.deployer_role``. For every account the policies
reach, this rule lists what lzgen does there (from the org file: VPC parts, the log archive,
account settings), evaluates the Deny statements of the policy JSON the plan would attach, and
reports the first action a policy denies, pointing at the policy and citing what needs it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.model.organization import Account, reaches
from lzgen.rules.base import Rule, RuleContext
from lzgen.rules.baseline.scope import listed_policies, policy_reach
from lzgen.scp import policy_document, statement_denies

CODE = "LZ7004"


@dataclass(frozen=True)
class Need:
    """An action lzgen's deployer role performs in an account, and why."""

    action: str
    region: str
    why: str
    path: YamlPath


def _vpc_needs(ctx: RuleContext, account: Account) -> Iterator[Need]:
    central = ctx.org.baseline is not None and ctx.org.baseline.flow_logs_destination == "central"
    for i, vpc in enumerate(ctx.org.vpcs):
        if vpc.account != account.name:
            continue
        region, name = vpc.region, f"VPC '{vpc.name}'"
        yield Need("ec2:CreateVpc", region, name, ("vpcs", i, "name"))
        for j, tier in enumerate(vpc.subnets):
            if tier.type == "public":
                why = f"the public tier '{tier.name}' of {name}"
                path: YamlPath = ("vpcs", i, "subnets", j, "type")
                yield Need("ec2:CreateInternetGateway", region, why, path)
                yield Need("ec2:AttachInternetGateway", region, why, path)
                break
        if vpc.ipv6 and any(t.type == "private" for t in vpc.subnets):
            why = f"IPv6 egress of the private tiers of {name}"
            yield Need("ec2:CreateEgressOnlyInternetGateway", region, why, ("vpcs", i, "ipv6"))
        if vpc.nat_gateways != "none" and any(t.type == "public" for t in vpc.subnets):
            yield Need(
                "ec2:CreateNatGateway",
                region,
                f"the NAT gateways of {name}",
                ("vpcs", i, "nat_gateways"),
            )
        if vpc.endpoints.gateway or vpc.endpoints.interface:
            yield Need(
                "ec2:CreateVpcEndpoint",
                region,
                f"the endpoints of {name}",
                ("vpcs", i, "endpoints"),
            )
        if vpc.flow_logs:
            why, path = f"the flow logs of {name}", ("vpcs", i, "flow_logs")
            yield Need("ec2:CreateFlowLogs", region, why, path)
            if not central:
                for action in ("logs:CreateLogGroup", "kms:CreateKey", "iam:CreateRole"):
                    yield Need(action, region, why, path)


_SETTINGS = {
    "ebs_encryption_by_default": "ec2:EnableEbsEncryptionByDefault",
    "imdsv2_required": "ec2:ModifyInstanceMetadataDefaults",
    "ebs_snapshot_block_public_access": "ec2:EnableSnapshotBlockPublicAccess",
    "ami_block_public_access": "ec2:EnableImageBlockPublicAccess",
    "s3_block_public_access": "s3:PutAccountPublicAccessBlock",
    "alternate_contacts": "account:PutAlternateContact",
    "iam_password_policy": "iam:UpdateAccountPasswordPolicy",
    "ecs_awsvpc_trunking": "ecs:PutAccountSettingDefault",
}


def _other_needs(ctx: RuleContext, account: Account) -> Iterator[Need]:
    home = ctx.org.organization.home_region
    baseline = ctx.org.baseline
    if baseline is not None and baseline.log_archive_account == account.name:
        why, path = "the log archive bucket", ("baseline", "log_archive_account")
        for action in ("s3:CreateBucket", "s3:PutBucketPolicy", "kms:CreateKey"):
            yield Need(action, home, why, path)
    managed = ctx.account_settings.get(account.name, set())
    index = ctx.accounts[account.name][0] if account.name in ctx.accounts else 0
    for key, action in _SETTINGS.items():
        if key not in managed:
            continue
        # the entry that turns it on, else the account itself (the floor needs no entry)
        where: YamlPath = next(
            (
                ("account_settings", k, key)
                for k, entry in enumerate(ctx.org.account_settings)
                if getattr(entry, key) and reaches(entry.accounts, entry.ous, account)
            ),
            ("accounts", index, "name"),
        )
        yield Need(action, home, f"the account setting {key}", where)


def needs(ctx: RuleContext, account: Account) -> Iterator[Need]:
    yield from _vpc_needs(ctx, account)
    yield from _other_needs(ctx, account)


def check(ctx: RuleContext) -> Iterator[Diagnostic]:
    role = ctx.org.organization.deployer_role
    reached = policy_reach(ctx)
    for policy in listed_policies(ctx):
        if not policy.known:
            continue  # LZ7002
        document = policy_document(policy.name, access_role=role, regions=policy.regions or ())
        for account in reached:
            principal = f"arn:aws:iam::{account.id or '000000000000'}:role/{role}"
            denied = next(
                (
                    (need, statement)
                    for need in needs(ctx, account)
                    for statement in document["Statement"]
                    if statement_denies(statement, need.action, principal, need.region)
                ),
                None,
            )
            if denied is None:
                continue
            need, statement = denied
            yield ctx.doc.diagnostic(
                CODE,
                f"service control policy '{policy.name}' denies lzgen's deployer role '{role}' "
                f"{need.action} in account '{account.name}', which {need.why} needs",
                policy.name_path,
                related=(need.path,),
                hint=f"statement {statement.get('Sid', '?')} applies to '{role}'; attach the "
                f"policy where lzgen does not need {need.action}, or change {need.why}",
            )


RULE = Rule(CODE, "service control policies leave lzgen's deployer role what it needs", check)
