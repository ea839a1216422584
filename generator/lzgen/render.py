"""Render: LandingZone -> {relative path: file text}. Jinja2 templates, no I/O beyond reading them.

Templates are logic-free: the plan decides every value. The filters here only quote and align,
so that output is canonical ``terraform fmt`` layout straight from the templates, and so that no
user string can become Terraform syntax.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from lzgen.checkov_skips import skip_comments
from lzgen.hcl import hcl, hcl_inner
from lzgen.package_data import data_dir
from lzgen.plan.types import FileSpec, LandingZone


def template_dir() -> Path:
    """Templates ship inside the wheel (lzgen/templates); in a source checkout they sit at the
    repository root."""
    return data_dir("templates")


def key_width(items: Iterable[Any], attr: str | None = None, *, quoted: bool = True) -> int:
    """Width of the widest quoted map key, so ``=`` aligns as ``terraform fmt`` aligns it.

    Templates compute it once per map (``{% set w = items | key_width("name") %}``) and pad each
    key with ``ljust(w)``: linear in the map's size.
    """
    keys = list(items) if attr is None else [item[attr] for item in items]
    return max((len(hcl(k) if quoted else str(k)) for k in keys), default=0)


def ljust(value: str, width: int) -> str:
    return value.ljust(width)


def usable_addresses(cidr: str) -> str:
    """Addresses a subnet offers instances: AWS reserves five in every subnet."""
    prefix = int(cidr.rsplit("/", 1)[1])
    return f"{2 ** (32 - prefix) - 5:,}"


class _Environment(jinja2.Environment):
    """Plan contexts are plain dicts: ``x.name`` looks the key up first. (Jinja's default tries
    the attribute first and pays for an AttributeError on every dict key.)"""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


@cache
def environment() -> jinja2.Environment:
    env = _Environment(
        loader=jinja2.FileSystemLoader(str(template_dir())),
        auto_reload=False,  # templates do not change during a run: no stat per file
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters["hcl"] = hcl
    env.filters["hcl_inner"] = hcl_inner
    env.filters["key_width"] = key_width
    env.filters["ljust"] = ljust
    env.filters["usable"] = usable_addresses
    env.globals["checkov_skips"] = skip_comments
    return env


def render_file(spec: FileSpec) -> str:
    return environment().get_template(spec.template).render(spec.context)


def render(lz: LandingZone) -> dict[str, str]:
    """Every output file, keyed by its path relative to the output directory."""
    files: dict[str, str] = {}
    for stack in lz.stacks:
        for spec in stack.files:
            path = f"{stack.path}/{spec.path}"
            text = render_file(spec)
            # several capabilities may contribute to one file (outputs.tf): join their parts
            files[path] = f"{files[path]}\n{text}" if path in files else text
    for spec in lz.files:
        files[spec.path] = render_file(spec)
    return dict(sorted(files.items()))
