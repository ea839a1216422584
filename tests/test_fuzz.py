"""Fuzzing: mutated examples never crash lzgen.

For every generated org file the real pipeline (load -> shape and rules -> plan -> render) runs
without an exception; a file it refuses gets at least one error diagnostic with an LZ code and a
1-based line and column; a file it accepts renders to paths that stay inside the output
directory. A subset also goes through the CLI (typer's CliRunner, exceptions not caught), which
must exit 0 or 1.

``LZGEN_FUZZ_CASES`` sets the number of cases (default 200, the short CI run); ``nox -s fuzz``
runs 10,000. Runs are derandomized: CI sees the same cases every time.
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import HealthCheck, given, settings
from typer.testing import CliRunner

from fuzz.strategies import PATHS, SOURCES, org_texts
from lzgen.cli import app
from lzgen.diagnostics import Diagnostic
from lzgen.load import LoadError, load_text
from lzgen.pipeline import build_plan, check_document, render_tree, validate_document

CASES = int(os.environ.get("LZGEN_FUZZ_CASES", "200"))
CLI_CASES = max(10, CASES // 20)
CODE = re.compile(r"^LZ\d{4}$")
LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")

FUZZ_SETTINGS = settings(
    max_examples=CASES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        HealthCheck.large_base_example,
        HealthCheck.function_scoped_fixture,
    ],
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def assert_located(diagnostics: list[Diagnostic], text: str) -> None:
    # YAML 1.1 (libyaml) also breaks lines at CR, NEL, LS and PS
    lines = len(LINE_BREAK.findall(text)) + 2
    for d in diagnostics:
        assert CODE.match(d.code), d
        assert 1 <= d.line <= lines, d
        assert d.column >= 1, d
        assert d.file == "org.yaml", d
        for related in d.related:
            assert related.line >= 1, d
            assert related.column >= 1, d


def assert_inside(path: str) -> None:
    """A rendered path is relative, normalized and below the output directory."""
    rel = PurePosixPath(path)
    assert not rel.is_absolute(), path
    assert posixpath.normpath(path) == path, path
    assert all(part not in ("", ".", "..") for part in rel.parts), path
    assert "\\" not in path, path
    assert "\x00" not in path, path


def run_pipeline(text: str, base: Path = EXAMPLES) -> bool:
    """The pipeline on ``text`` as if read from folder ``base`` (the files an example names,
    a trust anchor or a blueprint folder, sit beside it); True when it rendered. Any exception
    fails the test."""
    refused: Diagnostic | None = None
    try:
        doc = load_text(text, "org.yaml")
        doc.base = base
    except LoadError as exc:
        refused = exc.diagnostic
    if refused is not None:
        assert refused.is_error
        assert_located([refused], text)
        return False
    checked = check_document(doc)
    assert_located(checked.diagnostics, text)
    if checked.plan is None:
        assert any(d.is_error for d in checked.diagnostics), "refused without an error diagnostic"
        return False
    assert not any(d.is_error for d in checked.diagnostics)
    files = render_tree(checked.plan, "0" * 64)
    assert files
    for path in files:
        assert_inside(path)
    return True


@FUZZ_SETTINGS
@given(text=org_texts())
def test_pipeline_never_raises(text: str) -> None:
    run_pipeline(text)


@settings(FUZZ_SETTINGS, max_examples=CLI_CASES)
@given(text=org_texts())
def test_cli_exits_0_or_1(text: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    root = tmp_path_factory.mktemp("fuzz")
    source = root / "org.yaml"
    source.write_text(text, encoding="utf-8")
    runner = CliRunner()
    for args in (["validate", str(source)], ["render", str(source), "-o", str(root / "out")]):
        result = runner.invoke(app, args, catch_exceptions=False)
        assert result.exit_code in (0, 1), (args, result.output)
        assert "Traceback" not in result.output
    written = (
        [p for p in (root / "out").rglob("*") if p.is_file()] if (root / "out").exists() else []
    )
    if result.exit_code == 1:
        assert written == [], "render wrote files for an invalid org file"
    for path in written:
        assert_inside(path.relative_to(root / "out").as_posix())


def test_the_examples_render_unchanged() -> None:
    """The seeds themselves are valid: mutations start from working files."""
    for name, text in SOURCES.items():
        assert run_pipeline(text, PATHS[name].parent), name


# Cases the fuzzer found, kept as plain tests.


def test_created_account_named_management_renders() -> None:
    """A created account named ``management`` used to make the organization stack depend on
    itself (its provider account is called ``management``): a dependency-cycle crash."""
    text = SOURCES["baseline-in-management"].replace(', id: "123456789012" }', " }")
    assert "{ name: management, email: root@solo.example, ou: Sandbox }" in text
    assert run_pipeline(text)


def test_a_created_account_named_management_is_a_member_account() -> None:
    """Its stacks assume the access role in that account, like any created account's."""
    text = SOURCES["baseline-in-management"].replace(', id: "123456789012" }', " }")
    org, diagnostics = validate_document(load_text(text))
    assert org is not None, diagnostics
    files = render_tree(build_plan(org), "0" * 64)
    providers = [
        p for p in files if p.startswith("accounts/management/") and p.endswith("providers.tf")
    ]
    assert providers
    for path in providers:
        assert 'role_arn     = "arn:aws:iam::${local.account_id}:role/' in files[path], path
    assert "assume_role" not in files["organization/providers.tf"]
