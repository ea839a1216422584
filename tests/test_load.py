"""Load: hostile or malformed YAML becomes one coded, located diagnostic."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from helpers import diagnostics, org
from lzgen import load
from lzgen.load import LoadError, load_file, load_text


def load_error(text: str) -> tuple[str, int, int]:
    with pytest.raises(LoadError) as caught:
        load_text(text, "org.yaml")
    d = caught.value.diagnostic
    assert d.file == "org.yaml"
    return (d.code, d.line, d.column)


def test_duplicate_key_points_at_the_second_key_and_names_the_first() -> None:
    text = textwrap.dedent("""\
        version: 1
        organization:
          name: example-corp
          home_region: us-east-1
          name: other
        """)
    with pytest.raises(LoadError) as caught:
        load_text(text, "org.yaml")
    d = caught.value.diagnostic
    assert (d.code, d.line, d.column) == ("LZ1002", 5, 3)
    assert "'name'" in d.message
    assert "line 3, column 3" in d.hint


def test_duplicate_key_in_a_flow_mapping() -> None:
    text = "accounts:\n  - { name: a, ou: X, name: b }\n"
    assert load_error(text) == ("LZ1002", 2, 23)


def test_duplicate_key_in_a_full_org_is_the_only_diagnostic() -> None:
    text = org("""\
        vpcs:
          - name: v
            account: network
            account: app-a
        """)
    assert [(d.code, d.line, d.column) for d in diagnostics(text)] == [("LZ1002", 4, 5)]


def test_same_key_in_sibling_mappings_is_not_a_duplicate() -> None:
    doc = load_text("a: {x: 1}\nb: {x: 2}\n")
    assert doc.data == {"a": {"x": 1}, "b": {"x": 2}}


def test_alias_bomb_is_refused() -> None:
    lines = ['l0: &l0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 10)]
    code, _, _ = load_error("\n".join(lines) + "\n")
    assert code == "LZ1003"


def test_a_few_aliases_are_fine() -> None:
    doc = load_text("a: &a [1, 2]\nb: *a\nc: *a\n")
    assert doc.data == {"a": [1, 2], "b": [1, 2], "c": [1, 2]}


def test_unknown_alias_is_a_syntax_error() -> None:
    assert load_error("a: 1\nb: *nope\n") == ("LZ1001", 2, 4)


def test_python_object_tag_is_refused() -> None:
    text = "version: 1\nx: !!python/object:os.system {}\n"
    with pytest.raises(LoadError) as caught:
        load_text(text, "org.yaml")
    d = caught.value.diagnostic
    assert (d.code, d.line, d.column) == ("LZ1005", 2, 4)
    assert "python/object" in d.message


@pytest.mark.parametrize(
    "text",
    [
        "x: !!binary aGVsbG8=\n",
        "x: !custom 1\n",
        "x: !!python/name:os.system ''\n",
        "x: !!set {a: null}\n",
    ],
)
def test_other_non_standard_tags_are_refused(text: str) -> None:
    assert load_error(text) == ("LZ1005", 1, 4)


def test_standard_str_tag_is_allowed() -> None:
    assert load_text("id: !!str 123\n").data == {"id": "123"}


def test_deep_nesting_is_refused() -> None:
    text = "x: " + "[" * 200 + "]" * 200 + "\n"
    code, line, _ = load_error(text)
    assert (code, line) == ("LZ1006", 1)


def test_deep_block_nesting_is_refused() -> None:
    text = "".join(f"{'  ' * i}k{i}:\n" for i in range(200)) + f"{'  ' * 200}leaf: 1\n"
    code, _, _ = load_error(text)
    assert code == "LZ1006"


def test_multiple_documents_are_refused_at_the_second() -> None:
    assert load_error("a: 1\n---\nb: 2\n") == ("LZ1001", 2, 1)


def test_empty_file() -> None:
    assert load_error("") == ("LZ1010", 1, 1)


def test_file_with_only_comments_is_empty() -> None:
    code, _, _ = load_error("# nothing here\n")
    assert code == "LZ1010"


def test_syntax_error_has_the_right_line() -> None:
    text = textwrap.dedent("""\
        version: 1
        organization:
          name: a: b
        """)
    with pytest.raises(LoadError) as caught:
        load_text(text, "org.yaml")
    d = caught.value.diagnostic
    assert (d.code, d.line, d.column) == ("LZ1001", 3, 10)
    assert d.message.startswith("YAML syntax error")


def test_unclosed_flow_sequence_is_a_syntax_error() -> None:
    code, line, _ = load_error("a: 1\nb: [1, 2\nc: 3\n")
    assert (code, line) == ("LZ1001", 3)


def test_nul_byte_is_refused_with_its_line() -> None:
    assert load_error("a: 1\nb: \x00\n") == ("LZ1001", 2, 1)


def test_bad_scalar_is_a_load_error_not_a_crash() -> None:
    code, line, _ = load_error("a: 1\nb: !!int xyz\n")
    assert (code, line) == ("LZ1001", 2)


def test_complex_key_is_refused() -> None:
    code, line, _ = load_error("a: 1\n? [x]\n: 2\n")
    assert (code, line) == ("LZ1001", 2)


def test_merge_keys_work_and_explicit_keys_win() -> None:
    text = textwrap.dedent("""\
        defaults: &d { x: 1, y: 2 }
        m:
          <<: *d
          y: 3
        n:
          <<: [*d, { z: 4 }]
        """)
    assert load_text(text).data == {
        "defaults": {"x": 1, "y": 2},
        "m": {"x": 1, "y": 3},
        "n": {"x": 1, "y": 2, "z": 4},
    }


def test_merge_of_a_scalar_is_refused() -> None:
    code, line, _ = load_error("a: &a 1\nm:\n  <<: *a\n")
    assert (code, line) == ("LZ1001", 3)


def test_merge_keys_in_an_org_file_validate() -> None:
    text = org("""\
        vpcs:
          - &vpc
            name: one
            account: network
            region: us-east-1
            cidr: 10.0.0.0/16
            azs: [a, b]
            subnets:
              - { name: public, type: public, size: 24 }
          - <<: *vpc
            name: two
            cidr: 10.1.0.0/16
        """)
    assert diagnostics(text) == []


def test_positions_of_keys_and_values() -> None:
    doc = load_text("a:\n  bb: [x, y]\n")
    assert doc.key_pos[("a", "bb")] == (2, 3)
    assert doc.value_pos[("a", "bb")] == (2, 7)
    assert doc.value_pos[("a", "bb", 1)] == (2, 11)
    assert doc.locate(("a", "bb", "missing")) == (2, 7)


def test_quoted_numbers_stay_strings() -> None:
    assert load_text('id: "012345678901"\n').data == {"id": "012345678901"}


def test_text_over_the_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 64)
    assert load_error("a: " + "x" * 100 + "\n") == ("LZ1004", 1, 1)


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 1024)
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 2000 + "\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_file(path)
    d = caught.value.diagnostic
    assert (d.code, d.line, d.column, d.file) == ("LZ1004", 1, 1, str(path))


def test_file_at_the_size_limit_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "a: " + "x" * 20 + "\n"
    monkeypatch.setattr(load, "MAX_FILE_BYTES", len(text))
    path = tmp_path / "ok.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_file(path).data == {"a": "x" * 20}


def test_invalid_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"version: 1\nname: caf\xe9\n")
    with pytest.raises(LoadError) as caught:
        load_file(path, "bad.yaml")
    d = caught.value.diagnostic
    assert (d.code, d.line, d.column, d.file) == ("LZ1001", 2, 1, "bad.yaml")
    assert "UTF-8" in d.message


def test_nul_byte_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "nul.yaml"
    path.write_bytes(b"a: 1\n\nb: \x00\n")
    with pytest.raises(LoadError) as caught:
        load_file(path)
    d = caught.value.diagnostic
    assert (d.code, d.line, d.column) == ("LZ1001", 3, 1)


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        load_file(tmp_path / "missing.yaml")
    assert caught.value.diagnostic.code == "LZ1000"
