"""``lzgen graph``: the landing zone as a picture (topology.py builds it from the org file;
mermaid.py, dot.py and svg.py draw it)."""

from __future__ import annotations

from lzgen.graph.dot import to_dot
from lzgen.graph.mermaid import to_mermaid
from lzgen.graph.svg import GraphvizError, to_svg
from lzgen.graph.topology import Picture, network_picture, stacks_picture

__all__ = [
    "GraphvizError",
    "Picture",
    "network_picture",
    "stacks_picture",
    "to_dot",
    "to_mermaid",
    "to_svg",
]
