"""What every rule sees and returns."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from lzgen.diagnostics import Diagnostic
from lzgen.load import Document, YamlPath
from lzgen.model import OrgFile
from lzgen.model.organization import Account, OrganizationalUnit


@dataclass
class RuleContext:
    """The shape-checked org file, where its nodes are, and lookups rules share."""

    doc: Document
    org: OrgFile
    _cache: dict[str, object] = field(default_factory=dict)

    @cached_property
    def ou_paths(self) -> dict[str, YamlPath]:
        """OU path ("Workloads/Prod") -> YAML path of that OU's entry."""
        found: dict[str, YamlPath] = {}

        def walk(units: list[OrganizationalUnit], prefix: str, ypath: YamlPath) -> None:
            for i, unit in enumerate(units):
                ou_path = f"{prefix}{unit.name}"
                found.setdefault(ou_path, (*ypath, i))
                walk(unit.children, f"{ou_path}/", (*ypath, i, "children"))

        walk(self.org.organizational_units, "", ("organizational_units",))
        return found

    @cached_property
    def accounts(self) -> dict[str, tuple[int, Account]]:
        """Account name -> (index, account); the first of duplicate names wins."""
        found: dict[str, tuple[int, Account]] = {}
        for i, account in enumerate(self.org.accounts):
            found.setdefault(account.name, (i, account))
        return found


Check = Callable[[RuleContext], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    code: str
    summary: str
    check: Check
