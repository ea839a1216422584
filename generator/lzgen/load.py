"""Load: org YAML text -> plain data plus the line:column of every key and value.

Built on libyaml's event stream (no composer, no constructor of arbitrary tags), so hostile input
is refused while it is read: duplicate keys, alias expansion past a bound, nesting past a bound,
non-standard tags and oversized files all become coded diagnostics with a location.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from lzgen.diagnostics import Diagnostic, Location, Severity, format_path

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIAS_NODES = 100_000
MAX_MESSAGE_CHARS = 500  # a message quoting a value: aliases must not multiply a huge scalar

YamlPath = tuple[str | int, ...]

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "!",
}

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml is part of PyYAML's wheels
    _Loader = yaml.SafeLoader


@dataclass
class Document:
    """The loaded file: plain data and where each node came from."""

    file: str
    data: Any
    value_pos: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)
    key_pos: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)
    # the folder that paths in the file are relative to (the file's own); None for text
    base: Path | None = None

    def locate(self, path: YamlPath, *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the node at ``path`` (of its key when ``key``).

        Paths that do not exist (a missing key) resolve to the nearest existing ancestor.
        """
        table = self.key_pos if key else self.value_pos
        if path in table:
            return table[path]
        for end in range(len(path) - 1, -1, -1):
            prefix = path[:end]
            if prefix in self.value_pos:
                return self.value_pos[prefix]
        return (1, 1)

    def diagnostic(
        self,
        code: str,
        message: str,
        path: YamlPath,
        *,
        hint: str = "",
        key: bool = False,
        severity: Severity = Severity.ERROR,
        related: tuple[YamlPath, ...] = (),
    ) -> Diagnostic:
        line, column = self.locate(path, key=key)
        return Diagnostic(
            code=code,
            severity=severity,
            message=clip(message),
            file=self.file,
            line=line,
            column=column,
            path=format_path(path),
            hint=clip(hint),
            related=tuple(Location(self.file, *self.locate(p)) for p in related),
        )


def clip(text: str) -> str:
    """``text`` cut to ``MAX_MESSAGE_CHARS``: rules quote values, and an alias can repeat a
    megabyte scalar in every account, which must not become gigabytes of diagnostics."""
    if len(text) <= MAX_MESSAGE_CHARS:
        return text
    return text[: MAX_MESSAGE_CHARS - 3] + "..."


class LoadError(Exception):
    """Bad input found while loading; carries the diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def _pos(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


class _Builder:
    """Turns a libyaml event stream into plain data, recording positions."""

    def __init__(self, file: str, events: Any) -> None:
        self.file = file
        self.events = events
        self.doc = Document(file=file, data=None)
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.alias_nodes = 0
        self.resolver = Resolver()
        self.constructor = SafeConstructor()

    def fail(self, code: str, message: str, mark: Any, hint: str = "") -> LoadError:
        line, column = _pos(mark)
        return LoadError(
            Diagnostic(code, Severity.ERROR, message, self.file, line, column, hint=hint)
        )

    def next(self) -> Any:
        return next(self.events)

    def build(self) -> Document:
        event = self.next()  # StreamStart
        event = self.next()
        if isinstance(event, yaml.StreamEndEvent):
            raise self.fail(
                "LZ1010",
                "the file is empty",
                event.start_mark,
                "start from `lzgen init` or examples/org.yaml",
            )
        first_doc_mark = event.start_mark
        event = self.next()
        data, _ = self.node(event, (), 0)
        self.next()  # DocumentEnd
        event = self.next()
        if not isinstance(event, yaml.StreamEndEvent):
            raise self.fail(
                "LZ1001",
                "the file holds more than one YAML document",
                event.start_mark,
                "keep the whole organization in one document",
            )
        self.doc.data = data
        if data is not None:
            self.doc.value_pos.setdefault((), _pos(first_doc_mark))
        return self.doc

    def check_tag(self, event: Any) -> None:
        tag = getattr(event, "tag", None)
        if tag and tag not in _STANDARD_TAGS:
            raise self.fail(
                "LZ1005",
                f"YAML tag '{tag}' is not allowed",
                event.start_mark,
                "org files hold plain maps, lists and scalars; remove the tag",
            )

    def node(self, event: Any, path: YamlPath, depth: int) -> tuple[Any, int]:
        """Build the node that starts with ``event``; returns (value, node count)."""
        if depth > MAX_DEPTH:
            raise self.fail(
                "LZ1006",
                f"the YAML nests deeper than {MAX_DEPTH} levels",
                event.start_mark,
                "an org file needs only a few levels of nesting",
            )
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise self.fail("LZ1001", f"unknown alias '*{event.anchor}'", event.start_mark)
            value, count = self.anchors[event.anchor]
            self.alias_nodes += count
            if self.alias_nodes > MAX_ALIAS_NODES:
                raise self.fail(
                    "LZ1003",
                    f"aliases expand to more than {MAX_ALIAS_NODES} nodes",
                    event.start_mark,
                    "this looks like an alias bomb; write the values out or use fewer aliases",
                )
            self.doc.value_pos[path] = _pos(event.start_mark)
            return value, count
        self.check_tag(event)
        self.doc.value_pos[path] = _pos(event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            value, count = self.scalar(event), 1
        elif isinstance(event, yaml.SequenceStartEvent):
            value, count = self.sequence(path, depth)
        elif isinstance(event, yaml.MappingStartEvent):
            value, count = self.mapping(path, depth)
        else:  # pragma: no cover - libyaml emits nothing else here
            raise self.fail("LZ1001", "unexpected YAML structure", event.start_mark)
        if event.anchor:
            self.anchors[event.anchor] = (value, count)
        return value, count

    def scalar(self, event: Any) -> Any:
        if event.tag == "!":
            return event.value
        tag = event.tag or self.resolver.resolve(  # type: ignore[no-untyped-call]
            ScalarNode, event.value, event.implicit
        )
        if tag == "tag:yaml.org,2002:str":
            return event.value
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.constructor.yaml_constructors[tag](self.constructor, node)
        except (ConstructorError, ValueError, KeyError) as exc:
            kind = tag.rsplit(":", 1)[-1]
            raise self.fail(
                "LZ1001", f"invalid {kind} value {event.value!r}", event.start_mark
            ) from exc

    def sequence(self, path: YamlPath, depth: int) -> tuple[list[Any], int]:
        items: list[Any] = []
        count = 1
        while True:
            event = self.next()
            if isinstance(event, yaml.SequenceEndEvent):
                return items, count
            value, n = self.node(event, (*path, len(items)), depth + 1)
            items.append(value)
            count += n

    def mapping(self, path: YamlPath, depth: int) -> tuple[dict[str, Any], int]:
        result: dict[str, Any] = {}
        merged: dict[str, Any] = {}
        count = 1
        while True:
            event = self.next()
            if isinstance(event, yaml.MappingEndEvent):
                break
            if not isinstance(event, yaml.ScalarEvent):
                raise self.fail("LZ1001", "mapping keys must be plain scalars", event.start_mark)
            self.check_tag(event)
            key_mark = event.start_mark
            key = event.value
            if key == "<<" and event.implicit[0]:
                merged.update(self.merge(path, depth))
                continue
            key_path = (*path, key)
            if key in result:
                first_line, first_col = self.doc.key_pos[key_path]
                raise self.fail(
                    "LZ1002",
                    f"duplicate key '{key}' in {format_path(path) or 'the document'}",
                    key_mark,
                    f"'{key}' is already set at line {first_line}, column {first_col}; keep one",
                )
            self.doc.key_pos[key_path] = _pos(key_mark)
            value, n = self.node(self.next(), key_path, depth + 1)
            result[key] = value
            count += n
        for key, value in merged.items():
            result.setdefault(key, value)
        return result, count

    def merge(self, path: YamlPath, depth: int) -> dict[str, Any]:
        merge_path = (*path, "<<")
        value, _ = self.node(self.next(), merge_path, depth + 1)
        sources = value if isinstance(value, list) else [value]
        merged: dict[str, Any] = {}
        for source in reversed(sources):
            if not isinstance(source, dict):
                line, column = self.doc.value_pos[merge_path]
                raise LoadError(
                    Diagnostic(
                        "LZ1001",
                        Severity.ERROR,
                        "a merge key '<<' takes a mapping or a list of them",
                        self.file,
                        line,
                        column,
                        format_path(path),
                    )
                )
            merged.update(source)
        return merged


def load_text(text: str, file: str = "<string>") -> Document:
    """Parse org YAML text. Raises LoadError with a coded, located diagnostic."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise LoadError(
            Diagnostic(
                "LZ1004",
                Severity.ERROR,
                f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB",
                file,
                1,
                1,
                hint="split generated data out of the org file",
            )
        )
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise LoadError(
            Diagnostic("LZ1001", Severity.ERROR, "the file contains a NUL byte", file, line, 1)
        )
    try:
        builder = _Builder(file, yaml.parse(text, Loader=_Loader))
        return builder.build()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = _pos(mark) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        if "maximum nesting depth" in problem:  # libyaml's own bound, met while scanning ahead
            raise LoadError(
                Diagnostic(
                    "LZ1006",
                    Severity.ERROR,
                    f"the YAML nests deeper than {MAX_DEPTH} levels",
                    file,
                    line,
                    column,
                    hint="an org file needs only a few levels of nesting",
                )
            ) from exc
        raise LoadError(
            Diagnostic(
                "LZ1001", Severity.ERROR, f"YAML syntax error: {problem}", file, line, column
            )
        ) from exc
    except yaml.YAMLError as exc:
        raise LoadError(
            Diagnostic("LZ1001", Severity.ERROR, f"YAML error: {exc}", file, 1, 1)
        ) from exc


def load_file(path: Path, display: str | None = None, raw: bytes | None = None) -> Document:
    """Read and parse an org file from disk; ``raw``, when given, is the file's bytes as the
    caller already read them (so the caller hashes exactly what was parsed)."""
    name = display or str(path)
    try:
        size = path.stat().st_size if raw is None else len(raw)
        if size > MAX_FILE_BYTES:
            raise LoadError(
                Diagnostic(
                    "LZ1004",
                    Severity.ERROR,
                    f"the file is {size // (1024 * 1024)} MB; the limit is "
                    f"{MAX_FILE_BYTES // (1024 * 1024)} MB",
                    name,
                    1,
                    1,
                    hint="an org file of 1,000 accounts is well under 2 MB",
                )
            )
        if raw is None:
            raw = path.read_bytes()
    except OSError as exc:
        raise LoadError(
            Diagnostic(
                "LZ1000", Severity.ERROR, f"cannot read the file: {exc.strerror or exc}", name, 1, 1
            )
        ) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise LoadError(
            Diagnostic("LZ1001", Severity.ERROR, "the file is not valid UTF-8", name, line, 1)
        ) from exc
    doc = load_text(text, name)
    doc.base = path.resolve().parent
    return doc


MAX_ATTACHMENT_BYTES = 64 * 1024  # a PEM certificate is a few KiB


def load_attachments(doc: Document, paths: Iterable[str]) -> dict[str, str]:
    """The files the org file names (a CloudHSM trust anchor certificate), by the path as
    written: read relative to the file's folder, only when they stay inside it, are regular
    files of at most ``MAX_ATTACHMENT_BYTES`` and UTF-8. Anything else is left out; the rule on
    the naming key reports it, so every stage after load stays pure."""
    found: dict[str, str] = {}
    if doc.base is None:
        return found
    for written in paths:
        target = (doc.base / written).resolve()
        if Path(written).is_absolute() or not target.is_relative_to(doc.base):
            continue
        try:
            if target.is_file() and target.stat().st_size <= MAX_ATTACHMENT_BYTES:
                found[written] = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    return found
