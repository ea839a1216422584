"""A picture as a Mermaid flowchart (GitHub and GitLab draw it in Markdown): OUs and accounts
as nested subgraphs, an empty one as a plain node; VPCs as boxes, Transit Gateways as hexagons,
VPN sites as parallelograms, external VPCs as stadiums marked external. Attachments and VPNs
are solid lines, peerings dotted, RAM shares dotted arrows, stack dependencies arrows."""

from __future__ import annotations

from lzgen.graph.topology import Edge, Group, Node, Picture

_SHAPES = {  # kind -> (open, close)
    "vpc": ('["', '"]'),
    "tgw": ('{{"', '"}}'),
    "vpn": ('[/"', '"/]'),
    "external": ('(["', '"])'),
    "account": ('["', '"]'),
    "stack": ('["', '"]'),
}
_LINKS = {  # kind -> the link, its label (if any) after it between bars
    "attachment": "---",
    "vpn": "---",
    "peering": "-.-",
    "share": "-.->",
    "depends": "-->",
}


def _text(line: str) -> str:
    """A label line as Mermaid reads it inside quotes (entity codes for what would end it)."""
    return line.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;")


def _node(node: Node, indent: str) -> str:
    start, end = _SHAPES[node.kind]
    return f"{indent}{node.id}{start}{'<br/>'.join(map(_text, node.lines))}{end}"


def _group(group: Group, depth: int, out: list[str]) -> None:
    indent = "  " * depth
    if not group.groups and not group.nodes:
        out.append(f'{indent}{group.id}["{_text(group.title)}"]')
        return
    out.append(f'{indent}subgraph {group.id}["{_text(group.title)}"]')
    out.extend(_node(node, indent + "  ") for node in group.nodes)
    for child in group.groups:
        _group(child, depth + 1, out)
    out.append(f"{indent}end")


def _edge(edge: Edge) -> str:
    label = f"|{_text(edge.label)}|" if edge.label else ""
    return f"  {edge.source} {_LINKS[edge.kind]}{label} {edge.target}"


def to_mermaid(picture: Picture, direction: str = "LR") -> str:
    out = [f"flowchart {direction}"]
    _group(picture.root, 1, out)
    out += [_node(n, "  ") for n in picture.loose]
    out += [_edge(e) for e in picture.edges]
    return "\n".join(out) + "\n"
