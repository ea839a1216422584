"""The files an org file names (a CloudHSM trust anchor certificate): read at load, relative to
the org file's folder and only inside it, so the later stages stay pure."""

from __future__ import annotations

from pathlib import Path

from lzgen.load import MAX_ATTACHMENT_BYTES, load_attachments, load_file, load_text


def _doc(tmp_path: Path) -> Path:
    path = tmp_path / "org" / "org.yaml"
    path.parent.mkdir()
    path.write_text("version: 1\n")
    return path


def test_files_inside_the_org_files_folder_are_read_by_the_path_as_written(
    tmp_path: Path,
) -> None:
    path = _doc(tmp_path)
    (path.parent / "certs").mkdir()
    (path.parent / "certs" / "ca.crt").write_text("PEM\n")
    doc = load_file(path)
    assert load_attachments(doc, ["certs/ca.crt", "./certs/ca.crt"]) == {
        "certs/ca.crt": "PEM\n",
        "./certs/ca.crt": "PEM\n",
    }


def test_outside_absolute_missing_large_binary_and_folders_are_left_out(tmp_path: Path) -> None:
    path = _doc(tmp_path)
    (tmp_path / "secret.txt").write_text("outside\n")
    (path.parent / "big.crt").write_text("x" * (MAX_ATTACHMENT_BYTES + 1))
    (path.parent / "binary.crt").write_bytes(b"\xff\xfe\x00")
    (path.parent / "folder").mkdir()
    doc = load_file(path)
    written = [
        "../secret.txt",
        str(tmp_path / "secret.txt"),
        "missing.crt",
        "big.crt",
        "binary.crt",
        "folder",
    ]
    assert load_attachments(doc, written) == {}


def test_text_has_no_folder_and_reads_nothing() -> None:
    assert load_attachments(load_text("version: 1\n"), ["ca.crt"]) == {}
