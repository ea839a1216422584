"""What the directory rules share: directories whose VPC resolves, and their consumer VPCs.

A directory whose ``vpc`` names no declared VPC has no account, region or CIDR to check; LZ2023
reports it and the other rules skip it. Likewise a consumer entry that names no VPC.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lzgen.load import YamlPath
from lzgen.model.directory import Directory
from lzgen.model.vpc import Vpc
from lzgen.rules.base import RuleContext


@dataclass(frozen=True)
class Placed:
    """A directory (``directories[index]``) in declared VPC ``vpcs[vpc_index]``."""

    index: int
    directory: Directory
    vpc_index: int
    vpc: Vpc

    @property
    def path(self) -> YamlPath:
        return ("directories", self.index)

    @property
    def owner(self) -> str:
        """The owner account: the VPC's."""
        return self.vpc.account


@dataclass(frozen=True)
class Consumer:
    """Entry ``k`` of a directory's ``consumer_vpcs``, naming ``vpcs[vpc_index]``."""

    k: int
    vpc_index: int
    vpc: Vpc
    path: YamlPath


def placed(ctx: RuleContext) -> Iterator[Placed]:
    """Every directory whose VPC is declared."""
    for d, directory in enumerate(ctx.org.directories):
        found = ctx.vpcs.get(directory.vpc)
        if found is not None:
            yield Placed(d, directory, *found)


def consumers(ctx: RuleContext, p: Placed) -> Iterator[Consumer]:
    """The consumer entries of ``p`` that name a declared VPC other than the directory's own,
    each VPC once (the first entry); LZ4105 reports the others."""
    seen = {p.vpc_index}
    for k, name in enumerate(p.directory.consumer_vpcs):
        found = ctx.vpcs.get(name)
        if found is not None and found[0] not in seen:
            seen.add(found[0])
            yield Consumer(k, *found, (*p.path, "consumer_vpcs", k))
