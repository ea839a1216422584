"""Shape check: plain data -> OrgFile, with pydantic errors mapped to file:line:col."""

from __future__ import annotations

import re
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from lzgen.diagnostics import Diagnostic, did_you_mean, format_path
from lzgen.load import Document, YamlPath
from lzgen.model import OrgFile
from lzgen.model.common import NAME_RULE

# A key named like a secret (a template parameter DbPassword, say): its value is never echoed
SECRET_KEY = re.compile(r"pass(word|phrase)?|secret|token|private_?key|credential", re.IGNORECASE)


def check_shape(doc: Document) -> tuple[OrgFile | None, list[Diagnostic]]:
    if not isinstance(doc.data, dict):
        return None, [
            doc.diagnostic(
                "LZ1012",
                "the org file must be a mapping of keys",
                (),
                hint="start from `lzgen init` or examples/org.yaml",
            )
        ]
    try:
        return OrgFile.model_validate(doc.data), []
    except ValidationError as exc:
        return None, _drop_misspelled_missing([_diagnostic(doc, e) for e in exc.errors()])


def _drop_misspelled_missing(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """``sise: 22`` is one mistake: report the unknown key with its hint, not also a
    missing ``size``."""
    suggested = {
        (d.path.rpartition(".")[0], d.hint.split("'")[1])
        for d in diagnostics
        if d.code == "LZ1010" and d.hint.startswith("did you mean")
    }
    return [
        d
        for d in diagnostics
        if not (d.code == "LZ1011" and (d.path, d.message.split("'")[1]) in suggested)
    ]


def _data_path(data: Any, loc: tuple[int | str, ...]) -> YamlPath:
    """Drop the parts of a pydantic loc that are union tags, not keys of the data."""
    path: list[str | int] = []
    node = data
    for part in loc:
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and len(path) == len(loc) - 1:
            pass  # a missing or unknown key: keep it, the caller locates its parent
        else:
            continue
        path.append(part)
    return tuple(path)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """Every model class reachable from a field annotation (through Optional, list, unions)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    origin = get_origin(annotation)
    if origin is typing.Annotated:
        return _models_in(get_args(annotation)[0])
    if origin in (list, Union, types.UnionType) or origin is not None:
        found: list[type[BaseModel]] = []
        for arg in get_args(annotation):
            found.extend(_models_in(arg))
        return found
    return []


def _fits(model: type[BaseModel], node: Any) -> bool:
    """False when ``node`` sets a Literal field (a union's tag, say) to a value the model
    does not take, so hints come from the union variant the user meant."""
    if not isinstance(node, dict):
        return True
    for name, field in model.model_fields.items():
        literal = get_origin(field.annotation) is Literal
        if literal and name in node and node[name] not in get_args(field.annotation):
            return False
    return True


def _allowed_keys(data: Any, path: YamlPath) -> list[str]:
    """The keys the model at ``path`` accepts."""
    models: list[type[BaseModel]] = [OrgFile]
    node = data
    for part in path:
        node = node[part] if isinstance(node, dict) or isinstance(part, int) else None
        if isinstance(part, int):
            continue
        nxt: list[type[BaseModel]] = []
        for model in models:
            field = model.model_fields.get(part)
            if field is not None:
                nxt.extend(_models_in(field.annotation))
        models = [m for m in nxt if _fits(m, node)] or nxt
    keys: set[str] = set()
    for model in models:
        keys.update(model.model_fields)
    return sorted(keys)


def _describe(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _diagnostic(doc: Document, error: Any) -> Diagnostic:
    path = _data_path(doc.data, error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(path[-1])
        allowed = [k for k in _allowed_keys(doc.data, path[:-1]) if k != key]
        return doc.diagnostic(
            "LZ1010", f"unknown key '{key}'", path, key=True, hint=did_you_mean(key, allowed)
        )
    if kind == "missing":
        key = str(error["loc"][-1])
        parent = path[:-1] if path and path[-1] == key else path
        where = f" in {_where(parent)}" if parent else ""
        return doc.diagnostic("LZ1011", f"missing required key '{key}'{where}", parent)
    got = _describe(error.get("input"))
    if path and isinstance(path[-1], str) and SECRET_KEY.search(path[-1]):
        got = "a value not shown here (its key names a secret)"
    message = f"{_where(path)}: {error['msg'].rstrip('.')}, got {got}"
    # a model's own check (a custom error) may carry its hint in the error's context
    context = error.get("ctx")
    hint = str(context["hint"]) if isinstance(context, dict) and "hint" in context else ""
    if kind == "string_pattern_mismatch":
        hint = _pattern_hint(path)
    if kind == "string_type" and isinstance(error.get("input"), int):
        hint = 'quote the value, for example "012345678901", so leading zeros survive'
    return doc.diagnostic("LZ1012", message, path, hint=hint)


def _where(path: YamlPath) -> str:
    return format_path(path) or "the document"


def _pattern_hint(path: YamlPath) -> str:
    last = path[-1] if path else ""
    if last == "name":
        return f"names use {NAME_RULE}"
    if last == "account_id":
        return 'an AWS account id is 12 digits, quoted so leading zeros survive: "999999999999"'
    if last == "vpc_id":
        return "a VPC id is vpc- and 8 or 17 lowercase hex digits: vpc-0abc12345678def01"
    if last == "root" and len(path) >= 2 and path[-2] == "atlantis":
        return (
            "the rendered tree's path inside the repository, relative to its root: infra/lz "
            "(no leading or trailing '/', no '.' or '..' segments); \"\" is the root itself"
        )
    if last in ("azs",) or (len(path) >= 2 and path[-2] == "azs"):
        return "AZs are the zone letters of the VPC's region, for example [a, b, c]"
    return ""
