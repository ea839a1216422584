"""Load stage for blueprints: the folders of lzgen's own blueprints (shipped in the package)
and of the user's (``service_catalog.blueprints``, relative to the org file) become a
``Catalog``. Everything that can be wrong with a user's blueprint becomes a ``Problem`` that
the rules report (LZ5001), so the stages after load stay pure and never see a half-read
blueprint. lzgen's own blueprints are held to the same checks by the test suite.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import ValidationError

from lzgen.model.blueprint import (
    Blueprint,
    Catalog,
    Manifest,
    Problem,
    TemplateParameter,
    Version,
    fits,
    parameter_text,
)
from lzgen.package_data import data_dir

MANIFEST = "blueprint.yaml"
MAX_TEMPLATE_BYTES = 1024 * 1024  # CloudFormation's limit for a template read from S3
MAX_MANIFEST_BYTES = 64 * 1024


def shipped_dir() -> Path:
    """lzgen's blueprints: inside the wheel (lzgen/blueprints), or at the repository root in a
    source checkout."""
    return data_dir("blueprints")


class _TemplateLoader(yaml.CSafeLoader):  # libyaml's parser, part of PyYAML's wheels
    """YAML with CloudFormation's short-form intrinsics (!Ref, !Sub, !GetAtt ...), read as
    plain values: only ``Parameters`` is looked at."""


def _intrinsic(loader: yaml.CSafeLoader, suffix: str, node: yaml.Node) -> Any:
    del suffix
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]


_TemplateLoader.add_multi_constructor("!", _intrinsic)


class _UnusableError(Exception):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def _read(path: Path, limit: int) -> str:
    if not path.is_file():
        raise _UnusableError(
            f"{path.name} is missing", f"add {path.name} to the blueprint's folder"
        )
    if path.stat().st_size > limit:
        raise _UnusableError(f"{path.name} is larger than {limit // 1024} KiB")
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _UnusableError(f"{path.name} cannot be read as UTF-8 text: {exc}") from exc


def _parameters(text: str, file: str) -> dict[str, TemplateParameter]:
    try:
        data = yaml.load(text, Loader=_TemplateLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise _UnusableError(f"{file} is not YAML or JSON: {exc}".splitlines()[0]) from exc
    if not isinstance(data, dict) or "Resources" not in data:
        raise _UnusableError(f"{file} is not a CloudFormation template (no Resources)")
    params = data.get("Parameters") or {}
    if not isinstance(params, dict):
        raise _UnusableError(f"{file}: Parameters is not a map")
    found: dict[str, TemplateParameter] = {}
    for name, spec in params.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("Type"), str):
            raise _UnusableError(f"{file}: parameter {name} has no Type")
        allowed = spec.get("AllowedValues")
        found[str(name)] = TemplateParameter(
            str(name),
            spec["Type"],
            tuple(parameter_text(v) for v in allowed) if isinstance(allowed, list) else None,
        )
    return found


def _manifest(folder: Path) -> Manifest:
    text = _read(folder / MANIFEST, MAX_MANIFEST_BYTES)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise _UnusableError(f"{MANIFEST} is not YAML: {exc}".splitlines()[0]) from exc
    try:
        manifest = Manifest.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the top level"
        raise _UnusableError(
            f"{MANIFEST}: {where}: {first['msg']}", "blueprints/README.md describes the manifest"
        ) from exc
    if manifest.name != folder.name:
        raise _UnusableError(
            f"{MANIFEST} names the blueprint {manifest.name!r}, its folder is {folder.name!r}",
            f"set name: {folder.name}, or rename the folder",
        )
    return manifest


def load_blueprint(folder: Path, origin: Literal["lzgen", "user"]) -> Blueprint:
    """One blueprint folder; raises ``_UnusableError`` (through ``load_catalog``) when it is not
    one."""
    manifest = _manifest(folder)
    versions: dict[str, Version] = {}
    for entry in manifest.versions:
        if entry.name in versions:
            raise _UnusableError(f"{MANIFEST} lists version {entry.name} twice")
        text = _read(folder / entry.template, MAX_TEMPLATE_BYTES)
        params = _parameters(text, entry.template)
        for name, kind in manifest.parameters.items():
            parameter = params.get(name)
            if parameter is None:
                raise _UnusableError(
                    f"{MANIFEST} lets constraints pin {name}, which {entry.template} lacks",
                    f"its parameters: {', '.join(params) or 'none'}",
                )
            if not fits(kind, parameter):
                raise _UnusableError(
                    f"{MANIFEST}: {name} is a {kind} parameter, "
                    f"but {entry.template} types it {parameter.type}"
                )
        versions[entry.name] = Version(entry.name, entry.description, entry.template, text, params)
    return Blueprint(manifest, origin, versions)


def _folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def shipped_catalog() -> Catalog:
    """lzgen's own blueprints (the test suite keeps every one usable)."""
    return Catalog({f.name: load_blueprint(f, "lzgen") for f in _folders(shipped_dir())})


def load_catalog(base: Path | None, user_dir: str | None) -> Catalog:
    """lzgen's blueprints plus the user's folder ``user_dir``, relative to ``base`` (the org
    file's folder) and inside it. A user blueprint that is unusable, or named like one of
    lzgen's, is a problem and left out."""
    shipped = shipped_catalog()
    if user_dir is None:
        return shipped
    found = dict(shipped.blueprints)
    problems: list[Problem] = []
    inside = base is not None and not Path(user_dir).is_absolute()
    root = (base / user_dir).resolve() if base is not None else None
    if root is None or base is None or not inside or not root.is_relative_to(base.resolve()):
        hint = "give a folder next to the org file or below it, as a relative path"
        return Catalog(found, (Problem("", f"{user_dir} is outside the org file's folder", hint),))
    if not root.is_dir():
        hint = "create the folder, or correct the path (relative to the org file)"
        return Catalog(found, (Problem("", f"{user_dir} is not a folder", hint),))
    for folder in _folders(root):
        if folder.name in found:
            problems.append(
                Problem(folder.name, "lzgen ships a blueprint of this name", "rename yours")
            )
            continue
        try:
            found[folder.name] = load_blueprint(folder, "user")
        except _UnusableError as exc:
            problems.append(Problem(folder.name, exc.message, exc.hint))
        except OSError as exc:
            problems.append(Problem(folder.name, f"cannot be read: {exc}"))
    return Catalog(found, tuple(problems))


def blueprint_text(blueprint: Blueprint) -> str:
    """What ``lzgen blueprints`` prints of one blueprint."""
    manifest = blueprint.manifest
    origin = "" if blueprint.origin == "lzgen" else "  (yours)"
    lines = [f"{manifest.name}{origin}", f"  {manifest.description}"]
    lines.append(f"  versions: {', '.join(blueprint.versions)}")
    if manifest.parameters:
        pins = ", ".join(f"{name} ({kind})" for name, kind in manifest.parameters.items())
        lines.append(f"  constraints may pin: {pins}")
    return "\n".join(lines)
