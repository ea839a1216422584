"""Terraform subprocesses that Ctrl-C can stop, and the environment they run in.

Each terraform runs in a session of its own (``start_new_session``), so a Ctrl-C in the
terminal reaches lzgen only, and lzgen sends each running terraform exactly one SIGINT:
terraform then stops gracefully (a second interrupt would make it exit at once, possibly with
a state lock held). Whoever still runs after the grace period is killed.

One provider plugin cache is shared by every stack (``TF_PLUGIN_CACHE_DIR``: the user's own if
set, else ``<user cache dir>/lzgen/terraform-plugins``), except with a filesystem mirror
(``LZGEN_TF_PLUGIN_MIRROR``), whose providers init links instead of copying them. Terraform's
cache is not safe for concurrent inits (hashicorp/terraform#31964), so while a cache is in use
the inits take turns; plans still run side by side.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Mapping
from pathlib import Path

MIRROR_ENV = "LZGEN_TF_PLUGIN_MIRROR"
CACHE_ENV = "TF_PLUGIN_CACHE_DIR"
GRACE_SECONDS = 30.0  # how long a terraform may take to stop after SIGINT before it is killed


class Interrupted(Exception):  # noqa: N818 - not an error: the user stopped the run
    """The run was stopped (Ctrl-C) before or while this process ran."""


def plugin_cache(env: Mapping[str, str]) -> Path | None:
    """The shared plugin cache directory (created), or None with a filesystem mirror."""
    if env.get(CACHE_ENV):
        path = Path(env[CACHE_ENV])
    elif env.get(MIRROR_ENV):
        return None
    else:
        base = env.get("XDG_CACHE_HOME") or str(Path(env.get("HOME") or Path.home()) / ".cache")
        path = Path(base) / "lzgen" / "terraform-plugins"
    path.mkdir(parents=True, exist_ok=True)
    return path


def mirror_config(mirror: str, directory: Path) -> Path:
    """A CLI config file in ``directory`` that installs every provider from ``mirror``."""
    config = directory / "terraformrc"
    config.write_text(
        "provider_installation {\n"
        f"  filesystem_mirror {{\n    path    = {json.dumps(mirror)}\n"
        '    include = ["registry.terraform.io/*/*"]\n  }\n'
        '  direct {\n    exclude = ["registry.terraform.io/*/*"]\n  }\n}\n',
        encoding="utf-8",
    )
    return config


def terraform_environment(base: Mapping[str, str], scratch: Path) -> dict[str, str]:
    """``base`` with automation settings, the shared plugin cache and, when
    ``LZGEN_TF_PLUGIN_MIRROR`` is set, a CLI config (written into ``scratch``) for the mirror."""
    env = dict(base)
    env.update(CHECKPOINT_DISABLE="1", TF_IN_AUTOMATION="1", TF_INPUT="0")
    cache = plugin_cache(env)
    if cache is None:
        env.pop(CACHE_ENV, None)
    else:
        env[CACHE_ENV] = str(cache)
    mirror = env.get(MIRROR_ENV)
    if mirror:
        env["TF_CLI_CONFIG_FILE"] = str(mirror_config(mirror, scratch))
    return env


class Terraform:
    """Runs ``binary`` with ``env``; :meth:`stop` interrupts every process it runs."""

    def __init__(self, binary: str, env: dict[str, str]) -> None:
        found = shutil.which(binary, path=env.get("PATH"))
        # each process runs in a stack's directory: a relative path must not depend on it
        self.binary = str(Path(found).absolute()) if found else binary
        self.env = env
        self._lock = threading.Lock()
        self._live: set[subprocess.Popen[str]] = set()
        self._stopped = False
        # inits take turns while they share a plugin cache
        self._init_lock: threading.Lock | None = threading.Lock() if env.get(CACHE_ENV) else None

    @property
    def stopped(self) -> bool:
        return self._stopped

    def run(self, args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
        """``terraform ARGS`` in ``cwd``; raises :class:`Interrupted` when the run was stopped
        before it started or while it ran."""
        if args[:1] == ["init"] and self._init_lock is not None:
            with self._init_lock:
                return self._run(args, cwd)
        return self._run(args, cwd)

    def _run(self, args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
        with self._lock:
            if self._stopped:
                raise Interrupted
            proc = subprocess.Popen(
                [self.binary, *args],
                cwd=cwd,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                start_new_session=True,  # Ctrl-C in the terminal reaches lzgen only
            )
            self._live.add(proc)
        try:
            out, err = proc.communicate()
        finally:
            with self._lock:
                self._live.discard(proc)
        if self._stopped:
            raise Interrupted
        return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)

    def stop(self, grace: float = GRACE_SECONDS) -> None:
        """Start nothing more; SIGINT to every running terraform, then SIGKILL to what still
        runs after ``grace`` seconds (or at once on a second Ctrl-C)."""
        with self._lock:
            self._stopped = True
            live = list(self._live)
        for proc in live:
            _signal(proc, signal.SIGINT)
        deadline = time.monotonic() + grace
        try:
            while any(p.poll() is None for p in live) and time.monotonic() < deadline:
                time.sleep(0.05)
        except KeyboardInterrupt:
            pass  # a second Ctrl-C: kill now
        for proc in live:
            _signal(proc, signal.SIGKILL)


def _signal(proc: subprocess.Popen[str], sig: int) -> None:
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
