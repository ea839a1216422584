"""A picture as Graphviz DOT: OUs and accounts as nested clusters, each with an invisible
anchor that edges to the OU or account end at (``lhead`` clips them at the cluster's border);
shapes and line styles as in the Mermaid form."""

from __future__ import annotations

import json

from lzgen.graph.topology import Edge, Group, Node, Picture

_SHAPES = {
    "vpc": "box",
    "tgw": "hexagon",
    "vpn": "parallelogram",
    "external": 'box, style="rounded,dashed"',
    "account": "box, style=rounded",
    "stack": "box",
}
_STYLES = {
    "attachment": "dir=none",
    "vpn": "dir=none",
    "peering": "dir=none, style=dotted",
    "share": "style=dashed",
    "depends": "",
}


def _quote(text: str) -> str:
    """A DOT string: JSON's escapes are DOT's for quotes and backslashes."""
    return json.dumps(text)


def _node(node: Node, indent: str) -> str:
    label = _quote("\n".join(node.lines))  # DOT reads JSON's \n as a centred line break
    return f"{indent}{node.id} [label={label}, shape={_SHAPES[node.kind]}];"


def _clusters(group: Group) -> set[str]:
    inner = {group.id} if group.groups or group.nodes else set()
    for child in group.groups:
        inner |= _clusters(child)
    return inner


def _group(group: Group, depth: int, out: list[str]) -> None:
    indent = "  " * depth
    if not group.groups and not group.nodes:
        out.append(f"{indent}{group.id} [label={_quote(group.title)}, shape=box, style=rounded];")
        return
    out.append(f"{indent}subgraph cluster_{group.id} {{")
    out.append(f"{indent}  label={_quote(group.title)};")
    out.append(f"{indent}  {group.id} [shape=point, style=invis];")
    out.extend(_node(node, indent + "  ") for node in group.nodes)
    for child in group.groups:
        _group(child, depth + 1, out)
    out.append(f"{indent}}}")


def _edge(edge: Edge, clusters: set[str]) -> str:
    attrs = [_STYLES[edge.kind]] if _STYLES[edge.kind] else []
    if edge.label:
        attrs.append(f"label={_quote(edge.label)}")
    if edge.target in clusters:
        attrs.append(f"lhead=cluster_{edge.target}")
    return f"  {edge.source} -> {edge.target}" + (f" [{', '.join(attrs)}];" if attrs else ";")


def to_dot(picture: Picture, direction: str = "LR") -> str:
    clusters = _clusters(picture.root)
    out = [
        "digraph landing_zone {",
        f"  rankdir={direction};",
        "  compound=true;",
        '  node [fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    _group(picture.root, 1, out)
    out += [_node(n, "  ") for n in picture.loose]
    out += [_edge(e, clusters) for e in picture.edges]
    out.append("}")
    return "\n".join(out) + "\n"
