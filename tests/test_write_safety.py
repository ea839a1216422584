"""Write safety: a failed or interrupted render leaves the output directory as it was.

The tests run as root, where chmod does not stop a write, so read-only filesystems, permission
errors and full disks are simulated by making the file system calls of ``lzgen.write`` raise
``OSError`` at the first, a middle and the last write, and at the swap. The interrupted render
is real: ``lzgen render`` in a subprocess, killed with SIGKILL.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lzgen.cli import app
from lzgen.pipeline import load_and_validate, render_tree
from lzgen.plan import build_plan
from lzgen.write import write_tree

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "org.yaml"
LZGEN = Path(sys.executable).parent / "lzgen"
APP_STACK = "accounts/app-a/us-east-1"
ALLOW_APP = ("--allow-remove", APP_STACK)  # the renders that drop app-a remove its stack
sys.path.insert(0, str(REPO / "benchmarks"))

from synth_org import synth_org  # noqa: E402

runner = CliRunner()

FOREIGN = {
    "organization/.terraform/providers/registry/aws/terraform-provider-aws": "binary\n",
    "organization/.terraform/terraform.tfstate": '{"backend": "local"}\n',
    "organization/.terraform.lock.hcl": "# lock\n",
    "organization/terraform.tfstate": '{"serial": 7}\n',
    f"{APP_STACK}/terraform.tfstate": '{"serial": 3}\n',
    "NOTES.md": "ours\n",
}


def tree_state(root: Path) -> dict[str, str]:
    """Every file (sha256), symlink and directory under ``root``, by relative path."""
    state: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            state[rel] = "link:" + str(path.readlink())
        elif path.is_dir():
            state[rel + "/"] = "dir"
        else:
            state[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def render(source: Path, out: Path, *extra: str) -> Any:
    return runner.invoke(app, ["render", str(source), "-o", str(out), *extra])


def add_foreign(out: Path) -> None:
    for rel, text in FOREIGN.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    (out / "organization" / ".terraform" / "modules").symlink_to("../../accounts")


def without_app_a(tmp_path: Path) -> Path:
    """examples/org.yaml without account `app-a` and its VPC: a whole stack goes away."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("  - name: app-a-vpc\n")
    end = next(
        (i for i in range(start + 1, len(lines)) if not lines[i].startswith("    ")), len(lines)
    )
    kept = [
        line for line in lines[:start] + lines[end:] if not line.startswith("  - { name: app-a, ")
    ]
    path = tmp_path / "smaller.yaml"
    path.write_text("".join(kept), encoding="utf-8")
    return path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A rendered example with foreign files, including a local backend's state."""
    out = tmp_path / "out"
    assert render(EXAMPLE, out).exit_code == 0
    add_foreign(out)
    return out


# --- foreign files across a swap ------------------------------------------------------------


def test_foreign_files_survive_a_swap_as_the_same_inodes(out: Path, tmp_path: Path) -> None:
    state = out / "organization" / "terraform.tfstate"
    inode = state.stat().st_ino
    (out / "organization" / ".terraform").chmod(0o750)
    result = render(without_app_a(tmp_path), out, *ALLOW_APP)
    assert result.exit_code == 0, result.output
    assert not (out / APP_STACK / "account.tf").exists()
    for rel, text in FOREIGN.items():
        assert (out / rel).read_text(encoding="utf-8") == text
    assert state.stat().st_ino == inode
    assert (out / "organization" / ".terraform" / "modules").readlink() == Path("../../accounts")
    assert (out / "organization" / ".terraform").stat().st_mode & 0o777 == 0o750
    assert leftovers(out) == []


def test_a_changed_render_is_the_same_tree_as_a_fresh_one(out: Path, tmp_path: Path) -> None:
    assert render(without_app_a(tmp_path), out, *ALLOW_APP).exit_code == 0
    assert render(EXAMPLE, out).exit_code == 0
    fresh = tmp_path / "fresh"
    assert render(EXAMPLE, fresh).exit_code == 0
    add_foreign(fresh)
    assert tree_state(out) == tree_state(fresh)


def test_a_symlinked_output_dir_keeps_its_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    assert render(without_app_a(tmp_path), real).exit_code == 0
    link = tmp_path / "link"
    link.symlink_to(real)
    assert render(EXAMPLE, link).exit_code == 0
    assert link.is_symlink()
    assert (real / APP_STACK / "account.tf").is_file()
    assert leftovers(real) == []


# --- failures at every step leave the directory as it was ----------------------------------


def fail_at(monkeypatch: pytest.MonkeyPatch, target: Any, name: str, code: int, when: int) -> None:
    """Make ``target.name`` raise OSError(code) on its ``when``-th qualifying call (1-based;
    -1 = every call). For ``Path.open`` only opens for writing count."""
    original = getattr(target, name)
    calls = [0]

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        mode = args[1] if len(args) > 1 else kwargs.get("mode", "r")
        if name != "open" or "w" in str(mode):
            calls[0] += 1
            if when in (-1, calls[0]):
                path = args[0] if args else None
                raise OSError(code, os.strerror(code), str(path))
        return original(*args, **kwargs)

    monkeypatch.setattr(target, name, wrapper)


def writes_needed(source: Path, out: Path) -> int:
    """How many files a render of ``source`` into ``out`` writes (from --dry-run)."""
    summary = render(source, out, "--dry-run").stdout.splitlines()[-1]
    created, updated = int(summary.split()[0]), int(summary.split()[2])
    return created + updated


CAUSES = {
    errno.EROFS: "read-only",
    errno.EACCES: "not writable",
    errno.ENOSPC: "disk is full",
}


def assert_refused(out: Path, before: dict[str, str], result: Any, cause: str) -> None:
    assert result.exit_code == 1, result.output
    assert f"lzgen: error: cannot write {out}" in result.stderr
    assert cause in result.stderr
    assert "hint: " in result.stderr
    assert tree_state(out) == before
    assert leftovers(out) == []


@pytest.mark.parametrize("code", list(CAUSES), ids=[errno.errorcode[c] for c in CAUSES])
@pytest.mark.parametrize("which", ["first", "middle", "last"])
def test_a_failing_file_write_changes_nothing(
    out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, which: str
) -> None:
    smaller = without_app_a(tmp_path)
    # so the example creates a whole stack again
    assert render(smaller, out, *ALLOW_APP).exit_code == 0
    before = tree_state(out)
    total = writes_needed(EXAMPLE, out)
    assert total > 3
    fail_at(
        monkeypatch, Path, "open", code, {"first": 1, "middle": total // 2, "last": total}[which]
    )
    assert_refused(out, before, render(EXAMPLE, out), CAUSES[code])
    monkeypatch.undo()
    assert render(EXAMPLE, out).exit_code == 0
    assert (out / APP_STACK / "account.tf").is_file()
    assert (out / "organization" / "terraform.tfstate").read_text(encoding="utf-8") == (
        '{"serial": 7}\n'
    )


@pytest.mark.parametrize(
    "fault",
    [
        pytest.param((os, "fsync", errno.ENOSPC, 2), id="fsync-enospc"),
        pytest.param((os, "link", errno.ENOSPC, 5), id="link-enospc"),
        pytest.param((os, "link", errno.EPERM, -1), id="link-eperm-falls-back-to-copy"),
        pytest.param((Path, "mkdir", errno.EROFS, 1), id="read-only-parent"),
        pytest.param((Path, "mkdir", errno.ENOSPC, 3), id="mkdir-enospc"),
        pytest.param((Path, "rename", errno.EACCES, 1), id="swap-old-aside"),
        pytest.param((Path, "rename", errno.EROFS, 2), id="swap-new-in"),
        pytest.param((Path, "chmod", errno.EPERM, 1), id="chmod"),
    ],
)
def test_a_failure_anywhere_changes_nothing(
    out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: tuple[Any, str, int, int]
) -> None:
    target, name, code, when = fault
    smaller = without_app_a(tmp_path)
    before = tree_state(out)
    fail_at(monkeypatch, target, name, code, when)
    result = render(smaller, out, *ALLOW_APP)
    if name == "link" and code == errno.EPERM:  # a filesystem without hard links: copies
        assert result.exit_code == 0, result.output
        assert not (out / APP_STACK / "account.tf").exists()
        for rel, text in FOREIGN.items():
            if not rel.startswith(APP_STACK):
                assert (out / rel).read_text(encoding="utf-8") == text
        assert leftovers(out) == []
        return
    assert_refused(out, before, result, CAUSES.get(code, os.strerror(code)))


def test_a_read_only_directory_is_refused(
    out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree_state(out)
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: Path(p) != out / APP_STACK and real_access(p, mode)
    )
    result = render(without_app_a(tmp_path), out, *ALLOW_APP)
    assert result.exit_code == 1
    assert f"{out / APP_STACK} is read-only or not writable" in result.stderr
    assert tree_state(out) == before
    assert leftovers(out) == []


def test_a_failed_swap_and_rollback_is_recovered_by_the_next_render(
    out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree_state(out)
    real_rename = Path.rename
    calls = [0]

    def rename(self: Path, target: Any) -> Any:
        calls[0] += 1
        if calls[0] >= 2:  # new -> out fails, and so does old -> out
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(self))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    result = render(without_app_a(tmp_path), out, *ALLOW_APP)
    assert result.exit_code == 1
    assert "the previous tree is in" in result.stderr
    assert not out.exists()
    assert [n.split("-")[-2] for n in leftovers(out)] == ["old"]
    monkeypatch.undo()
    assert render(EXAMPLE, out).exit_code == 0
    assert tree_state(out) == before
    assert leftovers(out) == []


# --- recovery -------------------------------------------------------------------------------


def test_a_kill_between_the_renames_is_restored(out: Path) -> None:
    before = tree_state(out)
    out.rename(out.parent / ".out.lzgen-old-999999")
    (out.parent / ".out.lzgen-new-999999" / "organization").mkdir(parents=True)
    (out.parent / ".out.lzgen-staging-999999").mkdir()
    result = render(EXAMPLE, out)
    assert result.exit_code == 0, result.output
    assert "nothing to write" in result.stdout
    assert tree_state(out) == before
    assert leftovers(out) == []


def test_a_kill_after_the_swap_removes_the_old_tree(out: Path) -> None:
    before = tree_state(out)
    shutil.copytree(out, out.parent / ".out.lzgen-old-999999", symlinks=True)
    assert render(EXAMPLE, out).exit_code == 0
    assert tree_state(out) == before
    assert leftovers(out) == []


def test_a_concurrent_render_is_refused(out: Path, tmp_path: Path) -> None:
    before = tree_state(out)
    fd = os.open(out.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        result = render(without_app_a(tmp_path), out, *ALLOW_APP)
    finally:
        os.close(fd)
    assert result.exit_code == 1
    assert f"another lzgen render is writing in {out.parent}" in result.stderr
    assert tree_state(out) == before
    assert render(without_app_a(tmp_path), out, *ALLOW_APP).exit_code == 0


def test_dry_run_does_not_recover(out: Path) -> None:
    (out.parent / ".out.lzgen-new-999999").mkdir()
    assert render(EXAMPLE, out, "--dry-run").exit_code == 0
    assert leftovers(out) == [".out.lzgen-new-999999"]


# --- a real kill during a real render -------------------------------------------------------

DEADLINE = 30.0  # seconds any one wait may take before the test fails instead of hanging


@pytest.fixture(scope="module")
def synth(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """An old tree (280 accounts, other CIDRs, foreign files), the files a 300-account render
    writes, and the tree it turns the old one into."""
    base = tmp_path_factory.mktemp("synth")
    old_yaml, new_yaml = base / "old.yaml", base / "new.yaml"
    old_yaml.write_text(synth_org(280, seed_cidr_base="10.128.0.0/9"), encoding="utf-8")
    new_yaml.write_text(synth_org(300), encoding="utf-8")
    org, _ = load_and_validate(new_yaml)
    assert org is not None
    files = render_tree(build_plan(org), hashlib.sha256(new_yaml.read_bytes()).hexdigest())
    old, ref = base / "old", base / "ref"
    assert render(old_yaml, old).exit_code == 0
    write_tree(files, ref)
    for tree in (old, ref):
        for rel, text in FOREIGN.items():
            if not rel.startswith("accounts/"):
                (tree / rel).parent.mkdir(parents=True, exist_ok=True)
                (tree / rel).write_text(text, encoding="utf-8")
    old_state, new_state = tree_state(old), tree_state(ref)
    assert old_state != new_state
    return {
        "old": old,
        "new_yaml": new_yaml,
        "files": files,
        "old_state": old_state,
        "new_state": new_state,
    }


def wait_for(parent: Path, kind: str, proc: subprocess.Popen[bytes]) -> bool:
    """Poll (1 ms) until a ``-{kind}-`` sibling appears; False if the render ended first."""
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        if any(f".lzgen-{kind}-" in p.name for p in parent.iterdir()):
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.001)
    proc.kill()
    pytest.fail(f"no -{kind}- directory within {DEADLINE} s")


KILLS = [
    ("new", 0.0),  # as soon as the new tree is started
    ("new", 0.2),  # while it is being built
    ("old", 0.0),  # in the swap, if the poll catches it
    ("start", random.Random(4).uniform(1.0, 2.0)),  # noqa: S311 - a fixed, not secret, delay
]


def test_a_killed_render_leaves_the_old_or_the_new_tree_never_a_mix(
    synth: dict[str, Any], tmp_path: Path
) -> None:
    seen: list[str] = []
    for i, (kind, delay) in enumerate(KILLS):
        out = tmp_path / f"out{i}"
        shutil.copytree(synth["old"], out, symlinks=True)
        proc = subprocess.Popen(
            [str(LZGEN), "render", str(synth["new_yaml"]), "-o", str(out)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if kind == "start" or wait_for(tmp_path, kind, proc):
            time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=DEADLINE)
        if out.exists():
            state = tree_state(out)
            assert state in (synth["old_state"], synth["new_state"]), f"mixed tree after {kind}"
            seen.append("old" if state == synth["old_state"] else "new")
        else:  # killed between the two renames: the old tree waits beside it, whole
            (aside,) = [p for p in tmp_path.iterdir() if p.name.startswith(f".{out.name}.")]
            assert ".lzgen-old-" in aside.name
            assert tree_state(aside) == synth["old_state"]
            seen.append("aside")
        if i == len(KILLS) - 1:  # the whole command once; the write alone (the same) else
            result = render(synth["new_yaml"], out)
            assert result.exit_code == 0, result.output
        else:
            write_tree(synth["files"], out)
        assert tree_state(out) == synth["new_state"]
        assert leftovers(out) == []
    print("kill outcomes:", seen)
    assert "old" in seen, seen  # at least one kill landed before the swap
