"""Pydantic models of the org YAML, one module per capability.

The models check shape only (keys, types, simple patterns). Anything that relates two nodes
(references, overlaps, fits) is a rule in ``lzgen.rules``.
"""

from lzgen.model.document import OrgFile

__all__ = ["OrgFile"]
