"""AWS Managed Microsoft AD: an owner stack per directory and a consumer stack per account that
uses it, ``directories/<name>/<account>``.

1. owner (the directory's account and region, after the owner VPC's account stack, whose state
   gives the VPC and the tier's subnets; the domain controllers go in the subnets of the VPC's
   first two AZs): a KMS key for the admin secret and the log group, the admin password as a
   Secrets Manager secret generated at first apply (``uuid()``, never in a file or on a command
   line), the directory, ingress rules on the directory's own security group admitting the AD
   ports from each consumer VPC's CIDR, the security log group and its subscription, one share
   per target account, and with ``dns: resolver`` an outbound Resolver endpoint in the two DC
   subnets, a forwarding rule for the domain to the DCs' DNS addresses, associated with the
   owner VPC (and consumer VPCs of the owner account) and shared through RAM with the accounts
   owning the other consumer VPCs;
2. consumer (every share target and every other account owning a consumer VPC, never the
   owner; after the owner stack and the consumer VPCs' account stacks): the share's accepter
   (handshake), an instance role and profile for domain-joined instances, and the resolver rule
   associations of the account's consumer VPCs.

Nothing reads a directory stack except its consumers, so the order adds no cycle.
"""

from __future__ import annotations

from typing import Any

from lzgen.hcl import hcl
from lzgen.model import OrgFile
from lzgen.model.directory import AD_PORTS, Directory, security_group_rules, share_targets
from lzgen.model.quotas import SECURITY_GROUP_RULES
from lzgen.model.vpc import Vpc
from lzgen.plan.index import PlanIndex
from lzgen.plan.naming import ident
from lzgen.plan.stack import account_id_expr, needs_organization_state
from lzgen.plan.types import (
    ORGANIZATION,
    FileSpec,
    ProviderSpec,
    StackPart,
    account_path,
    account_state_name,
    directory_path,
)

JOIN_POLICIES = ("AmazonSSMManagedInstanceCore", "AmazonSSMDirectoryServiceAccess")
DS_SERVICE = "ds.amazonaws.com"  # trusted access, for shares by the Organizations method


def _vpcs(org: OrgFile) -> dict[str, Vpc]:
    return {v.name: v for v in org.vpcs}


def consumer_vpcs(org: OrgFile, directory: Directory) -> list[Vpc]:
    """The directory's consumer VPCs, in file order, without its own VPC."""
    vpcs = _vpcs(org)
    names = dict.fromkeys(n for n in directory.consumer_vpcs if n != directory.vpc)
    return [vpcs[n] for n in names]


def owner_of(org: OrgFile, directory: Directory) -> Vpc:
    return _vpcs(org)[directory.vpc]


def resolver_principals(org: OrgFile, directory: Directory) -> list[str]:
    """Accounts the resolver rule is shared with: owners of consumer VPCs, not the owner."""
    if directory.dns != "resolver":
        return []
    owner = owner_of(org, directory).account
    return sorted({v.account for v in consumer_vpcs(org, directory) if v.account != owner})


def consumer_accounts(org: OrgFile, directory: Directory) -> list[str]:
    """Accounts with a consumer stack: share targets and other consumer VPCs' owners, sorted."""
    owner = owner_of(org, directory).account
    targets = share_targets(directory, owner, org.accounts)
    vpc_owners = {v.account for v in consumer_vpcs(org, directory)}
    return sorted((set(targets) | vpc_owners) - {owner})


def organizations_shares(org: OrgFile) -> bool:
    """Whether a directory is shared by the Organizations method (needs trusted access)."""
    return any(d.share_method == "organizations" for d in org.directories)


def owner_state_name(directory: Directory) -> str:
    """Remote state name of the owner stack; no account stack's ``<account>_<region>`` ends
    in ``_directory``."""
    return ident(directory.name, "directory")


def _vpc_ref(vpc: Vpc) -> dict[str, str]:
    outputs = f"data.terraform_remote_state.{account_state_name(vpc.account, vpc.region)}.outputs"
    return {
        "id": ident(vpc.name),
        "name": vpc.name,
        "cidr": vpc.cidr,
        "vpc_id": f"{outputs}.{ident(vpc.name)}_vpc_id",
        "subnet_ids": f"{outputs}.{ident(vpc.name)}_subnet_ids",
    }


def _ports(start: int, end: int) -> str:
    return str(start) if start == end else f"{start}-{end}"


def directory_context(index: PlanIndex, directory: Directory) -> dict[str, Any]:
    """Everything the owner and consumer templates need of one directory."""
    org = index.org
    vpc = owner_of(org, directory)
    did = ident(directory.name)
    consumers = consumer_vpcs(org, directory)
    targets = share_targets(directory, vpc.account, org.accounts)
    resolver = directory.dns == "resolver"
    owner_ref = _vpc_ref(vpc)
    subnets = f"{owner_ref['subnet_ids']}[{hcl(directory.tier)}]"
    return {
        "id": did,
        "name": directory.name,
        "domain": directory.domain,
        "short_name": directory.short_name,
        "edition": directory.edition,
        "account": vpc.account,
        "region": vpc.region,
        "vpc": owner_ref,
        "tier": directory.tier,
        "azs": [f"{vpc.region}{az}" for az in vpc.azs[:2]],
        "subnets": [f"{subnets}[0]", f"{subnets}[1]"],
        "kms_alias": f"alias/lzgen/directory/{directory.name}",
        "secret_name": f"lzgen/directory/{directory.name}/admin",
        "log_group": f"/aws/directoryservice/{directory.name}",
        "retention_days": directory.logs.retention_days,
        "method": directory.share_method.upper(),
        "handshake": directory.share_method == "handshake",
        "ingress": [
            {
                "id": ident(directory.name, v.name, protocol, str(start)),
                "vpc": v.name,
                "cidr": v.cidr,
                "protocol": protocol,
                "from": start,
                "to": end,
                "description": f"{service} ({protocol.upper()} {_ports(start, end)}) from {v.name}",
                "name": f"{directory.name}-{v.name}-{protocol}-{_ports(start, end)}",
            }
            for v in consumers
            for protocol, start, end, service in AD_PORTS
        ],
        "shares": [
            {"id": ident(directory.name, t), "account": t, "expr": account_id_expr(index, t)}
            for t in targets
        ],
        "resolver": resolver,
        "resolver_name": f"lzgen-directory-{directory.name}",
        # consumer VPCs of the owner account are associated in the owner stack
        "owner_associations": [
            {**_vpc_ref(v), "id": ident(directory.name, v.name)}
            for v in consumers
            if resolver and v.account == vpc.account
        ],
        "ram_principals": [
            {"id": ident(directory.name, a), "account": a, "expr": account_id_expr(index, a)}
            for a in resolver_principals(org, directory)
        ],
        "role": f"lzgen-directory-{directory.name}-join",
        "join_policies": [{"id": ident(did, p), "name": p} for p in JOIN_POLICIES],
        "owner_remote": owner_state_name(directory),
    }


def _owner_resources(ctx: dict[str, Any]) -> int:
    """Resource blocks of templates/directory/owner.tf.j2."""
    count = 5  # KMS key and alias, secret and its version, the directory
    count += len(ctx["ingress"]) + 3  # ingress rules; log group, its policy, the subscription
    count += len(ctx["shares"])
    if ctx["resolver"]:
        # security group, endpoint, rule, its association with the owner VPC, the others'
        count += 4 + len(ctx["owner_associations"])
        if ctx["ram_principals"]:
            count += 2 + len(ctx["ram_principals"])
    return count


def _owner_part(index: PlanIndex, directory: Directory, ctx: dict[str, Any]) -> StackPart:
    vpc = owner_of(index.org, directory)
    home = account_path(vpc.account, vpc.region)
    reads = {account_state_name(vpc.account, vpc.region): home}
    others = [s["account"] for s in ctx["shares"]] + [p["account"] for p in ctx["ram_principals"]]
    if needs_organization_state(index, others):
        reads[ORGANIZATION] = ORGANIZATION
    return StackPart(
        directory_path(directory.name, vpc.account),
        (
            FileSpec(f"directory_{directory.name}.tf", "directory/owner.tf.j2", {"d": ctx}),
            FileSpec("outputs.tf", "directory/owner_outputs.tf.j2", {"d": ctx}),
        ),
        _owner_resources(ctx),
        depends_on=(home,),
        reads=tuple(sorted(reads.items())),
        providers=(ProviderSpec(None, vpc.account, vpc.region),),
    )


def _consumer_part(
    index: PlanIndex, directory: Directory, ctx: dict[str, Any], account: str
) -> StackPart:
    org = index.org
    owner_path = directory_path(directory.name, ctx["account"])
    targets = {s["account"] for s in ctx["shares"]}
    vpcs = [v for v in consumer_vpcs(org, directory) if v.account == account]
    associations = [
        {**_vpc_ref(v), "id": ident(directory.name, v.name)} for v in vpcs if ctx["resolver"]
    ]
    accepts = ctx["handshake"] and account in targets
    reads = {ctx["owner_remote"]: owner_path}
    reads.update(
        {account_state_name(v.account, v.region): account_path(v.account, v.region) for v in vpcs}
    )
    local = {"account": account, "accepts": accepts, "associations": associations}
    resources = int(accepts) + 2 + len(JOIN_POLICIES) + len(associations)
    return StackPart(
        directory_path(directory.name, account),
        (
            FileSpec(
                f"directory_{directory.name}.tf",
                "directory/consumer.tf.j2",
                {"d": ctx, "consumer": local},
            ),
        ),
        resources,
        depends_on=tuple(sorted(set(reads.values()))),
        reads=tuple(sorted(reads.items())),
        providers=(ProviderSpec(None, account, ctx["region"]),),
    )


def plan_directories(index: PlanIndex) -> list[StackPart]:
    parts: list[StackPart] = []
    for directory in sorted(index.org.directories, key=lambda d: d.name):
        ctx = directory_context(index, directory)
        parts.append(_owner_part(index, directory, ctx))
        parts.extend(
            _consumer_part(index, directory, ctx, account)
            for account in consumer_accounts(index.org, directory)
        )
    return parts


def _code(paths: tuple[str, ...]) -> str:
    return ", ".join(f"`{p}`" for p in paths)


def directory_docs(
    index: PlanIndex, depends_on: dict[str, tuple[str, ...]]
) -> list[dict[str, Any]]:
    """The generated README's "Directories" section: per directory its owner, its stacks in
    order (``depends_on``: stack path -> the stacks it follows), and what each consumer does."""
    org = index.org
    found = []
    for directory in sorted(org.directories, key=lambda d: d.name):
        ctx = directory_context(index, directory)
        owner = directory_path(directory.name, ctx["account"])
        targets = {s["account"] for s in ctx["shares"]}
        consumers = []
        for account in consumer_accounts(org, directory):
            path = directory_path(directory.name, account)
            vpcs = [v.name for v in consumer_vpcs(org, directory) if v.account == account]
            does = ["accepts the share"] if ctx["handshake"] and account in targets else []
            if vpcs and ctx["resolver"]:
                does.append(f"associates {', '.join(vpcs)} with the Resolver rule")
            does.append(f"holds the instance profile `{ctx['role']}`")
            consumers.append(
                {"path": path, "after": _code(depends_on.get(path, ())), "does": ", ".join(does)}
            )
        rules = security_group_rules(len(consumer_vpcs(org, directory)))
        quota = index.accounts[ctx["account"]].quotas.security_group_rules
        found.append(
            {
                **ctx,
                "vpc_name": directory.vpc,
                "owner_path": owner,
                "owner_after": _code(depends_on.get(owner, ())),
                "consumers": consumers,
                "sg_rules": rules,
                "sg_quota": quota,
                # past AWS's default, the file declares a raised quota (LZ8007): a reminder
                "over_quota": rules > SECURITY_GROUP_RULES.default,
            }
        )
    return found
