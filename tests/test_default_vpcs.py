"""The account baseline removes default VPCs (plan/account_settings.py, ``default_vpc_removed``):
an SSM Automation runbook of lzgen's, its role and the State Manager association that runs it
once, in the home region and every VPC region of each account; an opt-out needs a reason.

The runbook's script is run here against moto (``mock_aws``): it removes exactly the default
VPC, and refuses one with a network interface in it.
"""

from __future__ import annotations

import json
import re
from typing import Any

import boto3
import pytest
from moto import mock_aws

from conftest import OfflinePlans, tree_group
from helpers import diagnose, org, rendered

RUNBOOK = "aws_ssm_document.default_vpc_removal"
RESOURCES = (
    RUNBOOK,
    "aws_iam_role.default_vpc_removal",
    "aws_iam_role_policy.default_vpc_removal",
    "aws_ssm_association.default_vpc_removal",
)
_SCRIPT = re.compile(r"Script  = <<-PYTHON\n(?P<body>.*?)\n\s*PYTHON\n", re.DOTALL)
TWO_REGIONS = """
vpcs:
  - name: app-vpc
    account: app-a
    region: eu-west-1
    cidr: 10.20.0.0/16
    azs: [a, b]
    nat_gateways: none
    subnets:
      - { name: app, type: private, size: 24 }
"""


def _files(snippet: str = "") -> dict[str, str]:
    return rendered(org(snippet))


def _holds(files: dict[str, str], stack: str) -> list[str]:
    text = files.get(f"{stack}/account_settings.tf", "")
    return [a for a in RESOURCES if 'resource "{}" "{}"'.format(*a.split(".")) in text]


def script(text: str) -> str:
    """The runbook's Python, as the heredoc gives it to SSM (its indentation stripped)."""
    match = _SCRIPT.search(text)
    assert match is not None, "no runbook script"
    lines = match["body"].split("\n")
    indent = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
    return "\n".join(line[indent:] for line in lines) + "\n"


def test_every_account_removes_its_default_vpc_in_every_region_in_use() -> None:
    """app-a's VPC is in eu-west-1: network, with none there, loses its default VPC there too."""
    files = _files(TWO_REGIONS)
    for stack in (
        "organization",  # the management account
        "accounts/network/us-east-1",
        "accounts/network/eu-west-1",
        "accounts/app-a/us-east-1",
        "accounts/app-a/eu-west-1",
    ):
        assert _holds(files, stack) == list(RESOURCES), stack
    text = files["accounts/app-a/eu-west-1/account_settings.tf"]
    assert 'name        = "lzgen-default-vpc-removal-eu-west-1"' in text
    assert '"arn:aws:ssm:eu-west-1:${local.default_vpc_removal_account}:automation' in text
    local = 'default_vpc_removal_account = split(":", aws_ssm_document.default_vpc_removal.arn)[4]'
    assert local in text


def test_an_opt_out_with_a_reason_keeps_that_accounts_default_vpc() -> None:
    files = _files(
        """
        account_settings:
          - accounts: [network]
            default_vpc_removed: false
            opt_out_reason: "a vendor appliance still runs in the default VPC (RISK-7)"
        """
    )
    assert _holds(files, "accounts/network/us-east-1") == []
    assert _holds(files, "accounts/app-a/us-east-1") == list(RESOURCES)


def test_an_opt_out_without_a_reason_is_an_error() -> None:
    snippet = """
    account_settings:
      - { accounts: [network], default_vpc_removed: false }
    """
    assert diagnose(org(snippet)) == [("LZ7007", 2, 49)]


# --- the runbook's script, against moto -------------------------------------------------------


@pytest.fixture
def handler() -> Any:
    text = _files()["accounts/network/us-east-1/account_settings.tf"]
    namespace: dict[str, Any] = {}
    exec(compile(script(text), "runbook", "exec"), namespace)  # noqa: S102 - lzgen's own runbook
    return namespace["handler"]


@mock_aws
def test_the_runbook_removes_the_default_vpc_and_nothing_else(handler: Any) -> None:
    ec2 = boto3.client("ec2", region_name="eu-central-1")
    (default,) = ec2.describe_vpcs(Filters=[{"Name": "isDefault", "Values": ["true"]}])["Vpcs"]
    own = ec2.create_vpc(CidrBlock="10.9.0.0/16")["Vpc"]["VpcId"]
    ec2.create_subnet(VpcId=own, CidrBlock="10.9.1.0/24")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("AWS_DEFAULT_REGION", "eu-central-1")
        assert handler({}, None) == {"removed": [default["VpcId"]]}
    left = ec2.describe_vpcs()["Vpcs"]
    assert [v["VpcId"] for v in left] == [own]
    assert ec2.describe_internet_gateways()["InternetGateways"] == []
    assert [s["VpcId"] for s in ec2.describe_subnets()["Subnets"]] == [own]
    with pytest.MonkeyPatch.context() as env:
        env.setenv("AWS_DEFAULT_REGION", "eu-central-1")
        assert handler({}, None) == {"removed": []}  # once removed, a run changes nothing


@mock_aws
def test_the_runbook_refuses_a_default_vpc_in_use(handler: Any) -> None:
    ec2 = boto3.client("ec2", region_name="eu-central-1")
    (default,) = ec2.describe_vpcs(Filters=[{"Name": "isDefault", "Values": ["true"]}])["Vpcs"]
    subnet = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [default["VpcId"]]}])
    ec2.create_network_interface(SubnetId=subnet["Subnets"][0]["SubnetId"])
    with pytest.MonkeyPatch.context() as env:
        env.setenv("AWS_DEFAULT_REGION", "eu-central-1")
        with pytest.raises(RuntimeError, match="has 1 network interfaces: not removed"):
            handler({}, None)
    assert [v["VpcId"] for v in ec2.describe_vpcs()["Vpcs"]] == [default["VpcId"]]


# --- plan JSON: examples/org.yaml's offline plans ---------------------------------------------


@pytest.mark.terraform
@tree_group("org")
def test_the_plan_runs_the_runbook_as_its_own_role_once(offline_plans: OfflinePlans) -> None:
    plan = offline_plans.at("org", "accounts/network/us-east-1")
    runbook = plan.planned[RUNBOOK]
    assert (runbook["document_type"], runbook["document_format"]) == ("Automation", "JSON")
    content = json.loads(runbook["content"])
    (step,) = content["mainSteps"]
    assert (step["action"], step["inputs"]["Runtime"]) == ("aws:executeScript", "python3.11")
    association = "aws_ssm_association.default_vpc_removal"
    assert "schedule_expression" not in plan.planned[association] or (
        plan.planned[association]["schedule_expression"] is None
    )
    assert plan.planned[association]["wait_for_success_timeout_seconds"] == 600
    assert plan.one(association, "name") == RUNBOOK
    assert plan.one(association, "parameters") == "aws_iam_role.default_vpc_removal"
    # the trust names this account through a local taken from the runbook's ARN (the plan JSON
    # keeps no locals: the HCL says what it is)
    trust = plan.references("aws_iam_role.default_vpc_removal", "assume_role_policy")
    assert "local.default_vpc_removal_account" in trust
    assert not plan.resources("aws_iam_role.default_vpc_removal", "assume_role_policy")
