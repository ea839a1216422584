"""Developer and CI sessions. ``nox`` alone runs lint, types, tests, terraform, scan and
diagrams.

Every session uses the interpreter that runs nox (no ``python=`` pin), so ``python3 -m venv
.venv && .venv/bin/pip install nox && .venv/bin/nox`` tests with whatever ``python3`` is.
Sessions that test lzgen install it with ``pip install .`` (not editable): the wheel, with its
packaged templates, is what gets tested, and pytest imports it from site-packages because the
source root ``generator/`` is never on ``sys.path``.

Virtualenvs are reused between runs (``nox -N`` recreates them); pip still reinstalls lzgen from
the working tree on every run, so a reused venv never tests stale code.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import nox

nox.options.sessions = ["lint", "types", "tests", "terraform", "scan", "diagrams"]
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True

LINT_PATHS = ["generator", "tests", "benchmarks", "noxfile.py"]
TF_PLUGIN_MIRROR = Path("/opt/tf-plugins")  # where CI machines keep hashicorp/aws offline
CHECKOV = "checkov>=3.2,<4"
# Mermaid's own parser and Graphviz (compiled to WebAssembly), from the npm registry
DIAGRAM_TOOLS = ["mermaid@11", "@viz-js/viz@3"]
# pytest-xdist: one worker per CPU. The terraform tests are CPU-bound (each terraform run loads
# the AWS provider's schema), the rest are many small tests.
XDIST = ["-n", "auto"]


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check (config in pyproject [tool.ruff])."""
    session.install("ruff")
    session.run("ruff", "check", *LINT_PATHS)
    session.run("ruff", "format", "--check", "--diff", *LINT_PATHS)


@nox.session
def types(session: nox.Session) -> None:
    """mypy --strict on the lzgen package (config in pyproject [tool.mypy])."""
    session.install(".[dev]")
    session.run("mypy")


@nox.session
def tests(session: nox.Session) -> None:
    """Everything except the terraform and checkov tests. ``nox -s tests -- -k golden``."""
    session.install(".[test]")
    session.run(
        "pytest", "-m", "not terraform and not checkov and not diagrams", *XDIST, *session.posargs
    )


@nox.session
def fuzz(session: nox.Session) -> None:
    """10,000 mutated org files through the pipeline and the CLI (not default; ``tests`` runs
    200). ``LZGEN_FUZZ_CASES`` overrides the count: ``LZGEN_FUZZ_CASES=500 nox -s fuzz``."""
    session.install(".[test]")
    cases = os.environ.get("LZGEN_FUZZ_CASES", "10000")
    session.run("pytest", "tests/test_fuzz.py", *session.posargs, env={"LZGEN_FUZZ_CASES": cases})


# the tests that apply against moto (run beside the offline plan tests, see terraform)
APPLY_TESTS = ("tests/test_apply.py", "tests/test_renames_apply.py")


@nox.session
def terraform(session: nox.Session) -> None:
    """terraform fmt and offline plan of every stack of every example (validate where the plan
    leaves import blocks out), and (side by side, in a second pytest) the apply tests against
    moto.

    Needs ``terraform`` on PATH (the tests fail, not skip, without it). Providers come from the
    filesystem mirror in ``LZGEN_TF_PLUGIN_MIRROR``, defaulted to /opt/tf-plugins when that
    directory exists, so the session runs without registry access.
    """
    session.install(".[test]")
    env = {}
    if "LZGEN_TF_PLUGIN_MIRROR" not in os.environ and TF_PLUGIN_MIRROR.is_dir():
        env["LZGEN_TF_PLUGIN_MIRROR"] = str(TF_PLUGIN_MIRROR)
    # The moto apply tests (APPLY_TESTS) mostly wait, on moto and on the provider's
    # polling, while the offline plan tests keep the cores busy (one xdist worker per CPU):
    # run them side by side, the apply tests' output printed after the others'. The apply
    # cases run on two workers of their own, each case on one (test_apply._case_param), the
    # longest first, in the order the file lists them.
    log = Path(session.create_tmp()) / "apply.log"
    with log.open("w") as out:
        apply = subprocess.Popen(
            [
                str(Path(session.bin) / "pytest"),
                "-m",
                "terraform",
                *APPLY_TESTS,
                "-n",
                "2",
                "--dist=loadgroup",
                "--no-loadscope-reorder",
                *session.posargs,
            ],
            env={**os.environ, **env},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            session.run(
                "pytest",
                "-m",
                "terraform",
                *(f"--ignore={path}" for path in APPLY_TESTS),
                *XDIST,
                "--dist=loadgroup",  # the tests of one tree on one worker (conftest.tree_group)
                *session.posargs,
                env=env,
            )
        finally:  # the apply tests' output, also when the others failed
            status = apply.wait()
            print(log.read_text(), end="")
    if status != 0:
        session.error(f"the apply tests failed (exit {status})")


@nox.session
def scan(session: nox.Session) -> None:
    """checkov on every rendered example (``pytest -m checkov``), checkov in a venv of its own,
    and the steps of the example CI workflow (which also plan offline: ``terraform`` on PATH,
    providers from ``LZGEN_TF_PLUGIN_MIRROR`` as in the terraform session).

    checkov depends on bc-python-hcl2, which installs the same ``hcl2`` module as python-hcl2
    (our ``[test]`` extra): in one environment they break each other. So this session uses
    two environments:

    - the session venv: lzgen with ``[test]`` plus pytest. It renders every example in-process
      (tests/conftest.py) and runs ``pytest -m checkov``.
    - ``<session venv>/checkov``: a plain ``python -m venv`` holding checkov and nothing else,
      created and filled by this session. pytest finds its binary through ``LZGEN_CHECKOV`` and
      runs it as a program. It lives inside the session venv, so it is reused, recreated
      (``nox -N``) and skipped (``nox -R``) together with it.

    lzgen is deliberately not installed next to checkov: that works today (it only adds typer,
    rich and friends) but would tie lzgen's dependencies to checkov's pins for no gain, since
    rendering needs no checkov and checkov needs no lzgen.
    """
    session.install(".[test]")
    venv = Path(session.virtualenv.location) / "checkov"
    checkov = venv / "bin" / "checkov"
    if not checkov.exists():
        session.run_install("python", "-m", "venv", "--clear", str(venv))
        session.run_install(
            str(venv / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            CHECKOV,
            external=True,
        )
    session.run(str(checkov), "--version", external=True)
    env = {"LZGEN_CHECKOV": str(checkov)}
    # tests/test_ci_example.py runs the example workflow's offline plan step: providers from
    # the filesystem mirror, as in the terraform session
    if "LZGEN_TF_PLUGIN_MIRROR" not in os.environ and TF_PLUGIN_MIRROR.is_dir():
        env["LZGEN_TF_PLUGIN_MIRROR"] = str(TF_PLUGIN_MIRROR)
    session.run("pytest", "-m", "checkov", *XDIST, *session.posargs, env=env)


@nox.session
def diagrams(session: nox.Session) -> None:
    """``lzgen graph`` against the real tools (``pytest -m diagrams``): every example's
    pictures parsed by Mermaid's own parser, and drawn to SVG by Graphviz's ``dot``.

    Needs Node.js and npm. The session installs mermaid and @viz-js/viz (Graphviz compiled to
    WebAssembly) with npm into ``<session venv>/node``, beside the two scripts of
    tests/tools/ (Node resolves a script's imports from its own folder), and puts a ``dot`` that
    runs tests/tools/dot.mjs first on PATH, so lzgen's ``--format svg`` runs as it would with
    Graphviz installed. ``LZGEN_MERMAID`` names the parse script.
    """
    session.install(".[test]")
    node = Path(session.virtualenv.location) / "node"
    if not (node / "node_modules" / "mermaid").is_dir():
        node.mkdir(exist_ok=True)
        session.run(
            "npm", "install", "--silent", "--prefix", str(node), *DIAGRAM_TOOLS, external=True
        )
    for script in Path("tests/tools").glob("*.mjs"):
        (node / script.name).write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    tools = node / "bin"
    tools.mkdir(exist_ok=True)
    dot = tools / "dot"
    dot.write_text(f'#!/bin/sh\nexec node "{node / "dot.mjs"}" "$@"\n', encoding="utf-8")
    dot.chmod(0o755)
    env = {
        "LZGEN_MERMAID": str(node / "mermaid-parse.mjs"),
        "PATH": f"{tools}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    session.run("pytest", "-m", "diagrams", *XDIST, *session.posargs, env=env)


@nox.session
def bench(session: nox.Session) -> None:
    """Validate/render timings for synthetic orgs (not default: ``nox -s bench -- --sizes 100``)."""
    session.install(".")
    session.run("python", "benchmarks/bench.py", *session.posargs)


@nox.session
def bench_cli(session: nox.Session) -> None:
    """``lzgen render`` (the CLI) against ``cp -r`` + ``sync`` of its tree, its no-op re-render
    and its scaling (not default: ``nox -s bench_cli -- --repeat 5 --check``)."""
    session.install(".")
    session.run("python", "benchmarks/render_cli.py", *session.posargs)


@nox.session
def plan_bench(session: nox.Session) -> None:
    """``lzgen plan --offline`` timings (not default, not run by CI: minutes of terraform):
    ``--jobs 1`` against ``--jobs 2`` on examples/hub-and-spoke.yaml, and ``--changed`` after a
    one-VPC change in a 1,000-account tree beside a full plan's time (estimated unless
    ``nox -s plan_bench -- --full``). Providers from the mirror, as in the terraform session."""
    session.install(".")
    env = {}
    if "LZGEN_TF_PLUGIN_MIRROR" not in os.environ and TF_PLUGIN_MIRROR.is_dir():
        env["LZGEN_TF_PLUGIN_MIRROR"] = str(TF_PLUGIN_MIRROR)
    session.run("python", "benchmarks/plan_bench.py", *session.posargs, env=env)
