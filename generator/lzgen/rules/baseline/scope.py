"""What the baseline rules share: the policies as listed, and which accounts an attachment or
an account_settings entry reaches."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lzgen.load import YamlPath
from lzgen.model.baseline import ParametrisedPolicy
from lzgen.model.document import scp_reach
from lzgen.model.organization import Account
from lzgen.rules.base import RuleContext
from lzgen.scp import LIBRARY

SCPS: YamlPath = ("baseline", "service_control_policies")


@dataclass(frozen=True)
class ListedPolicy:
    index: int
    name: str
    regions: tuple[str, ...] | None  # None when listed by name alone
    name_path: YamlPath

    @property
    def path(self) -> YamlPath:
        return (*SCPS, self.index)

    @property
    def known(self) -> bool:
        """A library policy listed with exactly the parameters it takes."""
        policy = LIBRARY.get(self.name)
        return policy is not None and bool(policy.parameters) == (self.regions is not None)


def listed_policies(ctx: RuleContext) -> Iterator[ListedPolicy]:
    if ctx.org.baseline is None:
        return
    for i, entry in enumerate(ctx.org.baseline.service_control_policies):
        if isinstance(entry, ParametrisedPolicy):
            yield ListedPolicy(i, entry.name, tuple(entry.regions), (*SCPS, i, "name"))
        else:
            yield ListedPolicy(i, entry, None, (*SCPS, i))


def policy_reach(ctx: RuleContext) -> list[Account]:
    """Member accounts the service control policies apply to (``model.document.scp_reach``)."""
    return scp_reach(ctx.org)
