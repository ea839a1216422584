"""HCL literals from plan values: the one place user strings are quoted for Terraform."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

# JSON escapes HCL lacks (HCL knows \n \r \t \" \\ \uNNNN \UNNNNNNNN, not \b \f): the escaped
# character as \u form. The pattern consumes every escape, so an escaped backslash before a 'b'
# is never mistaken for one.
_JSON_ONLY_ESCAPE = re.compile(r"\\(.)")
_HCL_FOR = {"b": "\\u0008", "f": "\\u000c"}


@lru_cache(maxsize=65536)  # names recur in every file that refers to them
def hcl_inner(value: str) -> str:
    """Escape a string for the inside of an HCL quoted template."""
    out = json.dumps(value, ensure_ascii=False)[1:-1]
    if "\b" in value or "\f" in value:
        out = _JSON_ONLY_ESCAPE.sub(lambda m: _HCL_FOR.get(m[1], m[0]), out)
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
