"""Hypothesis strategies: org files that are the examples, a little (or very) broken.

Two families, both starting from every ``examples/*.yaml`` and ``tests/cases/*/org.yaml``:

- tree mutations: the file parsed with ``yaml.safe_load``, changed as data (drop a key or item,
  retype a value, rename a key to a near miss, add an unknown key, huge numbers, unicode
  strings, deep nesting, a duplicated list item) and dumped back with ``yaml.safe_dump``;
- text mutations: the file's text changed as text (drop, duplicate or swap lines, swap or
  delete characters, insert unicode or control characters, truncate), which also yields
  duplicate keys, broken indentation and broken syntax the data form cannot express.

Only text a UTF-8 file can hold is generated (no lone surrogates): that is all the CLI reads.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]

DataPath = tuple[str | int, ...]
Draw = Callable[..., Any]


def _paths() -> dict[str, Path]:
    found = {p.stem: p for p in sorted((REPO / "examples").glob("*.yaml"))}
    for p in sorted((REPO / "tests" / "cases").glob("*/org.yaml")):
        found[p.parent.name] = p
    return found


PATHS: dict[str, Path] = _paths()
SOURCES: dict[str, str] = {name: path.read_text(encoding="utf-8") for name, path in PATHS.items()}
PARSED: dict[str, Any] = {name: yaml.safe_load(text) for name, text in SOURCES.items()}
NAMES = sorted(SOURCES)

# Characters that break parsers, quoting or terminals: quotes, escapes, template openers,
# comment markers, control characters, BOM, bidi overrides, line and paragraph separators.
NASTY_CHARS = (
    '"',
    "'",
    "\\",
    "${",
    "%{",
    "}",
    "*/",
    "/*",
    "#",
    "//",
    "../",
    ":",
    "- ",
    "&a",
    "*a",
    "!!",
    "|",
    ">",
    "\t",
    "\r",
    "\n",
    "\x01",
    "\x07",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\u00a0",
    "\u200b",
    "\u2028",
    "\u2029",
    "\u202e",
    "\ufeff",
    "\ufffe",
    "\U0001f600",
    "é",
    "Ω",
    "名前",
)

HUGE_NUMBERS = (
    2**31,
    2**32,
    2**63,
    -(2**63) - 1,
    10**100,
    -1,
    0,
    1e308,
    -1e-308,
    float("inf"),
    float("-inf"),
    float("nan"),
)

# Text without lone surrogates (a UTF-8 file cannot hold them).
unicode_text = st.text(
    alphabet=st.characters(exclude_categories=["Cs"]),
    max_size=80,
)
nasty_text = st.lists(st.one_of(st.sampled_from(NASTY_CHARS), unicode_text), max_size=6).map(
    "".join
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from(HUGE_NUMBERS),
    st.floats(allow_nan=True, allow_infinity=True),
    unicode_text,
    nasty_text,
    st.sampled_from(["", "yes", "no", "on", "null", "~", "0x1F", "1_000", "0o17", "1e3"]),
)
any_value = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(unicode_text, inner, max_size=4)
    ),
    max_leaves=12,
)


def paths(node: Any, prefix: DataPath = ()) -> list[DataPath]:
    """Every path below the root, parents before children."""
    found: list[DataPath] = []
    items: list[tuple[str | int, Any]] = []
    if isinstance(node, dict):
        items = [(k, v) for k, v in node.items() if isinstance(k, str)]
    elif isinstance(node, list):
        items = list(enumerate(node))
    for key, value in items:
        path = (*prefix, key)
        found.append(path)
        found.extend(paths(value, path))
    return found


def _parent(data: Any, path: DataPath) -> Any:
    node = data
    for part in path[:-1]:
        node = node[part]
    return node


def near_miss(draw: Draw, key: str) -> str:
    """A key one small typo away: a character dropped, doubled, swapped or changed, case
    flipped, ``_`` <-> ``-``, a plural, a trailing space."""
    kind = draw(st.sampled_from(["drop", "double", "swap", "change", "case", "sep", "plural"]))
    if not key:
        return "x"
    i = draw(st.integers(0, len(key) - 1))
    if kind == "drop":
        out = key[:i] + key[i + 1 :]
    elif kind == "double":
        out = key[:i] + key[i] + key[i:]
    elif kind == "swap" and len(key) > 1:
        j = min(i + 1, len(key) - 1)
        chars = list(key)
        chars[i], chars[j] = chars[j], chars[i]
        out = "".join(chars)
    elif kind == "change":
        out = key[:i] + draw(st.sampled_from("aeiouxz_-é ")) + key[i + 1 :]
    elif kind == "case":
        out = key.upper() if key.islower() else key.lower()
    elif kind == "sep":
        out = key.replace("_", "-") if "_" in key else key.replace("-", "_") + "_"
    else:
        out = key + "s" if not key.endswith("s") else key[:-1]
    return out if out != key else key + "x"


def _drop(draw: Draw, data: Any, path: DataPath) -> Any:
    del _parent(data, path)[path[-1]]
    return data


def _retype(draw: Draw, data: Any, path: DataPath) -> Any:
    _parent(data, path)[path[-1]] = draw(any_value)
    return data


def _swap_type(draw: Draw, data: Any, path: DataPath) -> Any:
    """The same value in another type: str <-> int <-> list <-> dict <-> null <-> bool."""
    parent = _parent(data, path)
    value = parent[path[-1]]
    choices: list[Any] = [
        str(value),
        [value],
        {"value": value},
        None,
        True,
        False,
        len(str(value)),
    ]
    if isinstance(value, str) and value.lstrip("-").isdigit():
        choices.append(int(value))
    if isinstance(value, list) and value:
        choices.append(value[0])
    if isinstance(value, dict) and value:
        choices.append(next(iter(value.values())))
    parent[path[-1]] = draw(st.sampled_from(choices))
    return data


def _rename(draw: Draw, data: Any, path: DataPath) -> Any:
    parent = _parent(data, path)
    key = path[-1]
    if not isinstance(parent, dict) or not isinstance(key, str):
        return _retype(draw, data, path)
    new = near_miss(draw, key)
    if new in parent:
        return data
    # keep the key order so the dumped file reads like the original
    items = [(new if k == key else k, v) for k, v in parent.items()]
    parent.clear()
    parent.update(items)
    return data


def _add_key(draw: Draw, data: Any, path: DataPath) -> Any:
    parent = _parent(data, path)
    target = parent[path[-1]]
    if isinstance(target, dict):
        existing = [k for k in target if isinstance(k, str)] or ["name"]
        kind = draw(st.sampled_from(["near_miss", "unicode", "odd"]))
        if kind == "near_miss":
            key = near_miss(draw, draw(st.sampled_from(existing)))
        elif kind == "unicode":
            key = draw(unicode_text)
        else:
            key = draw(st.sampled_from(["password", "secret", "__proto__", "<<", "?", "-"]))
        target.setdefault(key, draw(any_value))
    elif isinstance(target, list):
        target.append(draw(any_value))
    else:
        parent[path[-1]] = {"name": target, draw(unicode_text): draw(any_value)}
    return data


def _huge(draw: Draw, data: Any, path: DataPath) -> Any:
    _parent(data, path)[path[-1]] = draw(st.sampled_from(HUGE_NUMBERS))
    return data


def _unicode(draw: Draw, data: Any, path: DataPath) -> Any:
    parent = _parent(data, path)
    value = parent[path[-1]]
    text = draw(nasty_text)
    if isinstance(value, str) and draw(st.booleans()):
        i = draw(st.integers(0, len(value)))
        text = value[:i] + text + value[i:]
    parent[path[-1]] = text
    return data


def _nest(draw: Draw, data: Any, path: DataPath) -> Any:
    parent = _parent(data, path)
    value = parent[path[-1]]
    for _ in range(draw(st.sampled_from([1, 2, 5, 30, 63, 64, 65, 100, 300]))):
        value = [value] if draw(st.booleans()) else {"k": value}
    parent[path[-1]] = value
    return data


def _duplicate_item(draw: Draw, data: Any, path: DataPath) -> Any:
    parent = _parent(data, path)
    index = path[-1]
    if isinstance(parent, list) and isinstance(index, int):
        parent.insert(index, copy.deepcopy(parent[index]))
        return data
    return _rename(draw, data, path)


TREE_MUTATIONS: dict[str, Callable[[Draw, Any, DataPath], Any]] = {
    "drop": _drop,
    "retype": _retype,
    "swap_type": _swap_type,
    "rename": _rename,
    "add_key": _add_key,
    "huge": _huge,
    "unicode": _unicode,
    "nest": _nest,
    "duplicate_item": _duplicate_item,
}


@st.composite
def mutated_tree(draw: Draw) -> str:
    """An example changed as data (1 to 3 mutations), dumped back to YAML."""
    data = copy.deepcopy(PARSED[draw(st.sampled_from(NAMES))])
    for _ in range(draw(st.integers(1, 3))):
        found = paths(data)
        if not found:
            data = draw(any_value)
            break
        path = draw(st.sampled_from(found))
        mutation = TREE_MUTATIONS[draw(st.sampled_from(sorted(TREE_MUTATIONS)))]
        data = mutation(draw, data, path)
    text: str = yaml.safe_dump(
        data,
        sort_keys=False,
        allow_unicode=draw(st.booleans()),
        default_flow_style=draw(st.sampled_from([False, None])),
        width=10**6,
    )
    return text


def _text_mutation(draw: Draw, text: str) -> str:
    lines = text.splitlines(keepends=True) or [""]
    kind = draw(
        st.sampled_from(
            [
                "drop_line",
                "dup_line",
                "swap_lines",
                "swap_chars",
                "delete_char",
                "insert",
                "truncate",
                "indent",
            ]
        )
    )
    i = draw(st.integers(0, len(lines) - 1))
    if kind == "drop_line":
        del lines[i]
    elif kind == "dup_line":  # often a duplicate key
        lines.insert(i, lines[i])
    elif kind == "swap_lines" and len(lines) > 1:
        j = draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "indent":
        lines[i] = draw(st.sampled_from([" ", "  ", "\t", ""])) + lines[i].lstrip(" ")
    else:
        flat = "".join(lines)
        if not flat:
            empty: str = draw(nasty_text)
            return empty
        k = draw(st.integers(0, len(flat) - 1))
        if kind == "swap_chars" and k + 1 < len(flat):
            return flat[:k] + flat[k + 1] + flat[k] + flat[k + 2 :]
        if kind == "delete_char":
            return flat[:k] + flat[k + 1 :]
        if kind == "truncate":
            return flat[:k]
        inserted: str = draw(st.one_of(st.sampled_from(NASTY_CHARS), nasty_text))
        return flat[:k] + inserted + flat[k:]
    return "".join(lines)


@st.composite
def mutated_text(draw: Draw) -> str:
    """An example changed as text (1 to 3 mutations)."""
    text = SOURCES[draw(st.sampled_from(NAMES))]
    for _ in range(draw(st.integers(1, 3))):
        text = _text_mutation(draw, text)
    return text


@st.composite
def mutated_tree_then_text(draw: Draw) -> str:
    return _text_mutation(draw, draw(mutated_tree()))


def org_texts() -> st.SearchStrategy[str]:
    """Every kind of mutated org file, plus the unchanged examples now and then."""
    return st.one_of(
        st.sampled_from(NAMES).map(SOURCES.__getitem__),
        mutated_tree(),
        mutated_text(),
        mutated_tree_then_text(),
    )
