"""Injection: a string from the org file never becomes Terraform syntax or a path outside OUT.

Every string field that reaches generated files gets payloads with quotes, backslashes,
template openers (``${``, ``%{``), newlines, comment closers, ``../``, NUL, control and
non-ASCII characters, and a very long value. Each either fails validation with a coded
diagnostic at that field (``lzgen render`` exits 1 and writes nothing), or renders to HCL in
which the value round-trips: python-hcl2 parses every file and one string literal, decoded by
HCL's own rules, holds the value with no live interpolation. ``terraform validate`` checks one
tree that carries every accepted payload.
"""

from __future__ import annotations

import copy
import json
import posixpath
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path, PurePosixPath
from typing import Any

import hcl2
import pytest
import yaml
from typer.testing import CliRunner

from conftest import EXAMPLES_DIR, terraform_env
from lzgen.cli import app
from lzgen.diagnostics import format_path
from lzgen.hcl import hcl, hcl_inner
from lzgen.load import load_text
from lzgen.pipeline import build_plan, render_tree, validate_document

DataPath = tuple[str | int, ...]
CODE = re.compile(r"^LZ\d{4}$")

PAYLOADS: dict[str, str] = {
    "quote": '"',
    "backslash": "\\",
    "interpolation": "${x}",
    "directive": "%{x}",
    "newline": "\n",
    "crlf": "\r\n",
    "comment-close": "*/",
    "comment": " # //",
    "parent-dir": "../",
    "nul": "\x00",
    "control": "\x08\x0c\x1b\x7f",
    "non-ascii": "é名\u202e\u2028",
    "space-dot": " .. ",
    "long": "x" * 5000,
}


def _base(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((EXAMPLES_DIR / name).read_text(encoding="utf-8"))
    return data


ORG = _base("org.yaml")
ORG["organization"]["state"]["key_prefix"] = "landing-zone"
ORG["organizational_units"].append({"name": "Sandbox"})  # referenced by nothing
HUB = _base("hub-and-spoke.yaml")
BASES = {"org": ORG, "hub": HUB}

# (base, path) of every string that reaches a rendered file, one of each kind.
FIELDS: list[tuple[str, DataPath]] = [
    ("org", ("organization", "name")),
    ("org", ("organization", "home_region")),
    ("org", ("organization", "management_account_id")),
    ("org", ("organization", "access_role")),
    ("org", ("organization", "state", "bucket")),
    ("org", ("organization", "state", "region")),
    ("org", ("organization", "state", "key_prefix")),
    ("org", ("organizational_units", 3, "name")),
    ("org", ("organizational_units", 2, "children", 1, "name")),
    ("org", ("accounts", 1, "name")),
    ("org", ("accounts", 1, "email")),
    ("org", ("accounts", 1, "ou")),
    ("hub", ("accounts", 0, "id")),
    ("org", ("vpcs", 0, "name")),
    ("org", ("vpcs", 0, "account")),
    ("org", ("vpcs", 0, "region")),
    ("org", ("vpcs", 0, "cidr")),
    ("org", ("vpcs", 0, "azs", 0)),
    ("org", ("vpcs", 0, "subnets", 1, "name")),
    ("org", ("vpcs", 0, "endpoints", "interface", 0)),
    ("org", ("baseline", "log_archive_account")),
    ("org", ("baseline", "service_control_policies", 0)),
    ("org", ("baseline", "service_control_policies", 3, "regions", 1)),
    ("org", ("baseline", "attach", "ous", 0)),
    ("org", ("baseline", "alternate_contacts", "security", "name")),
    ("org", ("account_settings", 1, "ous", 0)),
    ("hub", ("transit_gateways", 0, "name")),
    ("hub", ("transit_gateways", 0, "account")),
    ("hub", ("transit_gateways", 0, "region")),
    ("hub", ("transit_gateways", 0, "route_tables", 0)),
    ("hub", ("transit_gateways", 0, "share_with", "accounts", 0)),
    ("hub", ("transit_gateways", 0, "share_with", "ous", 0)),
    ("hub", ("transit_gateways", 0, "routes", 1, "cidr")),
    ("hub", ("transit_gateways", 0, "routes", 0, "vpc")),
    ("hub", ("transit_gateways", 0, "vpn_connections", 0, "name")),
    ("hub", ("transit_gateways", 0, "vpn_connections", 0, "customer_gateway", "ip")),
    ("hub", ("transit_gateways", 0, "vpn_connections", 0, "on_premises_cidrs", 0)),
    ("hub", ("vpcs", 0, "transit_gateway", "name")),
    ("hub", ("vpcs", 0, "subnets", 1, "share_with", "accounts", 0)),
    ("hub", ("vpcs", 1, "ingress_routing", "appliance_tier")),
    ("hub", ("vpc_peerings", 0, "name")),
    ("hub", ("vpc_peerings", 0, "requester")),
    ("hub", ("vpc_peerings", 0, "accepter")),
]

# Payloads these fields take today (the round-trip branch must not go untested).
EXPECTED_ACCEPTED = {
    ("accounts[1].email", "interpolation"),
    ("accounts[1].email", "directive"),
    ("accounts[1].email", "comment-close"),
    ("organization.state.key_prefix", "parent-dir"),
    ("organizational_units[3].name", "space-dot"),
    ("baseline.alternate_contacts.security.name", "interpolation"),
    ("baseline.alternate_contacts.security.name", "quote"),
}


def _get(data: Any, path: DataPath) -> Any:
    for part in path:
        data = data[part]
    return data


def inject(base: str, path: DataPath, payload: str) -> tuple[str, str]:
    """The base org as YAML with ``payload`` inserted after the first character of the string
    at ``path`` (so the rest of the value stays as valid as it was); returns (text, value)."""
    data = copy.deepcopy(BASES[base])
    parent = _get(data, path[:-1])
    original = str(parent[path[-1]])
    value = original[:1] + payload + original[1:]
    parent[path[-1]] = value
    return dump(data), value


def dump(data: Any) -> str:
    """``yaml.safe_dump`` through libyaml (several hundred dumps per run)."""
    text: str = yaml.dump(
        data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=10**6
    )
    return text


def decode_hcl_string(literal: str) -> tuple[str, bool]:
    """An HCL quoted template as python-hcl2 returns it (quotes and escapes kept) -> (text,
    live) where ``live`` says whether it holds an unescaped ``${`` or ``%{``."""
    assert literal[0] == literal[-1] == '"', literal
    body, out, live, i = literal[1:-1], [], False, 0
    simple = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}
    while i < len(body):
        if body.startswith(("$${", "%%{"), i):
            out.append(body[i + 1 : i + 3])
            i += 3
        elif body.startswith(("${", "%{"), i):
            live = True
            out.append(body[i : i + 2])
            i += 2
        elif body[i] == "\\":
            kind = body[i + 1]
            if kind in simple:
                out.append(simple[kind])
                i += 2
            elif kind in "uU":
                width = 4 if kind == "u" else 8
                out.append(chr(int(body[i + 2 : i + 2 + width], 16)))
                i += 2 + width
            else:
                raise AssertionError(f"invalid HCL escape \\{kind} in {literal!r}")
        else:
            out.append(body[i])
            i += 1
    return "".join(out), live


def hcl_strings(node: Any) -> Iterator[str]:
    """Every quoted string (values and block labels) in python-hcl2 output."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.startswith('"'):
                yield key
            yield from hcl_strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from hcl_strings(item)
    elif isinstance(node, str) and len(node) >= 2 and node.startswith('"') and node.endswith('"'):
        yield node


def assert_inside(path: str) -> None:
    rel = PurePosixPath(path)
    assert not rel.is_absolute(), path
    assert posixpath.normpath(path) == path, path
    assert all(part not in ("", ".", "..") for part in rel.parts), path
    assert not any(c in path for c in "\\\x00\n\r"), path


def assert_round_trips(files: dict[str, str], value: str) -> None:
    """Every .tf file parses; one literal holds ``value`` and interpolates nothing."""
    found = False
    for path, text in files.items():
        assert_inside(path)
        if path.endswith(".json"):
            json.loads(text)
        if not path.endswith(".tf") or hcl_inner(value) not in text:
            continue  # a file without the escaped value cannot hold it
        for literal in hcl_strings(hcl2.loads(text)):
            decoded, live = decode_hcl_string(literal)
            if value in decoded and not live:
                found = True
    assert found, f"{value!r} is in no string literal of the rendered HCL"


def _at(d: dict[str, Any], doc_pos: tuple[int, int] | None, path: DataPath) -> bool:
    located = (d["line"], d["column"]) == doc_pos or d["path"] == format_path(path)
    return bool(d["severity"] == "error" and located)


CLI_PAYLOADS = {"quote", "newline", "parent-dir", "nul"}
CASES = [
    pytest.param(base, path, name, id=f"{format_path(path)}:{name}")
    for base, path in FIELDS
    for name in PAYLOADS
]


@pytest.mark.parametrize(("base", "path", "payload"), CASES)
def test_payload_is_refused_at_its_field_or_round_trips(
    base: str, path: DataPath, payload: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    text, value = inject(base, path, PAYLOADS[payload])
    doc = load_text(text, "org.yaml")
    org, diagnostics = validate_document(doc)
    if org is None and payload not in CLI_PAYLOADS:
        where = doc.value_pos.get(path)
        assert any(_at(asdict(d), where, path) for d in diagnostics), _listing(path, where, doc)
        assert all(CODE.match(d.code) for d in diagnostics)
        return
    # through the CLI: refused payloads of a few kinds, and every accepted one
    tmp_path = tmp_path_factory.mktemp("inject")
    source = tmp_path / "org.yaml"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["render", str(source), "-o", str(out), "-f", "json"])
    assert "Traceback" not in result.output
    if org is None:
        assert result.exit_code == 1, result.output
        where = doc.value_pos.get(path)
        found = json.loads(result.stdout)["diagnostics"]
        assert any(_at(d, where, path) for d in found), _listing(path, where, doc)
        assert all(CODE.match(d["code"]) for d in found)
        assert not out.exists(), "render wrote files for an invalid org file"
        return
    assert result.exit_code == 0, result.output
    files = {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
        for p in out.rglob("*")
        if p.is_file()
    }
    assert_round_trips(files, value)


def _listing(path: DataPath, where: tuple[int, int] | None, doc: Any) -> str:
    _, diagnostics = validate_document(doc)
    return f"no error at {format_path(path)} {where}: " + "; ".join(
        f"{d.code} {d.line}:{d.column} {d.path}" for d in diagnostics
    )


def test_the_round_trip_branch_is_exercised() -> None:
    """Some payloads are valid today; if validation tightens, move them out of the list."""
    by_name = {format_path(path): (base, path) for base, path in FIELDS}
    for field, payload in sorted(EXPECTED_ACCEPTED):
        base, path = by_name[field]
        text, _ = inject(base, path, PAYLOADS[payload])
        org, diagnostics = validate_document(load_text(text, "org.yaml"))
        assert org is not None, (field, payload, diagnostics)


@pytest.mark.parametrize(
    "value",
    [
        '"',
        "\\",
        "${x}",
        "$${x}",
        "$$${x}",
        "%{if 1}",
        "%%{x}",
        "\n\r\t",
        "\x00\x01\x08\x0b\x0c\x1b\x7f",
        "é名\u202e\u2028\u2029\ufeff\U0001f600",
        "*/ /* # //",
        "\\${x}",
        "\\\x08",
    ],
)
def test_hcl_literal_round_trips_through_python_hcl2(value: str) -> None:
    parsed = hcl2.loads(f"x = {hcl(value)}\n")
    assert decode_hcl_string(parsed["x"]) == (value, False)


@pytest.mark.parametrize(
    ("path", "name"),
    [
        (("organization", "name"), "../x"),
        (("accounts", 1, "name"), "../../etc"),
        (("vpcs", 0, "name"), "a/../../b"),
        (("vpcs", 0, "name"), "/abs"),
        (("transit_gateways", 0, "name"), ".."),
        (("vpc_peerings", 0, "name"), "x/.."),
        (("vpcs", 0, "region"), "../../us-east-1"),
        (("accounts", 1, "name"), "a\\..\\b"),
    ],
)
def test_names_that_would_leave_the_output_directory_are_refused(
    path: DataPath, name: str, tmp_path: Path
) -> None:
    base = "hub" if path[0] in ("transit_gateways", "vpc_peerings") else "org"
    data = copy.deepcopy(BASES[base])
    _get(data, path[:-1])[path[-1]] = name
    source = tmp_path / "org.yaml"
    source.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    out = tmp_path / "nested" / "out"
    result = CliRunner().invoke(app, ["render", str(source), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert format_path(path) in result.output
    assert not (tmp_path / "nested").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org.yaml"]


@pytest.mark.parametrize("base", sorted(BASES))
def test_every_rendered_path_is_relative_normalized_and_inside(base: str) -> None:
    doc = load_text(yaml.safe_dump(BASES[base], sort_keys=False), "org.yaml")
    org, _ = validate_document(doc)
    assert org is not None
    for path in render_tree(build_plan(org), "0" * 64):
        assert_inside(path)


def accepted_payload_tree() -> tuple[dict[str, Any], list[str]]:
    """The org base with every payload the fields above take, all at once."""
    data = copy.deepcopy(ORG)
    data["accounts"][1]["email"] = "a${x}%{if}*/b@example.com"
    data["accounts"][2]["email"] = "a$${x}'%%{y}/=?^`{|}~@example.com"
    data["organization"]["state"]["key_prefix"] = "../a/./b/.."
    data["organizational_units"][3]["name"] = "Sand box .. v2"
    data["organizational_units"][2]["children"][1]["name"] = "Non.Prod_ -x"
    data["account_settings"][1]["ous"] = ["Workloads"]
    return data, [
        data["accounts"][1]["email"],
        data["accounts"][2]["email"],
        data["organizational_units"][3]["name"],
        data["organizational_units"][2]["children"][1]["name"],
    ]


def test_accepted_payload_tree_round_trips() -> None:
    data, values = accepted_payload_tree()
    org, diagnostics = validate_document(load_text(yaml.safe_dump(data), "org.yaml"))
    assert org is not None, diagnostics
    files = render_tree(build_plan(org), "0" * 64)
    for value in values:
        assert_round_trips(files, value)
    backends = [t for p, t in files.items() if p.endswith("backend.tf")]
    assert all('key          = "../a/./b/../' in t for t in backends), backends[0]


@pytest.mark.terraform
def test_accepted_payload_tree_passes_terraform_validate(
    terraform_bin: str, tmp_path: Path
) -> None:
    data, _ = accepted_payload_tree()
    source = tmp_path / "org.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["render", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    env = terraform_env(tmp_path / "tf")
    for stack in ("organization", "accounts/app-a/us-east-1"):
        work = tmp_path / "work" / stack
        shutil.copytree(out / stack, work)
        for args in (["init", "-backend=false", "-input=false"], ["validate"]):
            proc = subprocess.run(
                [terraform_bin, *args, "-no-color"],
                cwd=work,
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            assert proc.returncode == 0, f"{stack}: terraform {args[0]}:\n{proc.stderr}"
