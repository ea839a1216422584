"""Shared fixtures: the examples, their rendered trees, and the environment for external tools.

Rendering goes through the CLI entry (``lzgen.cli.app``), the same path users take. The
terraform and checkov tests are not optional: when their binary is missing they fail with
a message saying how to get it, they never skip.
"""

from __future__ import annotations

import functools
import inspect
import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lzgen.cli import app
from lzgen.offline import PLAN_JSON, StackResult, plan_offline

REPO = Path(__file__).resolve().parents[1]
EXAMPLES_DIR = REPO / "examples"
CASES_DIR = REPO / "tests" / "cases"
MANIFEST = "lzgen.manifest.json"
MIRROR_ENV = "LZGEN_TF_PLUGIN_MIRROR"
TERRAFORM_ENV = "LZGEN_TERRAFORM"

# terraform and the AWS provider are Go programs. In runs of a few seconds, the garbage
# collector at Go's default (GOGC=100) takes a quarter of their CPU, and the terraform tests are
# CPU-bound: every terraform process the tests start (the offline plans included, which inherit
# this environment) collects ten times less often, within a 2 GiB heap per process.
os.environ.setdefault("GOGC", "1000")
os.environ.setdefault("GOMEMLIMIT", "2GiB")

# Renders record what they left in their output directory (lzgen.unchanged), in lzgen's cache
# folder: the tests' records go to a folder of their own, not the user's cache, and go with it.
_CACHE = tempfile.TemporaryDirectory(prefix="lzgen-test-cache-")
os.environ.setdefault("LZGEN_CACHE_DIR", _CACHE.name)


def examples() -> list[Path]:
    """Every ``examples/*.yaml``, sorted; every example is a test case."""
    return sorted(EXAMPLES_DIR.glob("*.yaml"))


def example_params() -> list[Any]:
    """``examples()`` as pytest params with the file stem as id."""
    return [pytest.param(p.stem, id=p.stem) for p in examples()]


def trees() -> dict[str, Path]:
    """Every org file the terraform tests render, by name: each example by its stem, then each
    ``tests/cases/<name>/org.yaml`` by its directory name (the names of the golden trees)."""
    found = {p.stem: p for p in examples()}
    for source in sorted(CASES_DIR.glob("*/org.yaml")):
        name = source.parent.name
        assert name not in found, f"tests/cases/{name} has the name of examples/{name}.yaml"
        found[name] = source
    return found


def tree_group(name: str) -> pytest.MarkDecorator:
    """The xdist group of the tests that plan tree ``name``: ``nox -s terraform`` runs them on
    two workers with ``--dist loadgroup``, and each worker renders and plans the trees of the
    groups it runs (session fixtures are per worker), so each tree is planned once. A test that
    reads the plans of two trees would plan one of them twice: give each tree a test of its
    own."""
    return pytest.mark.xdist_group(name)


def pytest_configure(config: pytest.Config) -> None:
    """``--dist loadgroup`` must group: otherwise the scheduler spreads a tree's tests over
    the workers and each plans the whole tree. pytest-xdist 3.8 groups by rewriting
    ``Item._nodeid``, which pytest 9.2 no longer reads (its node ids live in ``_id``): that
    pair fails the run here, with the fix, instead of doubling it silently."""
    if getattr(config.option, "dist", "no") != "loadgroup":
        return
    import _pytest.nodes  # noqa: PLC0415 - only to tell how this pytest keeps node ids
    import xdist.remote  # type: ignore[import-untyped]  # noqa: PLC0415

    reads = "_nodeid" in inspect.getsource(_pytest.nodes.Node)
    if not reads and "item._nodeid =" in inspect.getsource(xdist.remote):
        raise pytest.UsageError(
            "pytest-xdist's --dist loadgroup cannot group tests with this pytest (its node ids "
            "are no longer _nodeid): install pytest<9.2, as pyproject.toml's test extra pins"
        )


def tree_params() -> list[Any]:
    """``trees()`` as pytest params with the name as id."""
    return [pytest.param(name, id=name, marks=tree_group(name)) for name in trees()]


class RenderError(Exception):
    pass


def render_example(source: Path, out: Path) -> dict[str, Any]:
    """``lzgen render SOURCE -o OUT`` through the CLI; returns the manifest."""
    result = CliRunner().invoke(app, ["render", str(source), "-o", str(out)])
    if result.exit_code != 0:
        detail = result.output
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            detail += f"\n{type(result.exception).__name__}: {result.exception}"
        raise RenderError(f"lzgen render {source.name} exited {result.exit_code}:\n{detail}")
    manifest: dict[str, Any] = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    return manifest


@functools.cache
def _collected() -> tuple[tuple[str, dict[str, Any] | str, frozenset[str]], ...]:
    """Each tree of ``trees()`` rendered once at collection time into a scratch dir: (name,
    manifest or render error, the files of its stacks as ``<stack path>/<file name>``)."""
    found: list[tuple[str, dict[str, Any] | str, frozenset[str]]] = []
    for name, source in trees().items():
        with tempfile.TemporaryDirectory(prefix="lzgen-collect-") as tmp:
            out = Path(tmp) / "out"
            try:
                manifest = render_example(source, out)
            except RenderError as exc:
                found.append((name, str(exc), frozenset()))
                continue
            files = frozenset(p.relative_to(out).as_posix() for p in out.rglob("*.tf"))
        found.append((name, manifest, files))
    return tuple(found)


def stack_params(holding: str = "") -> list[Any]:
    """One param ``(example, stack)`` per stack of every example and test case (``trees()``),
    id ``example:stack name``; with ``holding``, only the stacks that have a file of that name.

    The parameters, and with them the failure names, are the stacks of the manifests rendered
    at collection time. An example that does not render yields one param whose stack is the
    error text (the test fails with it instead of collection).
    """
    params = []
    for name, manifest, files in _collected():
        if isinstance(manifest, str):
            params.append(pytest.param(name, manifest, id=f"{name}:render", marks=tree_group(name)))
            continue
        params += [
            pytest.param(name, stack, id=f"{name}:{stack['name']}", marks=tree_group(name))
            for stack in manifest["stacks"]
            if not holding or f"{stack['path']}/{holding}" in files
        ]
    return params


def stack_or_fail(stack: dict[str, Any] | str) -> dict[str, Any]:
    """The manifest entry of a ``stack_params()`` param, or fail with the render error."""
    if isinstance(stack, str):
        pytest.fail(stack, pytrace=False)
    return stack


class RenderedExamples(Mapping[str, Path]):
    """Example stem (or test case name, ``trees()``) -> directory holding its rendered tree.
    Each renders on first use (once per session), so selecting one example with ``-k`` renders
    only that one."""

    def __init__(self, root: Path) -> None:
        self._root = root
        self._sources = trees()
        self._done: dict[str, Path] = {}

    def source(self, name: str) -> Path:
        """The org file of a rendered tree."""
        return self._sources[name]

    def __getitem__(self, name: str) -> Path:
        if name not in self._done:
            out = self._root / name
            try:
                render_example(self._sources[name], out)
            except RenderError as exc:
                pytest.fail(str(exc), pytrace=False)
            self._done[name] = out
        return self._done[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)

    def manifest(self, name: str) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self[name] / MANIFEST).read_text(encoding="utf-8"))
        return data


@pytest.fixture(scope="session")
def rendered_examples(tmp_path_factory: pytest.TempPathFactory) -> RenderedExamples:
    """Every example rendered by ``lzgen render`` into a session temp dir. Read-only: tests
    that run tools which write (terraform init) copy what they need first."""
    return RenderedExamples(tmp_path_factory.mktemp("rendered"))


def terraform_env(tmp: Path) -> dict[str, str]:
    """Environment for running terraform in tests: hermetic CLI config written into ``tmp``
    (with the filesystem mirror from ``LZGEN_TF_PLUGIN_MIRROR`` when that is set), no
    checkpoint calls, no prompts, no AWS credentials from the caller."""
    env = dict(os.environ)
    for var in ("AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        env.pop(var, None)
    env.update(CHECKPOINT_DISABLE="1", TF_IN_AUTOMATION="1", TF_INPUT="0")
    config = "# written by tests/conftest.py\n"
    mirror = os.environ.get(MIRROR_ENV)
    if mirror:
        if not Path(mirror).is_dir():
            pytest.fail(f"{MIRROR_ENV}={mirror} is not a directory", pytrace=False)
        config += (
            "provider_installation {\n"
            "  filesystem_mirror {\n"
            f"    path    = {json.dumps(mirror)}\n"
            '    include = ["registry.terraform.io/*/*"]\n'
            "  }\n"
            "  direct {\n"
            '    exclude = ["registry.terraform.io/*/*"]\n'
            "  }\n"
            "}\n"
        )
    tmp.mkdir(parents=True, exist_ok=True)
    rc = tmp / "terraformrc"
    rc.write_text(config, encoding="utf-8")
    env["TF_CLI_CONFIG_FILE"] = str(rc)
    return env


@pytest.fixture(scope="session")
def terraform_bin() -> str:
    """The terraform binary (``LZGEN_TERRAFORM`` or ``terraform`` on PATH); fails if absent."""
    name = os.environ.get(TERRAFORM_ENV, "terraform")
    found = shutil.which(name)
    if found is None:
        pytest.fail(
            f"terraform not found ({TERRAFORM_ENV} or PATH: {name!r}). The terraform tests are "
            "not optional: install Terraform >= 1.10, or deselect them with -m 'not terraform'.",
            pytrace=False,
        )
    return found


# plan JSON of every tree, planned once per session


class Plan:
    """Lookups into ``terraform show -json`` output (root module only: lzgen renders explicit
    resources into root modules)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        root = data.get("configuration", {}).get("root_module", {})
        self.config = {r["address"]: r for r in root.get("resources", [])}
        planned = data.get("planned_values", {}).get("root_module", {})
        self.planned = {r["address"]: r.get("values", {}) for r in planned.get("resources", [])}
        self.changes = {c["address"]: c["change"] for c in data.get("resource_changes", [])}

    def of_type(self, resource_type: str) -> list[str]:
        return sorted(a for a, r in self.config.items() if r["type"] == resource_type)

    def references(self, address: str, attribute: str) -> list[str]:
        """Raw references of ``attribute`` in the configuration (``aws_vpc.x.id``, ...)."""
        expression = self.config[address].get("expressions", {}).get(attribute, {})
        if not isinstance(expression, dict):
            return []
        refs: list[str] = expression.get("references", [])
        return refs

    def resources(self, address: str, attribute: str) -> list[str]:
        """Resource addresses referenced by ``attribute``, in order, without duplicates."""
        found: list[str] = []
        for ref in self.references(address, attribute):
            if ref in self.config and ref not in found:
                found.append(ref)
        return found

    def one(self, address: str, attribute: str) -> str:
        found = self.resources(address, attribute)
        assert len(found) == 1, f"{address}.{attribute} references {found}, expected one resource"
        return found[0]

    def after_unknown(self, address: str) -> dict[str, Any]:
        unknown: dict[str, Any] = self.changes.get(address, {}).get("after_unknown", {})
        return unknown


@dataclass(frozen=True)
class PlannedExample:
    results: dict[str, StackResult]
    plans: Path  # <stack path>/tfplan.json


class OfflinePlans:
    """``plan_offline`` of each example, run on first use and kept for the module."""

    def __init__(self, rendered: RenderedExamples, terraform: str, root: Path) -> None:
        self._rendered = rendered
        self._terraform = terraform
        self._root = root
        self._done: dict[str, PlannedExample] = {}

    def __getitem__(self, example: str) -> PlannedExample:
        if example not in self._done:
            plans = self._root / example
            results = plan_offline(
                self._rendered[example], terraform=self._terraform, keep_plans=plans
            )
            self._done[example] = PlannedExample({r.name: r for r in results}, plans)
        return self._done[example]

    def plan(self, example: str, stack: dict[str, Any]) -> Plan:
        planned = self[example]
        result = planned.results.get(stack["name"])
        if result is None or not result.ok:
            pytest.fail(f"stack {stack['name']} did not plan (see test_plan)", pytrace=False)
        data = json.loads((planned.plans / stack["path"] / PLAN_JSON).read_text())
        return Plan(data)

    def at(self, example: str, path: str) -> Plan:
        """The plan of the stack at ``path`` of ``example``'s tree."""
        stacks = self._rendered.manifest(example)["stacks"]
        found = [s for s in stacks if s["path"] == path]
        if not found:
            pytest.fail(f"{example} has no stack {path}", pytrace=False)
        return self.plan(example, found[0])


def plan_subset(tree: Path, paths: list[str], work: Path, terraform: str) -> dict[str, Plan]:
    """Plan only the stacks at ``paths`` of a rendered ``tree`` and the stacks they read
    (transitively): copied into ``work`` with a manifest of those stacks, in apply order.
    Fails with the logs of any stack that does not plan."""
    manifest = json.loads((tree / MANIFEST).read_text(encoding="utf-8"))
    by_path = {s["path"]: s for s in manifest["stacks"]}
    wanted: set[str] = set()
    todo = list(paths)
    while todo:
        path = todo.pop()
        if path not in wanted:
            wanted.add(path)
            todo += by_path[path].get("reads", {}).values()
    manifest["stacks"] = [s for s in manifest["stacks"] if s["path"] in wanted]
    for stack in manifest["stacks"]:
        shutil.copytree(tree / stack["path"], work / stack["path"])
    (work / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    plans = work / "plans"
    results = plan_offline(work, terraform=terraform, keep_plans=plans)
    failed = [(r.name, r.log[-2000:]) for r in results if not r.ok]
    if failed:
        pytest.fail(f"stacks did not plan: {failed}", pytrace=False)
    return {path: Plan(json.loads((plans / path / PLAN_JSON).read_text())) for path in paths}


@pytest.fixture(scope="session")
def offline_plans(
    rendered_examples: RenderedExamples,
    terraform_bin: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> OfflinePlans:
    return OfflinePlans(rendered_examples, terraform_bin, tmp_path_factory.mktemp("plans"))
