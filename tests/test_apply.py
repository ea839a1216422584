"""Apply against moto: every stack of a rendered case, in the manifest's apply order, with real
state flowing between the stacks. Provider roles are assumed for real (moto implements STS), so
a member stack acts in the account whose deployer role it assumes, the role the deployer-role
stack's StackSet created there.

Cases:

- ``local-state`` and ``applied`` (tests/cases): local backend; each ``terraform_remote_state``
  reads the state file its upstream stack just wrote.
- ``org`` (examples/org.yaml, its management account rewritten to moto's default account): the
  real first apply of an S3 backend. The bootstrap stack is applied with local state (an
  ``*_override.tf`` backend), then its state is migrated into the bucket it made
  (``init -migrate-state``); every later stack keeps its state in that bucket, in moto. What
  moto 5.2 cannot apply is removed from the copy, each with its reason (``MOTO_GAPS``; the
  account baseline's gaps, ``FLOOR_GAPS``, from every stack of every case that holds them).
- ``brownfield`` (examples/brownfield.yaml): moto is seeded first with an organization, two OUs,
  two accounts (one under the root that the file puts in an OU), two extra trusted services and
  TAG_POLICY; the copy's ids are rewritten to moto's, then every stack applies (imports first).

Then, for every stack: the apply created (imported or added) exactly the resources the manifest
counts, destroyed nothing, and a second plan changes nothing.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto.server import ThreadedMotoServer

from conftest import RenderedExamples, render_example, terraform_env
from lzgen.hcl import hcl
from lzgen.offline import provider_aliases

pytestmark = pytest.mark.terraform

MOTO_ACCOUNT = "123456789012"  # moto's default account: the management account of every case
REGION = "us-east-1"

# "Resources: 2 imported, 3 added, 0 changed, 0 destroyed." ("imported" only with imports)
_APPLIED = re.compile(
    r"Apply complete! Resources: (?:(\d+) imported, )?(\d+) added, (\d+) changed, (\d+) destroyed"
)
_RESOURCE = re.compile(r'^resource "([\w-]+)" "([\w-]+)" \{', re.MULTILINE)
_OUTPUT = re.compile(r'^output "([\w-]+)" \{', re.MULTILINE)
_REMOTE_STATE = re.compile(r'^data "terraform_remote_state" "([\w-]+)" \{', re.MULTILINE)
_STRING_SETTING = re.compile(r'^\s*(\w+)\s*=\s*"([^"]*)"', re.MULTILINE)


_NOT_IN_MOTO = "moto 5.2 does not implement {}"
_NOT_DELEGABLE = "moto's Organizations delegates only some services, not this one"
_NO_PERMISSION_SETS = "moto 5.2 cannot read an SSO permission set back (no ListTagsForResource)"
_AUDIT = "accounts/audit/us-east-1"

# What moto 5.2 cannot apply in examples/org.yaml: (stack, resource address, or TYPE.* for
# every resource of a type, why). Only these blocks leave the test copy; the README's
# "Developing" section lists the same.
MOTO_GAPS: tuple[tuple[str, str, str], ...] = (
    (
        "bootstrap",
        "aws_s3_bucket_policy.state",
        "moto evaluates bucket policies without their conditions: DenyInsecureTransport would"
        " deny every request, the state backend's included",
    ),
    *(
        (
            stack,
            f"aws_s3_bucket_notification.{name}",
            "moto does not return a bucket's EventBridge setting: every plan would set it again",
        )
        for stack, name in (
            ("bootstrap", "state"),
            ("accounts/log-archive/us-east-1", "log_archive"),
        )
    ),
    (
        "accounts/app-a/us-east-1",
        "aws_ecs_account_setting_default.awsvpc_trunking",
        "moto 5.2 does not implement ECS account settings",
    ),
    # security: (plan/security*.py): moto applies the Config recorders of every account, the
    # audit account's GuardDuty detector and its designation, its Config aggregator and the
    # delegated administrators of GuardDuty, Config's multi-account setup and Access Analyzer;
    # not the rest
    *(
        ("organization", f"aws_organizations_delegated_administrator.{name}", _NOT_DELEGABLE)
        for name in ("config", "securityhub")
    ),
    *(
        (_AUDIT, f"{kind}.*", why)
        for kind, why in (
            (
                "aws_guardduty_detector_feature",
                "moto's UpdateDetector replaces the detector's whole feature list: each feature"
                " undoes the others, and every plan would set them again",
            ),
            (
                "aws_guardduty_organization_configuration",
                _NOT_IN_MOTO.format("GuardDuty UpdateOrganizationConfiguration"),
            ),
            (
                "aws_guardduty_organization_configuration_feature",
                _NOT_IN_MOTO.format("GuardDuty UpdateOrganizationConfiguration"),
            ),
            (
                "aws_guardduty_publishing_destination",
                _NOT_IN_MOTO.format("GuardDuty CreatePublishingDestination"),
            ),
            (
                "aws_securityhub_account",
                _NOT_IN_MOTO.format("Security Hub UpdateSecurityHubConfiguration"),
            ),
            (
                "aws_securityhub_organization_admin_account",
                _NOT_IN_MOTO.format("Security Hub ListOrganizationAdminAccounts"),
            ),
            (
                "aws_securityhub_finding_aggregator",
                _NOT_IN_MOTO.format("Security Hub CreateFindingAggregator"),
            ),
            (
                "aws_securityhub_organization_configuration",
                "moto 5.2 never reports the central configuration's status the provider waits for",
            ),
            (
                "aws_securityhub_configuration_policy",
                _NOT_IN_MOTO.format("Security Hub CreateConfigurationPolicy"),
            ),
            (
                "aws_securityhub_configuration_policy_association",
                _NOT_IN_MOTO.format("Security Hub StartConfigurationPolicyAssociation"),
            ),
            ("aws_accessanalyzer_analyzer", _NOT_IN_MOTO.format("IAM Access Analyzer")),
        )
    ),
    # identity_center: (plan/identity_center.py): moto creates the identity store's groups;
    # its permission sets cannot be read back (moto's SSO admin has no ListTagsForResource, which
    # the provider calls after each create), and all else hangs on them
    *(
        ("identity-center", f"{kind}.*", _NO_PERMISSION_SETS)
        for kind in (
            "aws_ssoadmin_permission_set",
            "aws_ssoadmin_managed_policy_attachment",
            "aws_ssoadmin_permission_set_inline_policy",
            "aws_ssoadmin_account_assignment",
        )
    ),
    ("identity-center", "output.permission_set_arns", "it reads the permission sets"),
)

# What moto 5.2 refuses inside a resource it applies, in examples/org.yaml: (stack, text,
# replacement, why). The README's "Developing" section lists the same.
MOTO_EDITS: tuple[tuple[str, str, str, str], ...] = (
    (
        "organization",
        '    "malware-protection.guardduty.amazonaws.com",\n',
        "",
        "moto's Organizations does not know GuardDuty Malware Protection as a trusted service",
    ),
)


# What moto 5.2 cannot apply of the account baseline (plan/account_settings.py), which every
# account's home-region stack holds (and its VPC regions the regional ones): (resource
# address, why). Dropped from every stack of every case that holds them; the README's
# "Developing" section lists the same.
FLOOR_GAPS: tuple[tuple[str, str], ...] = (
    (
        "aws_s3_account_public_access_block.this",
        "S3 Control addresses the account as a host name (<account>.127.0.0.1), which never"
        " reaches moto",
    ),
    (
        "aws_ec2_instance_metadata_defaults.this",
        _NOT_IN_MOTO.format("EC2 ModifyInstanceMetadataDefaults"),
    ),
    (
        "aws_ebs_snapshot_block_public_access.this",
        _NOT_IN_MOTO.format("EC2 EnableSnapshotBlockPublicAccess"),
    ),
    (
        "aws_ec2_image_block_public_access.this",
        _NOT_IN_MOTO.format("EC2 EnableImageBlockPublicAccess"),
    ),
    (
        "aws_ssm_association.default_vpc_removal",
        _NOT_IN_MOTO.format("SSM State Manager associations (CreateAssociation)"),
    ),
)


def _holds(stack: Path, address: str) -> bool:
    kind, name = address.split(".")
    return any(
        match.groups() == (kind, name)
        for tf in stack.glob("*.tf")
        for match in _RESOURCE.finditer(tf.read_text())
    )


# What moto 5.2 cannot apply of examples/shared-directory.yaml's directory, beside what it can
# (the directory, its security group rules, logs, admin secret, Resolver endpoint and rule with
# its own VPC's association, the consumers' join role and instance profile). The README's
# "Developing" section lists the same.
_NO_SHARING = "moto 5.2 implements neither ShareDirectory nor AcceptSharedDirectory"
_NO_RAM = "moto 5.2 implements no RAM AssociateResourceShare nor ListResourceSharePermissions"
_OWNER, _CONSUMER = "directories/corp/identity", "directories/corp/workloads"
DIRECTORY_GAPS: tuple[tuple[str, str, str], ...] = (
    (_OWNER, "aws_directory_service_shared_directory.corp_workloads", _NO_SHARING),
    (_OWNER, "output.corp_shared_directory_ids", "it reads the share above"),
    (_OWNER, "aws_ram_resource_share.corp_resolver", _NO_RAM),
    (_OWNER, "aws_ram_resource_association.corp_resolver", _NO_RAM),
    (_OWNER, "aws_ram_principal_association.corp_workloads_resolver", _NO_RAM),
    (_CONSUMER, "aws_directory_service_shared_directory_accepter.corp", _NO_SHARING),
    *(
        (
            _CONSUMER,
            f"aws_route53_resolver_rule_association.corp_{vpc}",
            "moto keeps Resolver rules per account and ignores RAM: another account never "
            "finds the rule",
        )
        for vpc in ("vpc-1", "vpc-2")
    ),
)


@dataclass(frozen=True)
class Applied:
    path: str
    ok: bool
    added: int  # imported + added
    destroyed: int
    replan_exit: int  # terraform plan -detailed-exitcode after the apply: 0 means no change
    seconds: float
    log: str
    transcript: str = ""  # everything terraform printed for the stack: init, apply, plan


# moto overrides, written into each stack of the test copy


def _provider_overrides(stack: Path) -> str:
    """Every provider of the stack: two retries at most (moto answers at once or never, and
    the default would retry an unimplemented call for minutes; one retry more rides out the
    connection its threaded server sometimes closes mid-response under load), no metadata or
    credential checks."""
    return "\n".join(
        'provider "aws" {\n'
        + (f'  alias                       = "{alias}"\n' if alias else "")
        + "  max_retries                 = 3\n"
        "  skip_credentials_validation = true\n"
        "  skip_metadata_api_check     = true\n"
        "}\n"
        for alias in [None, *provider_aliases(stack)]
    )


# moto's DescribeStackSet returns neither capabilities nor auto_deployment nor an operation
# preference's counts as set: without this, the second plan would replace the StackSet.
_STACK_SET_OVERRIDE = """
resource "aws_cloudformation_stack_set" "deployer_role" {
  lifecycle {
    ignore_changes = [
      administration_role_arn, auto_deployment, capabilities, managed_execution,
      operation_preferences, tags,
    ]
  }
}
"""


def _s3_settings(endpoint: str) -> dict[str, Any]:
    return {
        "use_path_style": True,
        "endpoints": {"s3": endpoint},
        "skip_credentials_validation": True,
        "skip_requesting_account_id": True,
        "skip_metadata_api_check": True,
    }


def _hcl(value: Any) -> str:
    """lzgen's own HCL literals, and objects of them (a backend's ``endpoints``)."""
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_hcl(v)}" for k, v in value.items()) + " }"
    return hcl(value)


def _s3_backend_override(stack: Path, endpoint: str) -> str:
    """The stack's S3 backend, pointed at moto's S3 (path style)."""
    settings: dict[str, Any] = dict(_STRING_SETTING.findall((stack / "backend.tf").read_text()))
    settings.pop("encrypt", None)
    settings.update(encrypt=True, use_lockfile=True, **_s3_settings(endpoint))
    body = "".join(f"    {k} = {_hcl(v)}\n" for k, v in settings.items())
    return 'terraform {\n  backend "s3" {\n' + body + "  }\n}\n"


def _remote_state_overrides(stack: Path, endpoint: str) -> str:
    """Each S3 ``terraform_remote_state`` of the stack, read from moto's S3."""
    path = stack / "remote_state.tf"
    text = path.read_text() if path.is_file() else ""
    if 'backend = "s3"' not in text:
        return ""
    blocks = []
    starts = [m.start() for m in _REMOTE_STATE.finditer(text)] + [len(text)]
    for start, end in itertools.pairwise(starts):
        name = _REMOTE_STATE.match(text, start).group(1)  # type: ignore[union-attr]
        config: dict[str, Any] = {
            k: v for k, v in _STRING_SETTING.findall(text[start:end]) if k != "backend"
        }
        config.update(_s3_settings(endpoint))
        blocks.append(
            f'data "terraform_remote_state" "{name}" {{\n'
            f'  backend = "s3"\n  config = {_hcl(config)}\n}}\n'
        )
    return "\n".join(blocks)


def _drop_resource(stack: Path, address: str) -> int:
    """Remove one ``resource`` block (a moto gap), or an ``output.NAME`` that reads one, or
    with ``TYPE.*`` every resource of that type, from the stack's .tf files, and what it drops
    from every ``depends_on`` of the stack. Returns the number of resources dropped."""
    kind, name = address.split(".")
    if name == "*":
        names = sorted(
            {
                m.group(2)
                for tf in stack.glob("*.tf")
                for m in _RESOURCE.finditer(tf.read_text())
                if m.group(1) == kind
            }
        )
        assert names, f"{stack.name}: no {kind} to drop"
        return sum(_drop_resource(stack, f"{kind}.{each}") for each in names)
    pattern, wanted = (_OUTPUT, (name,)) if kind == "output" else (_RESOURCE, (kind, name))
    for tf in stack.glob("*.tf"):
        text = tf.read_text()
        for match in pattern.finditer(text):
            if match.groups() == wanted:
                depth, end = 0, match.end() - 1
                for end in range(match.end() - 1, len(text)):
                    depth += {"{": 1, "}": -1}.get(text[end], 0)
                    if depth == 0:
                        break
                tf.write_text(text[: match.start()] + text[end + 2 :])
                _unreference(stack, address)
                return 0 if kind == "output" else 1
    raise AssertionError(f"{stack.name}: no resource {address} to drop")


_DEPENDS_ON = re.compile(r"depends_on\s*=\s*\[([^\]]*)\]")


def _unreference(stack: Path, address: str) -> None:
    """``address`` out of every ``depends_on`` list of the stack."""
    entry = re.compile(rf"\s*{re.escape(address)}(?![\w-])\s*,?")
    for tf in stack.glob("*.tf"):
        text = tf.read_text()
        kept = _DEPENDS_ON.sub(lambda m: f"depends_on = [{entry.sub('', m.group(1))}]", text)
        if kept != text:
            tf.write_text(kept)


# the moto server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def moto_endpoint() -> Iterator[str]:
    # AWS managed policies (AdministratorAccess, attached to the pipeline and deployer roles)
    # exist in every account, as in AWS; moto loads them only when asked (its in-process
    # setting, read when an account's IAM backend is made).
    patch = pytest.MonkeyPatch()
    patch.setenv("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()
        patch.undo()


def _reset(endpoint: str) -> None:
    """Forget every resource: each case is an organization of its own (the URL is our own
    server on 127.0.0.1)."""
    request = urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST")  # noqa: S310
    # a reset of a large case takes a while on a loaded machine
    urllib.request.urlopen(request, timeout=300).close()  # noqa: S310


def _client(endpoint: str, service: str, **credentials: str) -> Any:
    return boto3.client(
        service,
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=credentials.get("AccessKeyId", "moto"),
        aws_secret_access_key=credentials.get("SecretAccessKey", "moto"),
        aws_session_token=credentials.get("SessionToken"),
    )


# applying a tree


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def _apply_stack(
    work: Path, path: str, terraform: str, env: dict[str, str], *, migrate_to: str = ""
) -> Applied:
    start = time.monotonic()
    printed: list[str] = []

    def run(args: list[str]) -> subprocess.CompletedProcess[str]:
        done = _run(args, work, env)
        printed.extend((done.stdout, done.stderr))
        return done

    def failed(done: subprocess.CompletedProcess[str]) -> Applied:
        log = done.stdout + done.stderr
        return Applied(path, False, 0, 0, -1, time.monotonic() - start, log, "".join(printed))

    init = run([terraform, "init", "-no-color"])
    if init.returncode != 0:
        return failed(init)
    applied = run([terraform, "apply", "-auto-approve", "-no-color"])
    counts = _APPLIED.search(applied.stdout)
    if applied.returncode != 0 or counts is None:
        return failed(applied)
    if migrate_to:  # the bootstrap: its state moves from local into the bucket it just made
        (work / "backend_override.tf").write_text(migrate_to)
        moved = run([terraform, "init", "-migrate-state", "-force-copy", "-no-color"])
        if moved.returncode != 0:
            return failed(moved)
    replan = run([terraform, "plan", "-detailed-exitcode", "-no-color"])
    return Applied(
        path,
        True,
        int(counts.group(1) or 0) + int(counts.group(2)),
        int(counts.group(4)),
        replan.returncode,
        time.monotonic() - start,
        replan.stdout[-4000:] + replan.stderr[-2000:],
        "".join(printed),
    )


def apply_tree(
    tree: Path,
    terraform: str,
    env: dict[str, str],
    endpoint: str,
    only: Collection[str] = (),
) -> list[Applied]:
    """Init, apply and re-plan every stack of ``tree`` (or those ``only`` names) in apply
    order, stopping at a failure. A stack with an S3 backend keeps its state in moto's S3; the
    bootstrap stack, which makes that bucket, first applies with local state and then migrates
    it there."""
    manifest = json.loads((tree / "lzgen.manifest.json").read_text())
    done: list[Applied] = []
    for stack in manifest["stacks"]:
        if only and stack["path"] not in only:
            continue
        work = tree / stack["path"]
        overrides = _provider_overrides(work)
        if (work / "deployer_role.tf").is_file():
            overrides += _STACK_SET_OVERRIDE
        overrides += _remote_state_overrides(work, endpoint)
        (work / "moto_override.tf").write_text(overrides)
        s3 = 'backend "s3"' in (work / "backend.tf").read_text()
        migrate_to = ""
        if s3 and stack["path"] == "bootstrap":
            (work / "backend_override.tf").write_text('terraform {\n  backend "local" {}\n}\n')
            migrate_to = _s3_backend_override(work, endpoint)
        elif s3:
            (work / "backend_override.tf").write_text(_s3_backend_override(work, endpoint))
        done.append(_apply_stack(work, stack["path"], terraform, env, migrate_to=migrate_to))
        if not done[-1].ok:
            break
        if stack["path"] == "deployer-role":
            _deploy_below_the_first_level(endpoint)
    return done


def _deploy_below_the_first_level(endpoint: str) -> None:
    """moto deploys a service-managed StackSet instance only to the accounts of the targeted
    OU and of its direct children; AWS deploys to every OU below it. So OUs two levels or more
    below the root (Workloads/Prod) get the same StackSet's instance here, by boto3."""
    org = _client(endpoint, "organizations")
    root = org.list_roots()["Roots"][0]["Id"]
    level = [
        ou["Id"]
        for ou in org.list_organizational_units_for_parent(ParentId=root)["OrganizationalUnits"]
    ]
    deeper: list[str] = []
    while level:
        level = [
            child["Id"]
            for ou in level
            for child in org.list_organizational_units_for_parent(ParentId=ou)[
                "OrganizationalUnits"
            ]
        ]
        deeper += level
    if deeper:
        _client(endpoint, "cloudformation").create_stack_instances(
            StackSetName="lzgen-deployer-role",
            DeploymentTargets={"OrganizationalUnitIds": deeper},
            Regions=[REGION],
        )


# the cases


@dataclass(frozen=True)
class Case:
    name: str
    source: str  # the name of the rendered tree (conftest.trees())
    # seeds moto before the apply; returns the replacements for the copy of the org file
    seed: Callable[[str], dict[str, str]] | None = None
    gaps: tuple[tuple[str, str, str], ...] = ()
    # (stack, text, replacement, why): what moto refuses inside a resource that applies
    edits: tuple[tuple[str, str, str, str], ...] = ()


def _seed_management_account(endpoint: str) -> dict[str, str]:
    """examples/org.yaml as moto can apply it: its management account is moto's, and the
    shared VPC is IPv4 only (moto 5.2 fails DescribeSubnets on subnets with an IPv6 block)."""
    return {"111111111111": MOTO_ACCOUNT, "ipv6: true ": "ipv6: false"}


def _seed_shared_directory(endpoint: str) -> dict[str, str]:
    """examples/shared-directory.yaml with moto's management account, and local state: the
    S3 backend's first apply is the org case's to prove. RAM sharing with the organization
    (for the Resolver rule) reads the service-linked role AWS makes when it is enabled, which
    moto does not make: it is made here, as AWS would."""
    _client(endpoint, "iam").create_role(
        RoleName="AWSServiceRoleForResourceAccessManager",
        Path="/aws-service-role/ram.amazonaws.com/",
        AssumeRolePolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": "ram.amazonaws.com"},
                        "Action": "sts:AssumeRole",
                    }
                ],
            }
        ),
    )
    return {
        "121212121212": MOTO_ACCOUNT,
        "state: { backend: s3, bucket: corpnet-tfstate, region: us-east-1 }": (
            "state: { backend: local }"
        ),
    }


def _seed_brownfield(endpoint: str) -> dict[str, str]:
    """The organization examples/brownfield.yaml adopts, as it might be before lzgen: OUs
    Infrastructure (holding shared-services) and Workloads, legacy still under the root, two
    trusted services and tag policies enabled. Returns the file's ids -> moto's."""
    org = _client(endpoint, "organizations")
    organization = org.create_organization(FeatureSet="ALL")["Organization"]
    root = org.list_roots()["Roots"][0]["Id"]
    ous = {
        name: org.create_organizational_unit(ParentId=root, Name=name)["OrganizationalUnit"]["Id"]
        for name in ("Infrastructure", "Workloads")
    }
    accounts = {}
    for name, email in (
        ("shared-services", "aws+shared@brownco.example"),
        ("legacy", "aws+legacy@brownco.example"),
    ):
        status = org.create_account(AccountName=name, Email=email)["CreateAccountStatus"]
        accounts[name] = org.describe_create_account_status(CreateAccountRequestId=status["Id"])[
            "CreateAccountStatus"
        ]["AccountId"]
    org.move_account(
        AccountId=accounts["shared-services"],
        SourceParentId=root,
        DestinationParentId=ous["Infrastructure"],
    )
    for service in ("sso.amazonaws.com", "config.amazonaws.com"):
        org.enable_aws_service_access(ServicePrincipal=service)
    org.enable_policy_type(RootId=root, PolicyType="TAG_POLICY")
    # OU ids before the root id: "r-br01" is part of them
    return {
        "ou-br01-infra001": ous["Infrastructure"],
        "ou-br01-work0001": ous["Workloads"],
        "o-brownco0001": organization["Id"],
        "r-br01": root,
        "210000000001": MOTO_ACCOUNT,
        "210000000002": accounts["shared-services"],
        "210000000003": accounts["legacy"],
    }


CASES = {
    case.name: case
    for case in (
        # the longest first: ``nox -s terraform``'s two apply workers take them in this order
        Case("org", "org", _seed_management_account, MOTO_GAPS, MOTO_EDITS),
        Case("shared-directory", "shared-directory", _seed_shared_directory, DIRECTORY_GAPS),
        Case("applied", "applied"),
        Case("brownfield", "brownfield", _seed_brownfield),
        Case("local-state", "local-state"),
    )
}


@dataclass(frozen=True)
class AppliedCase:
    tree: Path
    manifest: dict[str, Any]
    stacks: list[Applied]
    env: dict[str, str]
    endpoint: str
    dropped: dict[str, int] = field(default_factory=dict)  # stack path -> moto gaps removed

    def output(self, stack: str, terraform: str = "terraform") -> dict[str, Any]:
        shown = _run([terraform, "output", "-json"], self.tree / stack, self.env)
        assert shown.returncode == 0, shown.stderr
        return {k: v["value"] for k, v in json.loads(shown.stdout).items()}

    def state(self, stack: str) -> dict[str, Any]:
        pulled = _run(["terraform", "state", "pull"], self.tree / stack, self.env)
        assert pulled.returncode == 0, pulled.stderr
        state: dict[str, Any] = json.loads(pulled.stdout)
        return state


def _prepare(
    case: Case, rendered: RenderedExamples, endpoint: str, tmp: Path
) -> tuple[Path, dict[str, int]]:
    """The case's tree in ``tmp/out``: the rendered tree, or the org file with moto's ids
    rendered anew; moto gaps removed."""
    tree = tmp / "out"
    if case.seed is None:
        shutil.copytree(rendered[case.source], tree)
    else:
        text = rendered.source(case.source).read_text()
        for old, new in case.seed(endpoint).items():
            text = text.replace(old, new)
        source = tmp / f"{case.source}.yaml"
        source.write_text(text)
        render_example(source, tree)
    dropped: dict[str, int] = {}
    for stack, address, _why in case.gaps:
        dropped[stack] = dropped.get(stack, 0) + _drop_resource(tree / stack, address)
    for stack, old, new, _why in case.edits:
        for tf in sorted((tree / stack).glob("*.tf")):
            tf.write_text(tf.read_text().replace(old, new))
    for path, count in drop_floor_gaps(tree).items():
        dropped[path] = dropped.get(path, 0) + count
    return tree, dropped


def drop_floor_gaps(tree: Path) -> dict[str, int]:
    """Remove what moto cannot apply of the account baseline from every stack of ``tree``
    (``FLOOR_GAPS``); returns stack path -> resources removed."""
    dropped: dict[str, int] = {}
    for settings in sorted(tree.rglob("account_settings.tf")):
        stack = settings.parent
        for address, _why in FLOOR_GAPS:
            if _holds(stack, address):
                path = stack.relative_to(tree).as_posix()
                dropped[path] = dropped.get(path, 0) + _drop_resource(stack, address)
    return dropped


class AppliedCases:
    """Case name -> its applied tree; each case applies on first use (so ``-k brownfield``
    applies only that one), on a reset moto."""

    def __init__(
        self, rendered: RenderedExamples, terraform: str, endpoint: str, tmp: pytest.TempPathFactory
    ) -> None:
        self._rendered, self._terraform, self._endpoint, self._tmp = (
            rendered,
            terraform,
            endpoint,
            tmp,
        )
        self._done: dict[str, AppliedCase] = {}

    def __getitem__(self, name: str) -> AppliedCase:
        if name not in self._done:
            self._done[name] = self._apply(CASES[name])
        return self._done[name]

    def _apply(self, case: Case) -> AppliedCase:
        _reset(self._endpoint)
        tmp = self._tmp.mktemp(f"apply-{case.name}")
        tree, dropped = _prepare(case, self._rendered, self._endpoint, tmp)
        env = terraform_env(tmp)
        env.update(
            AWS_ENDPOINT_URL=self._endpoint,
            AWS_ACCESS_KEY_ID="moto",
            AWS_SECRET_ACCESS_KEY="moto",  # noqa: S106  (moto accepts any)
        )
        stacks = apply_tree(tree, self._terraform, env, self._endpoint)
        manifest = json.loads((tree / "lzgen.manifest.json").read_text())
        print(f"{case.name}: " + ", ".join(f"{s.path} {s.seconds:.0f}s" for s in stacks))
        return AppliedCase(tree, manifest, stacks, env, self._endpoint, dropped)


@pytest.fixture(scope="module")
def all_cases(
    rendered_examples: RenderedExamples,
    terraform_bin: str,
    moto_endpoint: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> AppliedCases:
    return AppliedCases(rendered_examples, terraform_bin, moto_endpoint, tmp_path_factory)


def _case_param(name: str) -> Any:
    """Case ``name`` as a parameter of the ``case`` fixture, in the xdist group of its own:
    ``nox -s terraform`` applies the cases on two workers (``--dist loadgroup``), each with a
    moto of its own (``moto_endpoint`` is per worker), and every test of a case on the worker
    that applied it."""
    return pytest.param(name, id=name, marks=pytest.mark.xdist_group(f"apply-{name}"))


def only(name: str) -> pytest.MarkDecorator:
    """A test of case ``name`` alone."""
    return pytest.mark.parametrize("case", [_case_param(name)], indirect=True)


@pytest.fixture(scope="module", params=[_case_param(name) for name in CASES])
def case(request: pytest.FixtureRequest, all_cases: AppliedCases) -> AppliedCase:
    """A module-scoped parameter, so pytest runs every test of one case before it applies the
    next (each case resets moto: a later case would leave an earlier one's checks nothing)."""
    applied: AppliedCase = all_cases[request.param]
    return applied


def test_every_stack_applies_with_the_resources_the_manifest_counts(case: AppliedCase) -> None:
    for stack in case.stacks:
        assert stack.ok, f"{stack.path} failed to apply:\n{stack.log[-6000:]}"
    expected = {
        s["path"]: s["resources"] - case.dropped.get(s["path"], 0) for s in case.manifest["stacks"]
    }
    assert {s.path: s.added for s in case.stacks} == expected
    assert {s.path: s.destroyed for s in case.stacks} == dict.fromkeys(expected, 0)


def test_a_second_plan_changes_nothing(case: AppliedCase) -> None:
    for stack in case.stacks:
        assert stack.replan_exit == 0, f"{stack.path} plans changes after its apply:\n{stack.log}"


def test_member_stacks_assume_the_deployer_role_the_stack_set_made(case: AppliedCase) -> None:
    """The deployer-role stack's StackSet made lzgen-deployer in every member account, and it
    is the role their stacks' providers assume."""
    assert all(s.ok for s in case.stacks), "see the apply test"
    ids = case.output("organization")["account_ids"]
    members = sorted({i for i in ids.values() if i != MOTO_ACCOUNT})
    assert members
    sts = _client(case.endpoint, "sts")
    for account in members:
        role = f"arn:aws:iam::{account}:role/lzgen-deployer"
        assumed = sts.assume_role(RoleArn=role, RoleSessionName="lzgen-test")["Credentials"]
        iam = _client(case.endpoint, "iam", **assumed)
        assert iam.get_role(RoleName="lzgen-deployer")["Role"]["Arn"] == role
    member_stacks = [s for s in case.manifest["stacks"] if s["path"].startswith("accounts/")]
    for stack in member_stacks:
        text = (case.tree / stack["path"] / "providers.tf").read_text()
        account = stack["path"].split("/")[1]
        if ids.get(account, MOTO_ACCOUNT) != MOTO_ACCOUNT:
            assert ":role/lzgen-deployer" in text, stack["path"]


def test_vpcs_land_in_their_accounts(case: AppliedCase) -> None:
    """The account ids a stack assumes its role in come from the organization stack's state
    (created accounts) or the file: each VPC's owner is its account."""
    assert all(s.ok for s in case.stacks), "see the apply test"
    ids = case.output("organization")["account_ids"]
    vpcs = 0
    for stack in case.manifest["stacks"]:
        if not stack["path"].startswith("accounts/"):
            continue
        account = stack["path"].split("/")[1]
        for resource in case.state(stack["path"])["resources"]:
            if resource["type"] == "aws_vpc" and resource["mode"] == "managed":
                owner = resource["instances"][0]["attributes"]["owner_id"]
                assert owner == ids[account], (stack["path"], resource["name"])
                vpcs += 1
    assert vpcs >= 1


@only("brownfield")
def test_brownfield_keeps_what_the_organization_had_and_moves_accounts(
    case: AppliedCase,
) -> None:
    assert all(s.ok for s in case.stacks), "see the apply test"
    outputs = case.output("organization")
    org = _client(case.endpoint, "organizations")
    for account, ou in (("shared-services", "Infrastructure"), ("legacy", "Workloads")):
        parents = org.list_parents(ChildId=outputs["account_ids"][account])["Parents"]
        assert [p["Id"] for p in parents] == [outputs["ou_ids"][ou]], account
    enabled = {
        s["ServicePrincipal"]
        for s in org.list_aws_service_access_for_organization()["EnabledServicePrincipals"]
    }
    assert {"sso.amazonaws.com", "config.amazonaws.com"} <= enabled
    root = org.list_roots()["Roots"][0]
    types = {p["Type"] for p in root["PolicyTypes"] if p["Status"] == "ENABLED"}
    assert "TAG_POLICY" in types


@only("org")
def test_flow_log_delivery_is_admitted_per_sending_account_into_its_own_prefix(
    case: AppliedCase,
) -> None:
    """The applied log archive bucket policy: flow log delivery for exactly the accounts whose
    VPCs send flow logs (aws:SourceAccount, aws:SourceArn), each into AWSLogs/<its id>/."""
    assert all(s.ok for s in case.stacks), "see the apply test"
    ids = case.output("organization")["account_ids"]
    senders = [ids["network"], ids["app-a"]]  # examples/org.yaml's VPC owners, in file order
    archive = case.output("accounts/log-archive/us-east-1")
    s3 = _client(case.endpoint, "s3", **_assumed(case, "log-archive"))
    bucket = archive["log_archive_bucket"]
    policy = json.loads(s3.get_bucket_policy(Bucket=bucket)["Policy"])
    statements = {s["Sid"]: s for s in policy["Statement"] if "FlowLog" in s["Sid"]}
    assert set(statements) == {"FlowLogDeliveryChecksAcl", "FlowLogDeliveryWrites"}
    for statement in statements.values():
        condition = statement["Condition"]
        assert sorted(condition["StringEquals"]["aws:SourceAccount"]) == sorted(senders)
        assert condition["ArnLike"] == {"aws:SourceArn": "arn:aws:logs:*:*:*"}
    assert sorted(statements["FlowLogDeliveryWrites"]["Resource"]) == sorted(
        f"arn:aws:s3:::{bucket}/AWSLogs/{account}/vpcflowlogs/*" for account in senders
    )
    assert "aws:SourceOrgID" not in json.dumps(statements)


def _assumed(case: AppliedCase, account: str) -> dict[str, str]:
    """Credentials of the deployer role in the file's account ``account``."""
    ids = case.output("organization")["account_ids"]
    role = f"arn:aws:iam::{ids[account]}:role/lzgen-deployer"
    assumed: dict[str, str] = _client(case.endpoint, "sts").assume_role(
        RoleArn=role, RoleSessionName="lzgen-test"
    )["Credentials"]
    return assumed


@only("shared-directory")
def test_the_directory_runs_in_its_owner_account_with_its_logs_and_resolver(
    case: AppliedCase,
) -> None:
    assert all(s.ok for s in case.stacks), "see the apply test"
    owner = _assumed(case, "identity")
    [directory] = _client(case.endpoint, "ds", **owner).describe_directories()[
        "DirectoryDescriptions"
    ]
    assert (directory["Name"], directory["ShortName"], directory["Type"]) == (
        "corp.example.com",
        "CORP",
        "MicrosoftAD",
    )
    outputs = case.output(_OWNER)
    assert outputs["corp_directory_id"] == directory["DirectoryId"]
    assert sorted(outputs["corp_dns_ip_addresses"]) == sorted(directory["DnsIpAddrs"])
    subscriptions = _client(case.endpoint, "ds", **owner).list_log_subscriptions(
        DirectoryId=directory["DirectoryId"]
    )["LogSubscriptions"]
    assert [s["LogGroupName"] for s in subscriptions] == ["/aws/directoryservice/corp"]
    resolver = _client(case.endpoint, "route53resolver", **owner)
    [rule] = resolver.list_resolver_rules(
        Filters=[{"Name": "DomainName", "Values": ["corp.example.com."]}]
    )["ResolverRules"]
    assert sorted(t["Ip"] for t in rule["TargetIps"]) == sorted(directory["DnsIpAddrs"])
    consumer = _client(case.endpoint, "iam", **_assumed(case, "workloads"))
    profile = consumer.get_instance_profile(InstanceProfileName="lzgen-directory-corp-join")
    assert [r["RoleName"] for r in profile["InstanceProfile"]["Roles"]] == [
        "lzgen-directory-corp-join"
    ]


@only("shared-directory")
def test_the_directory_password_is_in_no_rendered_file_manifest_or_log(case: AppliedCase) -> None:
    """The admin password is generated at the apply into Secrets Manager: it is in the owner
    stack's state (where the grep below finds it, so the grep works) and nowhere else."""
    assert all(s.ok for s in case.stacks), "see the apply test"
    secrets = _client(case.endpoint, "secretsmanager", **_assumed(case, "identity"))
    password = secrets.get_secret_value(SecretId="lzgen/directory/corp/admin")["SecretString"]
    assert len(password) >= 36
    assert password in (case.tree / _OWNER / "terraform.tfstate").read_text()
    leaks = [
        path.relative_to(case.tree).as_posix()
        for path in sorted(case.tree.rglob("*"))
        if path.is_file()
        and ".terraform" not in path.parts
        and not path.name.startswith("terraform.tfstate")
        and password in path.read_text(errors="replace")
    ]
    assert leaks == []
    assert [s.path for s in case.stacks if password in s.transcript] == []
