"""Hostile YAML through the CLI: refused with one coded, located diagnostic, exit 1, nothing
written, no traceback; or, for input that is legitimately valid (CRLF line endings, a BOM),
validated exactly like the plain LF version.

Load-level checks of the same attacks at small scale live in test_load.py and the expected-error
table (tests/errors/); these run them at full scale and end to end. No timing asserts: the
bounds (file size, depth, alias expansion) are what keeps them fast.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import CASES_DIR, EXAMPLES_DIR
from helpers import diagnose, org
from lzgen import load
from lzgen.cli import app
from lzgen.load import LoadError, load_file

runner = CliRunner()
ERRORS = Path(__file__).resolve().parent / "errors"


def refused(tmp_path: Path, content: str | bytes) -> dict[str, Any]:
    """``validate -f json`` and ``render`` of ``content``: both exit 1, render writes nothing.
    Returns the first diagnostic."""
    source = tmp_path / "org.yaml"
    if isinstance(content, str):
        source.write_text(content, encoding="utf-8", newline="")
    else:
        source.write_bytes(content)
    result = runner.invoke(app, ["validate", str(source), "-f", "json"], catch_exceptions=False)
    assert result.exit_code == 1, result.output[:2000]
    diagnostics = json.loads(result.stdout)["diagnostics"]
    assert diagnostics, result.output
    first: dict[str, Any] = diagnostics[0]
    assert first["severity"] == "error"
    assert first["line"] >= 1
    assert first["column"] >= 1
    assert len(result.stdout) < 100_000, "diagnostics must not grow with the hostile input"
    out = tmp_path / "out"
    result = runner.invoke(app, ["render", str(source), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 1, result.output[:2000]
    assert "Traceback" not in result.output
    assert not out.exists()
    return first


def where(d: dict[str, Any]) -> tuple[str, int, int]:
    return (d["code"], d["line"], d["column"])


# --- alias bombs and aliases of huge values -------------------------------------------------


def test_billion_laughs(tmp_path: Path) -> None:
    """Ten levels of ten aliases: 10**10 nodes if expanded."""
    lines = ['version: 1\na: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    prev = "a"
    for name in "bcdefghij":
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
        prev = name
    text = "\n".join(lines) + "\n"
    d = refused(tmp_path, text)
    assert d["code"] == "LZ1003"
    assert d["line"] in range(2, 12)


def test_wide_alias_fan_out(tmp_path: Path) -> None:
    """One anchored list of 1,000 items aliased 1,000 times: a million nodes, flat."""
    text = "version: 1\nx: &x [" + ", ".join(["1"] * 1000) + "]\n"
    text += "y: [" + ", ".join(["*x"] * 1000) + "]\n"
    assert where(refused(tmp_path, text))[:2] == ("LZ1003", 3)


def test_alias_of_a_huge_scalar_does_not_multiply_the_diagnostics(tmp_path: Path) -> None:
    """A 1 MB email anchored once and aliased by 200 accounts: every account is wrong, and
    the report quotes each value only in part."""
    big = "x" * (1024 * 1024)
    accounts = f"accounts:\n  - {{ name: a0, email: &big {big}@example.com, ou: Workloads }}\n"
    accounts += "".join(
        f"  - {{ name: a{i}, email: *big, ou: Workloads }}\n" for i in range(1, 200)
    )
    source = tmp_path / "org.yaml"
    source.write_text(org(accounts), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(source), "-f", "json"], catch_exceptions=False)
    assert result.exit_code == 1
    diagnostics = json.loads(result.stdout)["diagnostics"]
    assert {d["code"] for d in diagnostics} >= {"LZ2009"}
    assert len([d for d in diagnostics if d["code"] == "LZ2009"]) == 200
    assert len(result.stdout) < 2_000_000, "each diagnostic must quote the value only in part"
    assert all(len(d["message"]) <= load.MAX_MESSAGE_CHARS for d in diagnostics)


def test_anchor_on_a_huge_key_value_pair_under_an_unknown_key(tmp_path: Path) -> None:
    big = "y" * (4 * 1024 * 1024)
    text = org(f"huge: &h {big}\nalso: *h\n")
    d = refused(tmp_path, text)
    assert where(d) == ("LZ1010", 1, 1)
    assert len(d["message"]) < 200


# --- size -----------------------------------------------------------------------------------


def test_a_50_mb_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as f:
        f.write(b"version: 1\nx: ")
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB on stat, nothing on disk
    assert path.stat().st_size == 50 * 1024 * 1024

    def no_reading(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("load_file read a file over the size limit")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    monkeypatch.setattr(Path, "read_text", no_reading)
    with pytest.raises(LoadError) as caught:
        load_file(path, "big.yaml")
    d = caught.value.diagnostic
    assert (d.code, d.line, d.column, d.file) == ("LZ1004", 1, 1, "big.yaml")
    assert "50 MB" in d.message
    result = runner.invoke(app, ["validate", str(path)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "LZ1004" in result.output


def test_a_50_mb_file_through_render(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as f:
        f.write(b"version: 1\nx: ")
        f.truncate(50 * 1024 * 1024)
    out = tmp_path / "out"
    result = runner.invoke(app, ["render", str(path), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "LZ1004" in result.output
    assert not out.exists()


# --- depth ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line"),
    [
        pytest.param("version: 1\nx: " + "[" * 10_000 + "]" * 10_000 + "\n", 2, id="flow-seq"),
        pytest.param(
            "version: 1\nx: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n", 2, id="flow-map"
        ),
        pytest.param("version: 1\nx:\n" + "- " * 10_000 + "1\n", 3, id="block-seq"),
        pytest.param(
            "version: 1\nx:\n" + "".join(f"{' ' * i}k:\n" for i in range(1, 200)) + "  " * 10_000,
            None,
            id="block-map",
        ),
        pytest.param("version: 1\nx: " + "[{a: " * 5_000 + "}]" * 5_000 + "\n", 2, id="mixed"),
    ],
)
def test_10000_deep_nesting_is_refused(tmp_path: Path, text: str, line: int | None) -> None:
    d = refused(tmp_path, text)
    assert d["code"] == "LZ1006"
    if line is not None:
        assert d["line"] == line


def test_10000_deep_unclosed_nesting_is_refused(tmp_path: Path) -> None:
    """Truncated: the bound hits before the parser could notice the missing brackets."""
    assert refused(tmp_path, "version: 1\nx: " + "[" * 10_000)["code"] == "LZ1006"


# --- keys and tags --------------------------------------------------------------------------


def test_duplicate_top_level_key(tmp_path: Path) -> None:
    text = org("version: 1\nversion: 1\n")
    assert where(refused(tmp_path, text)) == ("LZ1002", 2, 1)


def test_duplicate_key_through_a_merge_is_not_a_duplicate_but_explicit_keys_are(
    tmp_path: Path,
) -> None:
    text = org("x: &x {a: 1}\ny: {<<: *x, b: 1, b: 2}\n")
    assert where(refused(tmp_path, text)) == ("LZ1002", 2, 19)


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.mkdir [{marker}]",
        "!!python/object/new:os.mkdir [{marker}]",
        "!!python/object:os.mkdir {{path: {marker}}}",
        "!!python/name:os.mkdir ''",
        "!!python/module:os ''",
        "!!binary aGVsbG8=",
        "!!timestamp 2001-12-14",
        "!<tag:yaml.org,2002:python/object/apply:os.mkdir> [{marker}]",
        "!!omap [a: 1]",
    ],
)
def test_dangerous_tags_are_refused_and_never_run(tmp_path: Path, tagged: str) -> None:
    marker = tmp_path / "pwned"
    value = tagged.format(marker=json.dumps(str(marker)))
    text = org(f"organization: {value}\n")
    assert where(refused(tmp_path, text)) == ("LZ1005", 1, 15)
    assert not marker.exists()


def test_tag_on_a_key_is_refused(tmp_path: Path) -> None:
    text = org("!!python/name:os.system version: 1\n", omit=("version",))
    assert where(refused(tmp_path, text))[:2] == ("LZ1005", 1)


# --- documents that are not a mapping -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["- a\n- b\n", "[1, 2]\n", "just a string\n", "42\n", "~\n", "null\n", "'quoted'\n"],
)
def test_a_file_that_is_not_a_mapping(tmp_path: Path, text: str) -> None:
    d = refused(tmp_path, text)
    assert where(d)[0] in ("LZ1012", "LZ1010")
    assert (d["line"], d["column"]) == (1, 1)


# --- legitimate encodings: CRLF and BOM validate like LF ------------------------------------


def _sources() -> list[Path]:
    return [
        *sorted(EXAMPLES_DIR.glob("*.yaml")),
        *sorted(CASES_DIR.glob("*/org.yaml")),
        *sorted(p for p in ERRORS.glob("*.yaml") if p.stem not in ("invalid_utf8", "empty")),
    ]


def _diagnosed(tmp_path: Path, name: str, content: bytes) -> tuple[int, list[Any]]:
    path = tmp_path / name
    path.write_bytes(content)
    result = runner.invoke(app, ["validate", str(path), "-f", "json"], catch_exceptions=False)
    diagnostics = json.loads(result.stdout)["diagnostics"]
    return result.exit_code, [
        (d["code"], d["line"], d["column"], d["path"], d["message"]) for d in diagnostics
    ]


@pytest.mark.parametrize("source", _sources(), ids=lambda p: p.parent.name + "/" + p.stem)
@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda b: b.replace(b"\n", b"\r\n"), id="crlf"),
        pytest.param(lambda b: b"\xef\xbb\xbf" + b, id="bom"),
        pytest.param(lambda b: b"\xef\xbb\xbf" + b.replace(b"\n", b"\r\n"), id="bom-crlf"),
    ],
)
def test_crlf_and_bom_validate_like_lf(tmp_path: Path, source: Path, variant: Any) -> None:
    raw = source.read_bytes()
    assert b"\r" not in raw
    # the file name is part of each diagnostic: the same name in another directory, v; the
    # files an example names (a trust anchor certificate) sit beside it in both
    (tmp_path / "v").mkdir()
    for folder in (tmp_path, tmp_path / "v"):
        if (source.parent / "certs").is_dir():
            shutil.copytree(source.parent / "certs", folder / "certs")
    expected = _diagnosed(tmp_path, "org.yaml", raw)
    got = _diagnosed(tmp_path / "v", "org.yaml", variant(raw))
    assert got == expected


def test_crlf_and_bom_render_like_lf(tmp_path: Path) -> None:
    raw = (EXAMPLES_DIR / "org.yaml").read_bytes()
    trees = {}
    for name, content in (
        ("lf", raw),
        ("crlf-bom", b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n")),
    ):
        source = tmp_path / f"{name}.yaml"
        source.write_bytes(content)
        out = tmp_path / name
        result = runner.invoke(app, ["render", str(source), "-o", str(out)])
        assert result.exit_code == 0, result.output
        trees[name] = {
            p.relative_to(out).as_posix(): p.read_bytes()
            for p in out.rglob("*")
            if p.is_file() and p.name != "lzgen.manifest.json"  # holds the input's sha256
        }
    assert trees["lf"] == trees["crlf-bom"]


def test_a_lone_cr_line_ending_file_is_located(tmp_path: Path) -> None:
    """Old Mac line endings: libyaml reads them as line breaks too."""
    text = org("vpcs: 1\n").replace("\n", "\r")
    assert diagnose(text.replace("\r", "\n"))[0][:2] == ("LZ1012", 1)
    assert where(refused(tmp_path, text))[:2] == ("LZ1012", 1)
