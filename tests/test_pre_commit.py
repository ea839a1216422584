"""The hooks of ``.pre-commit-hooks.yaml``, run by pre-commit itself in a scratch repository of a
user's kind: an org file and the tree rendered from it, committed.

pre-commit installs a hook from a git commit, so the working tree of this repository (tracked
and new files, as they are now) is first copied into a scratch repository and committed there
(``hook_repo``). That is what ``pre-commit try-repo`` does with uncommitted changes, except that
try-repo leaves out files git does not track yet, and this repository's own history is never
touched. Installing the hook environment is a ``pip install`` of that commit from the package
index pip is configured with; it happens once per run (``hooks_home``; pytest-xdist's workers
share it), in a ``PRE_COMMIT_HOME`` inside pytest's temp dir. ``pre-commit try-repo`` always
installs into a store of its own, so its one test installs a second time.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from pre_commit.clientlib import load_config, load_manifest

from conftest import EXAMPLES_DIR, REPO, render_example

HOOKS_FILE = REPO / ".pre-commit-hooks.yaml"
ORG = "landing-zone/org.yaml"  # the user's org file and tree, in a folder as users keep them
OUT = "landing-zone/out"
EDITED = f"{OUT}/bootstrap/bootstrap.tf"
CHECK_ARGS = [ORG, "-o", OUT]
LOCATED = re.compile(r"org\.ya?ml:\d+:\d+: error LZ\d{4}")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "lzgen tests",
    "GIT_AUTHOR_EMAIL": "tests@example.com",
    "GIT_COMMITTER_NAME": "lzgen tests",
    "GIT_COMMITTER_EMAIL": "tests@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,  # no hooks, signing or templates of the machine's user
    "GIT_CONFIG_NOSYSTEM": "1",
}
INSTALL_TIMEOUT = 900  # seconds; measured about 15 s with a warm pip cache


def _git(cwd: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", *args],
        cwd=cwd,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"git {' '.join(args)} exited {proc.returncode}:\n{proc.stdout}{proc.stderr}")
    return proc.stdout


def _commit_all(repo: Path) -> str:
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "--no-verify", "-m", "lzgen tests")
    return _git(repo, "rev-parse", "HEAD").strip()


def test_the_hooks_file_is_a_valid_pre_commit_manifest() -> None:
    hooks = {h["id"]: h for h in load_manifest(str(HOOKS_FILE))}  # pre-commit's own schema
    assert sorted(hooks) == ["lzgen-check", "lzgen-validate"]
    validate, check = hooks["lzgen-validate"], hooks["lzgen-check"]
    assert validate["entry"] == "lzgen validate"
    assert check["entry"] == "lzgen check"
    assert {h["language"] for h in hooks.values()} == {"python"}
    assert validate["pass_filenames"] is True  # validate takes several files
    assert check["pass_filenames"] is False  # the user names the org file and tree in args
    assert check["always_run"] is True
    assert all(len(h["description"]) > 40 for h in hooks.values())
    pattern = re.compile(validate["files"])
    assert all(
        pattern.search(p) for p in ["org.yaml", "org.yml", "landing-zone/org.yaml", "a/b/org.yml"]
    )
    assert not any(
        pattern.search(p)
        for p in ["my-org.yaml", "org.yaml.bak", "out/deployer-role/deployer-role.yaml", "org.json"]
    )


def test_the_readme_config_snippet_is_a_valid_config_of_these_hooks(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    snippets = re.findall(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", readme, re.DOTALL)
    assert len(snippets) == 1, "README.md: expected one ```yaml block for .pre-commit-config.yaml"
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(snippets[0], encoding="utf-8")
    repos = load_config(str(config))["repos"]  # pre-commit's own schema
    offered = {h["id"] for h in load_manifest(str(HOOKS_FILE))}
    assert {h["id"] for r in repos for h in r["hooks"]} == offered
    check = next(h for r in repos for h in r["hooks"] if h["id"] == "lzgen-check")
    assert check["args"][1:] == ["-o", "out"]


# the scratch repositories


@contextmanager
def _shared(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[Path]:
    """``name`` in a temp dir every pytest-xdist worker of this run shares (pytest's own temp
    dir without xdist), held under a lock: the first worker builds it, the others wait and reuse
    it. So the hook environment is installed once per run, whatever the number of workers."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's temp dir, above each worker's own
    with (base / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield base / name
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This repository's working tree as one commit of a scratch repository: (path, sha)."""
    with _shared(tmp_path_factory, "pre-commit-hook-repo") as shared:
        root, done = shared / "lzgen", shared / "sha"
        if not done.is_file():
            shutil.rmtree(shared, ignore_errors=True)  # what a failed attempt left
            listed = _git(REPO, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
            for name in filter(None, listed.split("\0")):
                source = REPO / name
                if source.is_file():  # not a tracked file deleted in the working tree
                    target = root / name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(source, target)
            _git(root, "init", "-q", "-b", "main")
            done.write_text(_commit_all(root), encoding="utf-8")
        return root, done.read_text(encoding="utf-8")


def _user_repo(root: Path) -> Path:
    """A scratch repository holding ``ORG`` (examples/org.yaml) and ``OUT`` rendered from it."""
    root.mkdir(parents=True)
    _git(root, "init", "-q", "-b", "main")
    (root / ORG).parent.mkdir(parents=True)
    shutil.copy2(EXAMPLES_DIR / "org.yaml", root / ORG)
    render_example(root / ORG, root / OUT)
    (root / "README.md").write_text("a landing zone\n", encoding="utf-8")
    _commit_all(root)
    return root


def _config(hook_repo: tuple[Path, str], *hooks: dict[str, Any]) -> str:
    repo, sha = hook_repo
    return yaml.safe_dump({"repos": [{"repo": str(repo), "rev": sha, "hooks": list(hooks)}]})


def _pre_commit(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``pre-commit ARGS`` in ``cwd`` with its store in ``home``, stdout and stderr together."""
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env={**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
        timeout=INSTALL_TIMEOUT,
    )


BOTH_HOOKS: list[dict[str, Any]] = [
    {"id": "lzgen-validate"},
    {"id": "lzgen-check", "args": CHECK_ARGS},
]


@pytest.fixture(scope="module")
def hooks_home(hook_repo: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ``PRE_COMMIT_HOME`` with the hooks' environment installed (once for the run)."""
    with _shared(tmp_path_factory, "pre-commit-home") as home:
        done = home / "lzgen-tests-installed"
        if not done.is_file():
            shutil.rmtree(home, ignore_errors=True)
            home.mkdir()
            user = _user_repo(tmp_path_factory.mktemp("install") / "repo")
            (user / ".pre-commit-config.yaml").write_text(_config(hook_repo, *BOTH_HOOKS))
            start = time.monotonic()
            proc = _pre_commit(user, home, "install-hooks")
            took = time.monotonic() - start
            assert proc.returncode == 0, f"install-hooks exited {proc.returncode}:\n{proc.stdout}"
            print(f"pre-commit hook environment installed in {took:.1f}s")
            done.touch()
        return home


@pytest.fixture
def user_repo(tmp_path: Path) -> Path:
    return _user_repo(tmp_path / "repo")


def _run(user: Path, home: Path, config: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``pre-commit run --all-files ARGS`` with ``config`` as the repository's config."""
    (user / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _git(user, "add", ".pre-commit-config.yaml")
    return _pre_commit(user, home, "run", "--all-files", "--color", "never", *args)


def _break(org: Path) -> None:
    """An error validate reports at a line and column: a prefix length no CIDR has."""
    text = org.read_text(encoding="utf-8")
    assert "cidr: 10.10.0.0/16" in text
    org.write_text(text.replace("cidr: 10.10.0.0/16", "cidr: 10.10.0.0/99"), encoding="utf-8")


# the hooks as a user's .pre-commit-config.yaml runs them


def test_both_hooks_pass_on_a_valid_org_file_and_its_tree(
    hook_repo: tuple[Path, str], hooks_home: Path, user_repo: Path
) -> None:
    proc = _run(user_repo, hooks_home, _config(hook_repo, *BOTH_HOOKS))
    assert proc.returncode == 0, proc.stdout
    assert re.search(r"^lzgen validate\.+Passed$", proc.stdout, re.MULTILINE), proc.stdout
    assert re.search(r"^lzgen check\.+Passed$", proc.stdout, re.MULTILINE), proc.stdout


def test_validate_fails_on_a_broken_org_file_naming_it(
    hook_repo: tuple[Path, str], hooks_home: Path, user_repo: Path
) -> None:
    _break(user_repo / ORG)
    proc = _run(user_repo, hooks_home, _config(hook_repo, {"id": "lzgen-validate"}))
    assert proc.returncode == 1, proc.stdout
    assert re.search(r"^lzgen validate\.+Failed$", proc.stdout, re.MULTILINE), proc.stdout
    assert re.search(rf"{re.escape(ORG)}:\d+:\d+: error LZ\d{{4}}", proc.stdout), proc.stdout


def test_validate_runs_on_the_files_a_config_names(
    hook_repo: tuple[Path, str], hooks_home: Path, user_repo: Path
) -> None:
    """An org file by another name is not validated by default, and is with ``files:``."""
    prod = user_repo / "prod.yaml"
    shutil.copy2(user_repo / ORG, prod)
    _break(prod)
    _git(user_repo, "add", "prod.yaml")
    default = _run(user_repo, hooks_home, _config(hook_repo, {"id": "lzgen-validate"}))
    assert default.returncode == 0, default.stdout
    assert "prod.yaml" not in default.stdout
    named = {"id": "lzgen-validate", "files": r"(^|/)(org|prod)\.yaml$"}
    proc = _run(user_repo, hooks_home, _config(hook_repo, named))
    assert proc.returncode == 1, proc.stdout
    assert re.search(r"^prod\.yaml:\d+:\d+: error LZ\d{4}", proc.stdout, re.MULTILINE), proc.stdout
    assert not re.search(rf"{re.escape(ORG)}:\d+:\d+: error", proc.stdout), proc.stdout


@pytest.mark.parametrize(
    "args", [pytest.param(CHECK_ARGS, id="org-file"), pytest.param(["-o", OUT], id="manifest")]
)
def test_check_fails_on_a_hand_edited_file_and_passes_after_render(
    args: list[str], hook_repo: tuple[Path, str], hooks_home: Path, user_repo: Path
) -> None:
    config = _config(hook_repo, {"id": "lzgen-check", "args": args})
    edited = user_repo / EDITED
    edited.write_text(edited.read_text(encoding="utf-8") + "# a hand edit\n", encoding="utf-8")
    proc = _run(user_repo, hooks_home, config)
    assert proc.returncode == 1, proc.stdout
    assert re.search(r"^lzgen check\.+Failed$", proc.stdout, re.MULTILINE), proc.stdout
    assert EDITED in proc.stdout, proc.stdout
    render_example(user_repo / ORG, user_repo / OUT)
    proc = _run(user_repo, hooks_home, config)
    assert proc.returncode == 0, proc.stdout


def test_check_fails_on_a_stale_tree_naming_the_files(
    hook_repo: tuple[Path, str], hooks_home: Path, user_repo: Path
) -> None:
    """The org file changed (one interface endpoint less) and the tree was not rendered."""
    org = user_repo / ORG
    text = org.read_text(encoding="utf-8")
    assert "ecr.dkr, logs]" in text
    org.write_text(text.replace("ecr.dkr, logs]", "ecr.dkr]"), encoding="utf-8")
    proc = _run(
        user_repo, hooks_home, _config(hook_repo, {"id": "lzgen-check", "args": CHECK_ARGS})
    )
    assert proc.returncode == 1, proc.stdout
    assert f"{OUT}/accounts/network/us-east-1/vpc_shared-prod.tf" in proc.stdout, proc.stdout


# pre-commit try-repo, as the pre-commit docs tell hook authors and users to try a hook


def test_try_repo_validates_every_org_file(
    hook_repo: tuple[Path, str], user_repo: Path, tmp_path: Path
) -> None:
    """``pre-commit try-repo REPO lzgen-validate --all-files``: the hook with no config of the
    user's, so with its default ``files``: both org files (one nested, one ``.yml``), and no
    other YAML (the tree holds CloudFormation templates), go to one validate."""
    broken = user_repo / "sandbox" / "org.yml"
    broken.parent.mkdir()
    shutil.copy2(user_repo / ORG, broken)
    _break(broken)
    _git(user_repo, "add", "-A")
    repo, sha = hook_repo
    start = time.monotonic()
    proc = _pre_commit(
        user_repo,
        tmp_path / "unused-home",  # try-repo keeps its store in a temp dir of its own
        *("try-repo", str(repo), "lzgen-validate", "--ref", sha, "--all-files", "--color", "never"),
    )
    print(f"pre-commit try-repo (with its own install) took {time.monotonic() - start:.1f}s")
    assert proc.returncode == 1, proc.stdout
    assert re.search(r"^lzgen validate\.+Failed$", proc.stdout, re.MULTILINE), proc.stdout
    errors = LOCATED.findall(proc.stdout)
    assert errors, proc.stdout
    assert re.search(r"^sandbox/org\.yml:\d+:\d+: error LZ\d{4}", proc.stdout, re.MULTILINE)
    assert not re.search(rf"^{re.escape(ORG)}:\d+:\d+: error", proc.stdout, re.MULTILINE)
    assert ORG in proc.stdout, f"the valid org file was not validated:\n{proc.stdout}"
    assert "deployer-role.yaml" not in proc.stdout, proc.stdout
