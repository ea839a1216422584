"""VPC stacks: one per account and region, one file per VPC, from each VPC's template context
(plan/vpc_context.py, computed once per plan by PlanIndex)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from lzgen.model.vpc import Vpc
from lzgen.plan.index import PlanIndex
from lzgen.plan.log_archive import central_flow_logs
from lzgen.plan.types import FileSpec, StackPart, account_path


def _resource_count(ctx: dict[str, Any]) -> int:
    """Resource blocks the VPC template writes (kept in step with templates/vpc/vpc.tf.j2)."""
    count = 2  # aws_vpc, aws_default_security_group
    count += int(ctx["igw"]) + int(ctx["eigw"])
    count += 2 * len(ctx["subnets"])  # subnet + route table association
    count += len(ctx["route_tables"])
    count += sum(1 for t in ctx["route_tables"] if t["kind"] == "public") * (1 + int(ctx["ipv6"]))
    count += sum(1 for t in ctx["route_tables"] if t["kind"] == "private" and t["nat"])
    count += sum(1 for t in ctx["route_tables"] if t["kind"] == "private") * int(ctx["eigw"])
    count += 2 * len(ctx["nat_gateways"])  # EIP + NAT gateway
    count += len(ctx["gateway_endpoints"])
    count += len(ctx["interface_endpoints"]) + int(bool(ctx["interface_endpoints"]))
    if ctx["flow_logs_central"]:
        count += 1  # the flow log; the log archive bucket is in its own stack part
    else:
        count += 6 * int(ctx["flow_logs"])  # KMS key, alias, log group, role, policy, flow log
    count += _ingress_resource_count(ctx)
    count += _vpn_gateway_resource_count(ctx)
    return count


def _ingress_resource_count(ctx: dict[str, Any]) -> int:
    """Ingress routing beyond the protected tables and their associations (counted above)."""
    protected = [t for t in ctx["route_tables"] if t["kind"] == "protected"]
    count = sum(1 + int(t["ipv6_via"] is not None) for t in protected)  # default routes
    ingress = ctx["ingress"]
    if ingress is not None:
        # security group, ENIs, gateway route table, its IGW association, a route per subnet
        count += 1 + len(ingress["enis"]) + 2 + len(ingress["routes"])
    return count


def _vpn_gateway_resource_count(ctx: dict[str, Any]) -> int:
    """Resource blocks of templates/vpc/vpn_gateway.tf.j2."""
    vgw = ctx["vpn_gateway"]
    if vgw is None:
        return 0
    count = 1 + len(vgw["route_tables"])  # VGW, route propagations
    return count + sum(2 + len(c["routes"]) for c in vgw["connections"])


def plan_vpcs(index: PlanIndex) -> list[StackPart]:
    """Per account and region that owns VPCs: a part per VPC (its file, and its VPN gateway's),
    and one for their outputs."""
    by_home: dict[tuple[str, str], list[Vpc]] = defaultdict(list)
    for vpc in index.org.vpcs:
        by_home[(vpc.account, vpc.region)].append(vpc)
    central = central_flow_logs(index.org)
    parts: list[StackPart] = []
    for home, vpcs in sorted(by_home.items()):
        contexts = [index.vpc(v) for v in sorted(vpcs, key=lambda v: v.name)]
        path = account_path(*home)
        for c in contexts:
            files = [FileSpec(f"vpc_{c['name']}.tf", "vpc/vpc.tf.j2", {"vpc": c})]
            if c["vpn_gateway"] is not None:
                files.append(
                    FileSpec(f"vpn_gateway_{c['name']}.tf", "vpc/vpn_gateway.tf.j2", {"vpc": c})
                )
            # central flow logs need the log archive bucket and its policy first
            after_archive = central is not None and central.home != home
            after_archive = after_archive and c["flow_logs_central"]
            depends_on = (central.stack_path,) if central is not None and after_archive else ()
            parts.append(StackPart(path, tuple(files), _resource_count(c), depends_on=depends_on))
        outputs = FileSpec("outputs.tf", "vpc/outputs.tf.j2", {"vpcs": contexts})
        parts.append(StackPart(path, (outputs,), 0))
    return parts
