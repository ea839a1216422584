"""Apply against moto: every stack of a rendered case, in the manifest's apply order, with real
state flowing between the stacks (local backend; each ``terraform_remote_state`` reads the state
file its upstream stack just wrote). Provider roles are assumed for real (moto implements STS),
so a stack in an account lzgen creates acts in the id the organization stack got back.

Then, for every stack: the apply created exactly the resources the manifest counts, and a second
plan changes nothing. The cases are those moto 5.2 can apply (tests/cases/applied/org.yaml says
what it leaves out); terraform validate and plan and checkov cover the rest.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from moto.server import ThreadedMotoServer

from conftest import RenderedExamples, terraform_env
from lzgen.offline import provider_aliases

pytestmark = pytest.mark.terraform

CASES = ("local-state", "applied")
_ADDED = re.compile(r"Apply complete! Resources: (\d+) added")


@dataclass(frozen=True)
class Applied:
    path: str
    ok: bool
    added: int
    replan_exit: int  # terraform plan -detailed-exitcode after the apply: 0 means no change
    log: str


def _moto_overrides(stack: Path) -> str:
    """Every provider of the stack: no retries (moto answers at once or never), no metadata
    or credential checks."""
    return "\n".join(
        'provider "aws" {\n'
        + (f'  alias                       = "{alias}"\n' if alias else "")
        + "  max_retries                 = 1\n"
        "  skip_credentials_validation = true\n"
        "  skip_metadata_api_check     = true\n"
        "}\n"
        for alias in [None, *provider_aliases(stack)]
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def moto_endpoint() -> Iterator[str]:
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


def _reset(endpoint: str) -> None:
    """Forget every resource: each case is an organization of its own (the URL is our own
    server on 127.0.0.1)."""
    request = urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST")  # noqa: S310
    urllib.request.urlopen(request, timeout=30).close()  # noqa: S310


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def apply_tree(tree: Path, terraform: str, env: dict[str, str]) -> list[Applied]:
    """Init, apply and re-plan every stack of ``tree`` in apply order, stopping at a failure."""
    manifest = json.loads((tree / "lzgen.manifest.json").read_text())
    done: list[Applied] = []
    for stack in manifest["stacks"]:
        work = tree / stack["path"]
        (work / "moto_override.tf").write_text(_moto_overrides(work))
        init = _run([terraform, "init", "-no-color"], work, env)
        if init.returncode != 0:
            done.append(Applied(stack["path"], False, 0, -1, init.stdout + init.stderr))
            break
        applied = _run([terraform, "apply", "-auto-approve", "-no-color"], work, env)
        added = _ADDED.search(applied.stdout)
        if applied.returncode != 0 or added is None:
            done.append(Applied(stack["path"], False, 0, -1, applied.stdout + applied.stderr))
            break
        replan = _run([terraform, "plan", "-detailed-exitcode", "-no-color"], work, env)
        done.append(
            Applied(
                stack["path"], True, int(added.group(1)), replan.returncode, replan.stdout[-4000:]
            )
        )
    return done


@dataclass(frozen=True)
class AppliedCase:
    tree: Path
    manifest: dict[str, Any]
    stacks: list[Applied]
    env: dict[str, str]


@pytest.fixture(scope="module")
def applied(
    rendered_examples: RenderedExamples,
    terraform_bin: str,
    moto_endpoint: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, AppliedCase]:
    found: dict[str, AppliedCase] = {}
    for name in CASES:
        _reset(moto_endpoint)
        tmp = tmp_path_factory.mktemp(f"apply-{name}")
        tree = tmp / "out"
        shutil.copytree(rendered_examples[name], tree)
        env = terraform_env(tmp)
        env.update(
            AWS_ENDPOINT_URL=moto_endpoint,
            AWS_ACCESS_KEY_ID="moto",
            AWS_SECRET_ACCESS_KEY="moto",  # noqa: S106  (moto accepts any)
        )
        stacks = apply_tree(tree, terraform_bin, env)
        found[name] = AppliedCase(tree, rendered_examples.manifest(name), stacks, env)
    return found


@pytest.mark.parametrize("name", CASES)
def test_every_stack_applies_with_the_resources_the_manifest_counts(
    name: str, applied: dict[str, AppliedCase]
) -> None:
    case = applied[name]
    for stack in case.stacks:
        assert stack.ok, f"{stack.path} failed to apply:\n{stack.log[-6000:]}"
    expected = {s["path"]: s["resources"] for s in case.manifest["stacks"]}
    assert {s.path: s.added for s in case.stacks} == expected


@pytest.mark.parametrize("name", CASES)
def test_a_second_plan_changes_nothing(name: str, applied: dict[str, AppliedCase]) -> None:
    for stack in applied[name].stacks:
        assert stack.replan_exit == 0, f"{stack.path} plans changes after its apply:\n{stack.log}"


def _state(tree: Path, stack: str) -> dict[str, Any]:
    state: dict[str, Any] = json.loads((tree / stack / "terraform.tfstate").read_text())
    return state


@pytest.mark.parametrize("name", CASES)
def test_vpcs_land_in_their_accounts(name: str, applied: dict[str, AppliedCase]) -> None:
    """The account ids a stack assumes its role in come from the organization stack's state
    (created accounts) or the file: each VPC's owner is its account."""
    case = applied[name]
    assert all(s.ok for s in case.stacks), "see the apply test"
    organization = _state(case.tree, "organization")
    ids = organization["outputs"]["account_ids"]["value"]
    vpcs = 0
    for stack in case.manifest["stacks"]:
        if not stack["path"].startswith("accounts/"):
            continue
        account = stack["path"].split("/")[1]
        for resource in _state(case.tree, stack["path"])["resources"]:
            if resource["type"] == "aws_vpc" and resource["mode"] == "managed":
                owner = resource["instances"][0]["attributes"]["owner_id"]
                assert owner == ids[account], (stack["path"], resource["name"])
                vpcs += 1
    assert vpcs >= 2
