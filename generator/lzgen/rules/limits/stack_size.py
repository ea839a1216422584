"""LZ8001: no stack holds more than ``organization.max_stack_resources`` resources (500).

A stack's plan and apply time, the blast radius of a bad apply and the size of its review all
grow with its resources. lzgen keeps the things that grow with the organization out of any one
stack (each spoke's Transit Gateway wiring lives in the spoke's own stack), so a stack that is
still too big has a cause in the file: many VPCs in one account and region, a share that names
many accounts one by one, a hub VPC whose routes do not summarise. The diagnostic says which.
"""

from __future__ import annotations

from collections.abc import Iterator

from lzgen.diagnostics import Diagnostic
from lzgen.load import YamlPath
from lzgen.plan.types import (
    BOOTSTRAP,
    DEPLOYER_ROLE,
    ORGANIZATION,
    ORGANIZATION_TRAIL,
    LandingZone,
    Stack,
    adoption_path,
)
from lzgen.rules.base import PlanRule, RuleContext

CODE = "LZ8001"
BOUND_PATH: YamlPath = ("organization", "max_stack_resources")


def check(ctx: RuleContext, lz: LandingZone) -> Iterator[Diagnostic]:
    bound = ctx.org.organization.max_stack_resources
    bound_given = BOUND_PATH in ctx.doc.value_pos
    for stack in lz.stacks:
        if stack.resource_count <= bound:
            continue
        top = ", ".join(f"{label} ({n})" for label, n in stack.contributions[:3])
        yield ctx.doc.diagnostic(
            CODE,
            f"stack '{stack.path}' would hold {stack.resource_count} resources, more than "
            f"max_stack_resources ({bound}); the most come from {top}",
            _origin(ctx, stack),
            related=(BOUND_PATH,) if bound_given else (),
            hint=_hint(stack, bound),
        )


# stack folder -> the org file's list of the named things it holds one stack per
_LISTS = {"peerings": "vpc_peerings", "directories": "directories"}


def _listed(ctx: RuleContext, stack: Stack) -> YamlPath | None:
    """The peering or directory a ``peerings/<name>`` or ``directories/<name>/...`` stack is
    for."""
    folder, _, rest = stack.path.partition("/")
    key = _LISTS.get(folder)
    if key is None:
        return None
    name = rest.split("/")[0]
    for k, entry in enumerate(getattr(ctx.org, key)):
        if entry.name == name:
            return (key, k, "name")
    return None


def _origin(ctx: RuleContext, stack: Stack) -> YamlPath:
    """The YAML node the stack belongs to: its account, its peering, its transit gateway, its
    directory, the OU whose existing accounts it adopts, or the organization."""
    if stack.path.startswith("accounts/"):
        found = ctx.accounts.get(stack.path.split("/")[1])
        if found is not None:
            return ("accounts", found[0], "name")
    listed = _listed(ctx, stack)
    if listed is not None:
        return listed
    if stack.path.startswith("transit-gateways/"):
        hub = ctx.transit_gateways.get(stack.path.split("/", 1)[1])
        if hub is not None:
            return ("transit_gateways", hub[0], "name")
    if stack.path.startswith("adopted-accounts/"):
        for ou_path, ypath in ctx.ou_paths.items():
            if adoption_path(ou_path) == stack.path:
                return (*ypath, "name")
    return ("organization", "name")


def _hint(stack: Stack, bound: int) -> str:
    if stack.path in (BOOTSTRAP, DEPLOYER_ROLE):
        return (
            f"lzgen writes this stack whatever the file says; raise "
            f"organization.max_stack_resources to at least {stack.resource_count}"
        )
    if stack.path.startswith("adopted-accounts/"):
        advice = (
            "an OU's existing accounts are adopted in one stack: place some of them in child "
            "OUs of their own"
        )
    elif stack.path in (ORGANIZATION, ORGANIZATION_TRAIL):
        advice = "attach policies to OUs rather than to accounts one by one"
    elif stack.path.startswith("directories/"):
        advice = (
            "a directory's stack grows with its consumer VPCs (17 security group rules each): "
            "serve fewer of them from one directory"
        )
    else:
        advice = (
            "move some VPCs to another account or region, share with OUs rather than listing "
            "accounts one by one, and carve attached VPCs from one summarisable range so the "
            "hub's routes collapse"
        )
    return (
        f"{advice}; or raise organization.max_stack_resources above {bound} if a stack this "
        "size is what you want"
    )


RULE = PlanRule(CODE, "no stack holds more than organization.max_stack_resources resources", check)
