"""HCL literals from plan values: the one place user strings are quoted for Terraform."""

from __future__ import annotations

import json
from typing import Any


def hcl_inner(value: str) -> str:
    """Escape a string for the inside of an HCL quoted template."""
    out = json.dumps(value, ensure_ascii=False)[1:-1]
    return out.replace("${", "$${").replace("%{", "%%{")


def hcl(value: Any) -> str:
    """Any plan value as an HCL literal."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if value is None:
        return "null"
    return f'"{hcl_inner(str(value))}"'
