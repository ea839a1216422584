"""Terraform addresses derived from YAML names, never from list positions.

YAML names are lowercase words joined by '-', so '_' is free to join parts of an address
without ambiguity: VPC ``shared-prod``, tier ``app``, AZ ``a`` -> ``shared-prod_app_a``.
"""

from __future__ import annotations

import re
from functools import cache

_NOT_IDENT = re.compile(r"[^a-z0-9]+")


@cache  # a plan asks for the same few names' identifiers tens of thousands of times
def ident(*parts: str) -> str:
    """Join name parts into one Terraform identifier."""
    return "_".join(_NOT_IDENT.sub("-", p.lower()).strip("-") or "x" for p in parts)


def ou_ident(ou_path: str) -> str:
    """``Workloads/Prod`` -> ``workloads_prod``."""
    return ident(*ou_path.split("/"))
